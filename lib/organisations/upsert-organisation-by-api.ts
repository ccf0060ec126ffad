// A connected system (the CRM) creates or updates an organisation, found by its organisation number. Fields left out
// keep their stored values; the account manager stays the company's own decision, made by staff in Tillit. Setting
// the relationship's end starts the retention clock of its contacts, as when staff do it (save-organisation.ts).
// One transaction with its audit entry, the API key as actor.
import "server-only";
import type { UpsertOrganisationBody } from "@/lib/api/schemas";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";

export type UpsertOrganisationByApiResult = { ok: true; id: string; created: boolean; changed: string[] };

const day = (v: string | null | undefined) => (v ? new Date(`${v}T00:00:00Z`) : v);
const show = (v: Date | string | null | undefined) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null));

export async function upsertOrganisationByApi(opts: {
  db: Db;
  keyId: string;
  input: UpsertOrganisationBody;
  now?: Date;
}): Promise<UpsertOrganisationByApiResult> {
  const now = opts.now ?? new Date();
  const { orgNumber, ...rest } = opts.input;
  // Only what the caller sent: undefined leaves a field alone.
  const next = Object.fromEntries(
    Object.entries({
      name: rest.name,
      relationship: rest.relationship,
      relationshipStart: day(rest.relationshipStart),
      relationshipEnd: day(rest.relationshipEnd),
    }).filter(([, v]) => v !== undefined),
  ) as {
    name: string;
    relationship: UpsertOrganisationBody["relationship"];
    relationshipStart?: Date | null;
    relationshipEnd?: Date | null;
  };
  const actor = { type: "API" as const, id: opts.keyId };

  const attempt = () =>
    opts.db.$transaction(async (tx): Promise<UpsertOrganisationByApiResult> => {
      const current = await tx.organisation.findUnique({ where: { orgNumber } });
      if (!current) {
        const created = await tx.organisation.create({
          data: { ...next, orgNumber, createdAt: now },
          select: { id: true },
        });
        const fields = ["orgNumber", ...Object.keys(next)];
        await recordAuditEvent(
          tx,
          {
            actor,
            action: "organisation.created",
            subject: { type: "Organisation", id: created.id },
            fields: fields as never,
          },
          now,
        );
        return { ok: true, id: created.id, created: true, changed: fields };
      }
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
        (f) => show(current[f] as Date | string | null) !== show(next[f] as Date | string | null),
      );
      if (changed.length === 0) return { ok: true, id: current.id, created: false, changed: [] };
      await tx.organisation.update({ where: { id: current.id }, data: next });
      await recordAuditEvent(
        tx,
        {
          actor,
          action:
            changed.includes("relationshipEnd") && next.relationshipEnd
              ? "organisation.relationship_ended"
              : "organisation.updated",
          subject: { type: "Organisation", id: current.id },
          fields: changed,
          personalValues: Object.fromEntries(
            changed.map((f) => [
              f,
              { from: show(current[f] as Date | string | null), to: show(next[f] as Date | string | null) },
            ]),
          ),
        },
        now,
      );
      return { ok: true, id: current.id, created: false, changed };
    });

  try {
    return await attempt();
  } catch (e) {
    // Two calls racing to create the same organisation number: the loser finds the winner's row on its second try.
    if ((e as { code?: unknown }).code === "P2002") return attempt();
    throw e;
  }
}
