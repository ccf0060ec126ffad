// A connected system (the CRM) says what role a contact has at an organisation: by organisation number and role type.
// The contact's open role of that type there (or an ended one that started the same day: the same role sent again)
// is updated; otherwise a role is added. `endsOn` ends it; the contact stays in the register. One transaction with
// its audit entry, the API key as actor: role_added, role_ended, or role_changed (title or start).
import "server-only";
import type { SetRoleBody } from "@/lib/api/schemas";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { fail, type Invalid, type NotFound } from "@/lib/result";

export type SetRoleByApiResult = { ok: true; roleId: string; created: boolean; changed: string[] } | NotFound | Invalid;

const date = (v: string) => new Date(`${v}T00:00:00Z`);
const show = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

export async function setRoleByApi(opts: {
  db: Db;
  keyId: string;
  contactId: string;
  input: SetRoleBody;
  now?: Date;
}): Promise<SetRoleByApiResult> {
  const now = opts.now ?? new Date();
  const input = opts.input;
  const startsOn = date(input.startsOn);
  const endsOn = input.endsOn === undefined ? undefined : input.endsOn === null ? null : date(input.endsOn);
  const actor = { type: "API" as const, id: opts.keyId };
  return opts.db.$transaction(async (tx) => {
    const [contact, org] = await Promise.all([
      tx.contact.findUnique({ where: { id: opts.contactId }, select: { id: true } }),
      tx.organisation.findUnique({ where: { orgNumber: input.organisation }, select: { id: true } }),
    ]);
    if (!contact) return fail("not_found");
    if (!org) return fail("invalid", { fieldErrors: { organisation: "organisation_unknown" } });
    const role = await tx.contactRole.findFirst({
      where: {
        contactId: contact.id,
        organisationId: org.id,
        type: input.type,
        OR: [{ endsOn: null }, { startsOn }],
      },
      orderBy: [{ endsOn: { sort: "desc", nulls: "first" } }, { startsOn: "desc" }],
    });

    if (!role) {
      const created = await tx.contactRole.create({
        data: {
          contactId: contact.id,
          organisationId: org.id,
          type: input.type,
          title: input.title ?? null,
          startsOn,
          endsOn: endsOn ?? null,
        },
        select: { id: true },
      });
      await recordAuditEvent(
        tx,
        {
          actor,
          action: "contact.role_added",
          subject: { type: "Contact", id: contact.id },
          fields: ["roles"],
          personalValues: {
            roleId: created.id,
            organisationId: org.id,
            type: input.type,
            title: input.title ?? null,
            startsOn: input.startsOn,
            endsOn: input.endsOn ?? null,
          },
        },
        now,
      );
      return { ok: true as const, roleId: created.id, created: true, changed: ["roles"] };
    }

    const next = {
      startsOn,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(endsOn !== undefined ? { endsOn } : {}),
    };
    const from: Record<string, string | null> = {
      startsOn: show(role.startsOn),
      title: role.title,
      endsOn: show(role.endsOn),
    };
    const to: Record<string, string | null> = {
      startsOn: show(next.startsOn),
      title: "title" in next ? (next.title ?? null) : role.title,
      endsOn: "endsOn" in next ? show(next.endsOn) : show(role.endsOn),
    };
    const changed = Object.keys(from).filter((k) => from[k] !== to[k]);
    if (changed.length === 0) return { ok: true as const, roleId: role.id, created: false, changed: [] };
    if (to.endsOn && to.endsOn < to.startsOn!) return fail("invalid", { fieldErrors: { endsOn: "end_before_start" } });
    await tx.contactRole.update({ where: { id: role.id }, data: next });
    await recordAuditEvent(
      tx,
      {
        actor,
        action: changed.includes("endsOn") && to.endsOn ? "contact.role_ended" : "contact.role_changed",
        subject: { type: "Contact", id: contact.id },
        fields: ["roles"],
        personalValues: {
          roleId: role.id,
          ...Object.fromEntries(changed.map((k) => [k, { from: from[k], to: to[k] }])),
        },
      },
      now,
    );
    return { ok: true as const, roleId: role.id, created: false, changed };
  });
}
