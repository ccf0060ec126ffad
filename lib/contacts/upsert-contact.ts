// Creates or updates a contact by address, for CRM sync (PUT /api/v1/contacts). One transaction with its audit entry.
// A new contact gets the default legal bases of its category and the default topics' subscriptions. An address with a
// suppression tombstone (erased, unsubscribed from all, bounced, complained) is never created by sync: staff must
// override it explicitly, with a new source (the one rule: lib/suppression/check-address-admission.ts).
import "server-only";
import { recordAuditEvent, recordAuditEvents, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { ContactCategory, Language, Prisma, SourceType } from "@/lib/generated/prisma/client";
import { checkAddressAdmission } from "@/lib/suppression/check-address-admission";
import type { SuppressionMatch } from "@/lib/suppression/find-suppression";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { createContactsWithDefaults, sqlOf } from "./create-contacts-with-defaults";
import type { AuditField } from "@/lib/audit/audit-fields";

export type UpsertContactInput = {
  /** Normalised (emailSchema). */
  email: string;
  name: string;
  /** Absent: unchanged (null on create); null: cleared. */
  phone?: string | null;
  jobTitle?: string | null;
  crmId?: string | null;
  supportDeskId?: string | null;
  language?: Language;
  category: ContactCategory;
  source: { type: SourceType; detail?: string; date?: string };
};

export type UpsertContactResult =
  | { ok: true; id: string; created: boolean; changedFields: readonly AuditField[] }
  | { ok: false; code: "suppressed"; matches: SuppressionMatch[] };

const UPDATABLE = ["name", "phone", "jobTitle", "language", "category", "crmId", "supportDeskId"] as const;

export async function upsertContact(opts: {
  db: Db;
  input: UpsertContactInput;
  actor: AuditActor;
  /** The suppression HMAC key (getConfig().suppressionKey). */
  suppressionKey: string;
  now?: Date;
}): Promise<UpsertContactResult> {
  try {
    return await upsertOnce(opts);
  } catch (e) {
    // Two syncs creating the same new address at once: the loser's insert hits the unique email; run again, and it
    // finds the row and updates it instead.
    if (isUniqueViolation(e)) return upsertOnce(opts);
    throw e;
  }
}

async function upsertOnce(opts: Parameters<typeof upsertContact>[0]): Promise<UpsertContactResult> {
  const { input } = opts;
  const now = opts.now ?? new Date();
  return opts.db.$transaction(
    async (tx) => {
      const current = await tx.contact.findUnique({
        where: { email: input.email },
        select: {
          id: true,
          name: true,
          phone: true,
          jobTitle: true,
          language: true,
          category: true,
          crmId: true,
          supportDeskId: true,
        },
      });

      if (current) {
        const next = {
          name: input.name,
          phone: input.phone === undefined ? current.phone : input.phone,
          jobTitle: input.jobTitle === undefined ? current.jobTitle : input.jobTitle,
          crmId: input.crmId === undefined ? current.crmId : input.crmId,
          supportDeskId: input.supportDeskId === undefined ? current.supportDeskId : input.supportDeskId,
          language: input.language ?? current.language,
          category: input.category,
        };
        const changed = UPDATABLE.filter((f) => current[f] !== next[f]);
        if (changed.length === 0) return { ok: true as const, id: current.id, created: false, changedFields: [] };
        const data: Prisma.ContactUpdateInput = {};
        const values: Record<string, { from: string | null; to: string | null }> = {};
        for (const f of changed) {
          Object.assign(data, { [f]: next[f] });
          values[f] = { from: current[f], to: next[f] };
        }
        await tx.contact.update({ where: { id: current.id }, data });
        await recordAuditEvent(
          tx,
          {
            actor: opts.actor,
            action: "contact.updated",
            subject: { type: "Contact", id: current.id },
            fields: [...changed],
            personalValues: values,
          },
          now,
        );
        return { ok: true as const, id: current.id, created: false, changedFields: [...changed] };
      }

      // Sync has nobody to decide an override: a suppressed address is always refused.
      const admission = await checkAddressAdmission({ db: tx, email: input.email, key: opts.suppressionKey });
      if (!admission.ok) return { ok: false as const, code: "suppressed" as const, matches: admission.matches };

      const created = await createContactsWithDefaults(sqlOf(tx), {
        contacts: [
          {
            name: input.name,
            email: input.email,
            phone: input.phone ?? null,
            jobTitle: input.jobTitle ?? null,
            language: input.language ?? offeredLanguages()[0],
            category: input.category,
            source: {
              type: input.source.type,
              detail: input.source.detail ?? null,
              date: input.source.date ? new Date(`${input.source.date}T00:00:00Z`) : null,
              staffId: null,
              organisationId: null,
            },
            legalBasisNote: "Default for the category (CRM sync)",
          },
        ],
        suppressionKey: opts.suppressionKey,
        subscriptionSource: "DEFAULT",
        audit: { actor: opts.actor, action: "contact.created" },
        now,
      });
      // Before the audit entries: the created event's payload reads the external ids from the row.
      if (input.crmId || input.supportDeskId)
        await tx.contact.update({
          where: { id: created.ids[0]! },
          data: { crmId: input.crmId ?? null, supportDeskId: input.supportDeskId ?? null },
        });
      await recordAuditEvents(tx, created.audit, now);
      const contact = { id: created.ids[0]! };
      const fields = created.audit[0]!.fields!;
      return { ok: true as const, id: contact.id, created: true, changedFields: fields };
    },
    { timeout: 15_000 },
  );
}
