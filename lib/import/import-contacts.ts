// Imports a previewed batch in one transaction: every row that passes is written, or none is; rows that do not pass
// (errors, a suppressed address not named in the override, an address already in the register when the batch skips
// those) are never written and come back in the summary with their reasons. Rows are classified again inside the
// transaction (the register may have changed since the preview), then written with one INSERT … SELECT FROM unnest(…)
// statement per table per chunk, never one round trip per row. Each created or updated contact, each organisation
// created and each suppression override gets its own audit entry in the same transaction. A row staff named in the
// override is admitted as a contact created by hand over a tombstone would be: the erasure tombstone lifted, the
// others kept, an earlier opt-out or complaint carried over, no marketing topic subscribed by default. A row's own
// category and language win over the batch's defaults (resolve-import-defaults.ts).
import { liftSuppression } from "@/lib/suppression/lift-suppression";
import { randomUUID } from "node:crypto";
import { recordAuditEvents, type AuditInput } from "@/lib/audit/record-audit-event";
import { limitedToOwnOrganisations, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db/client";
import type { ContactCategory, Relationship } from "@/lib/generated/prisma/enums";
import { hashAddress } from "@/lib/suppression/hash-address";
import { createContactsWithDefaults, sqlOf, type NewContact } from "@/lib/contacts/create-contacts-with-defaults";
import { classifyImportRows, type PreviewRow } from "./classify-import-rows";
import { findImportOrganisations, orgKey } from "./find-import-organisations";
import { importOptionsSchema, type ImportOptions, type ImportOptionsInput } from "./import-options";
import { defaultLegalBases } from "@/lib/policy/purposes";
import { changedImportFields, loadImportUpdateTargets } from "./import-changes";
import { resolveImportDefaults } from "./resolve-import-defaults";

type ImportActor = { type: "STAFF"; id: string };

export type ImportProgress = {
  phase: "checking" | "organisations" | "contacts" | "updates" | "audit";
  done: number;
  total: number;
};

export type NotImportedRow = Pick<PreviewRow, "rowNumber" | "errors" | "suppression">;

export type ImportSummary = {
  batchId: string;
  created: number;
  updated: number;
  skipped: number;
  refused: number;
  organisationsCreated: number;
  suppressionOverrides: number;
  /** Every row not imported (refused or skipped), with its reasons. */
  notImported: NotImportedRow[];
};

const CHUNK = 5000;
/** Long enough for 100,000 rows on PGlite; the import is one transaction by design. */
const TRANSACTION_TIMEOUT_MS = 10 * 60 * 1000;

const RELATIONSHIP: Record<ContactCategory, Relationship> = {
  CUSTOMER_CONTACT: "CUSTOMER",
  PROSPECT: "PROSPECT",
  PARTNER_CONTACT: "PARTNER",
  SUPPLIER_CONTACT: "SUPPLIER",
};

export async function importContacts(opts: {
  db: Db;
  rows: PreviewRow[];
  options: ImportOptionsInput;
  /** Who imports: the actor of every audit entry; account managers import only into their own organisations. */
  staff: StaffPrincipal;
  /** The suppression HMAC key (getConfig().suppressionKey). */
  suppressionKey: string;
  /** Called inside the transaction after each step; throwing from it rolls the whole import back. */
  onProgress?: (p: ImportProgress) => void | Promise<void>;
  now?: Date;
}): Promise<ImportSummary> {
  const options = importOptionsSchema.parse(opts.options);
  const actor: ImportActor = { type: "STAFF", id: opts.staff.id };
  const now = opts.now ?? new Date();
  const progress = opts.onProgress ?? (() => {});

  return opts.db.$transaction(
    async (tx) => {
      await progress({ phase: "checking", done: 0, total: opts.rows.length });
      const rows = await classifyImportRows({
        db: tx,
        rows: opts.rows,
        options,
        suppressionKey: opts.suppressionKey,
        staff: opts.staff,
      });
      const creates = rows.filter((r) => r.status === "create");
      const updates = rows.filter((r) => r.status === "update");
      const batchId = randomUUID();
      const audit: AuditInput[] = [];
      const by = { type: actor.type, id: actor.id };

      // An account manager's new organisations are theirs, as when they create one by hand (save-organisation.ts).
      const manager = limitedToOwnOrganisations(opts.staff, "organisations.write") ? opts.staff.id : null;
      const orgIds = await ensureOrganisations(tx, creates, options, now, audit, by, manager);
      await progress({ phase: "organisations", done: orgIds.created, total: orgIds.created });

      const createdEntries = new Map<string, AuditInput>();
      for (let i = 0; i < creates.length; i += CHUNK) {
        const entries = await insertContacts(tx, creates.slice(i, i + CHUNK), {
          options,
          actor,
          now,
          orgIds: orgIds.byKey,
          suppressionKey: opts.suppressionKey,
        });
        for (const e of entries) createdEntries.set(e.subject!.id, e);
        await progress({ phase: "contacts", done: Math.min(i + CHUNK, creates.length), total: creates.length });
      }
      for (const row of creates) {
        audit.push(createdEntries.get(row.contactId!)!);
        if (row.suppression?.overridden)
          audit.push({
            actor: by,
            action: "contact.suppression_overridden",
            subject: { type: "Contact", id: row.contactId! },
            fields: ["email"],
            personalValues: {
              reason: options.suppressionOverride!.reason,
              suppressions: row.suppression.matches.map((m) => ({ ...m, since: m.since.toISOString() })),
              rowNumber: row.rowNumber,
              source: options.sourceType,
              sourceDetail: options.sourceDetail,
              batchId,
            },
          });
      }

      for (let i = 0; i < updates.length; i += CHUNK) {
        audit.push(...(await updateContacts(tx, updates.slice(i, i + CHUNK), now, by)));
        await progress({ phase: "updates", done: Math.min(i + CHUNK, updates.length), total: updates.length });
      }

      audit.push({
        actor: by,
        action: "contacts.import_batch",
        subject: { type: "ImportBatch", id: batchId },
        personalValues: { sourceDetail: options.sourceDetail, created: creates.length, updated: updates.length },
      });
      await recordAuditEvents(tx, audit, now);
      await progress({ phase: "audit", done: audit.length, total: audit.length });

      const notImported = rows
        .filter((r) => r.status === "invalid" || r.status === "skip")
        .map((r) => ({ rowNumber: r.rowNumber, errors: r.errors, suppression: r.suppression }));
      return {
        batchId,
        created: creates.length,
        updated: updates.length,
        skipped: rows.filter((r) => r.status === "skip").length,
        refused: rows.filter((r) => r.status === "invalid").length,
        organisationsCreated: orgIds.created,
        suppressionOverrides: creates.filter((r) => r.suppression?.overridden).length,
        notImported,
      };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 },
  );
}

/** Finds the rows' organisations by number, else by name (case-insensitive), and creates the missing ones. */
async function ensureOrganisations(
  tx: Tx,
  rows: PreviewRow[],
  options: ImportOptions,
  now: Date,
  audit: AuditInput[],
  actor: AuditInput["actor"],
  accountManagerId: string | null,
): Promise<{ byKey: Map<string, string>; created: number }> {
  // A new organisation's relationship follows the category of the first row that names it.
  const wanted = new Map<string, { name: string; orgNumber: string | null; relationship: Relationship }>();
  for (const r of rows) {
    const key = orgKey(r.record!);
    if (key && !wanted.has(key))
      wanted.set(key, {
        name: r.record!.organisationName ?? r.record!.orgNumber!,
        orgNumber: r.record!.orgNumber,
        relationship: RELATIONSHIP[resolveImportDefaults(r.record!, options).category.value],
      });
  }
  const byKey = new Map<string, string>();
  if (wanted.size === 0) return { byKey, created: 0 };
  for (const [key, o] of await findImportOrganisations(
    tx,
    rows.map((r) => r.record!),
  ))
    byKey.set(key, o.id);
  const create = { id: [] as string[], name: [] as string[], nr: [] as (string | null)[], rel: [] as string[] };
  // Rows with a number first, so a row naming the same organisation without its number joins it.
  const ordered = [...wanted].sort(([a], [b]) => Number(b.startsWith("nr:")) - Number(a.startsWith("nr:")));
  for (const [key, o] of ordered) {
    const nameKey = `name:${o.name.toLowerCase()}`;
    if (byKey.has(key)) {
      if (!byKey.has(nameKey)) byKey.set(nameKey, byKey.get(key)!);
      continue;
    }
    const id = randomUUID();
    byKey.set(key, id);
    if (!byKey.has(nameKey)) byKey.set(nameKey, id);
    create.id.push(id);
    create.name.push(o.name);
    create.nr.push(o.orgNumber);
    create.rel.push(o.relationship);
    audit.push({
      actor,
      action: "organisation.created",
      subject: { type: "Organisation", id },
      fields: ["name", "orgNumber", "relationship"],
    });
  }
  if (create.id.length > 0)
    await tx.$executeRawUnsafe(
      `INSERT INTO "Organisation" (id, name, "orgNumber", relationship, "accountManagerId", "createdAt", "updatedAt")
       SELECT id, name, nr, rel::"Relationship", $6, $5::timestamp, $5::timestamp
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, name, nr, rel)`,
      create.id,
      create.name,
      create.nr,
      create.rel,
      now.toISOString(),
      accountManagerId,
    );
  return { byKey, created: create.id.length };
}

async function insertContacts(
  tx: Tx,
  rows: PreviewRow[],
  ctx: { options: ImportOptions; actor: ImportActor; now: Date; orgIds: Map<string, string>; suppressionKey: string },
): Promise<AuditInput[]> {
  const { options, now } = ctx;
  const lifted: string[] = [];
  const contacts: NewContact[] = rows.map((row) => {
    const r = row.record!;
    const org = ctx.orgIds.get(orgKey(r) ?? "") ?? null;
    const { category, language } = resolveImportDefaults(r, options);
    // Rows admitted by a deliberate override: their legal-basis note, the opt-out they carry over, no marketing topics.
    const overridden = row.suppression?.overridden === true;
    if (overridden) lifted.push(hashAddress(r.email, ctx.suppressionKey));
    return {
      id: randomUUID(),
      name: r.name!,
      email: r.email,
      phone: r.phone,
      jobTitle: r.jobTitle,
      language: language.value,
      category: category.value,
      source: {
        type: options.sourceType,
        detail: options.sourceDetail,
        date: options.sourceDate ? new Date(`${options.sourceDate}T00:00:00Z`) : null,
        staffId: options.sourceType === "MET_AT_EVENT" ? ctx.actor.id : null,
        organisationId: org,
      },
      legalBases: options.legalBases ?? defaultLegalBases(category.value),
      legalBasisNote: overridden
        ? `Suppression overridden: ${options.suppressionOverride?.reason ?? options.sourceDetail}`
        : `Import: ${options.sourceDetail}`,
      overridden,
      marketingOptOutAt: overridden && row.suppression?.optedOut ? now : null,
      roles: org
        ? [
            {
              organisationId: org,
              type: r.roleType ?? "OTHER",
              title: r.jobTitle,
              startsOn: options.sourceDate ? new Date(`${options.sourceDate}T00:00:00Z`) : now,
            },
          ]
        : [],
    };
  });
  rows.forEach((row, i) => (row.contactId = contacts[i]!.id));
  const created = await createContactsWithDefaults(sqlOf(tx), {
    contacts,
    suppressionKey: ctx.suppressionKey,
    subscriptionSource: "IMPORT",
    subscriptionStaffId: ctx.actor.id,
    audit: { actor: { type: ctx.actor.type, id: ctx.actor.id }, action: "contact.imported" },
    now,
  });
  // The person is back on a new, recorded basis: the erasure tombstone goes, the others keep protecting the address.
  await liftSuppression(tx, { addressHashes: lifted, reason: "ERASED" });
  return created.audit;
}

/** Updates only the fields the file gives a value for; returns one audit entry per contact that changed. */
async function updateContacts(
  tx: Tx,
  rows: PreviewRow[],
  now: Date,
  actor: AuditInput["actor"],
): Promise<AuditInput[]> {
  const byId = await loadImportUpdateTargets(
    tx,
    rows.map((r) => r.contactId!),
  );
  const u = {
    id: [] as string[],
    name: [] as (string | null)[],
    phone: [] as (string | null)[],
    title: [] as (string | null)[],
    lang: [] as (string | null)[],
  };
  const audit: AuditInput[] = [];
  for (const row of rows) {
    const r = row.record!;
    const old = byId.get(row.contactId!);
    if (!old) continue;
    const fields = changedImportFields(r, old);
    if (fields.length === 0) continue;
    u.id.push(old.id);
    u.name.push(fields.includes("name") ? r.name : null);
    u.phone.push(fields.includes("phone") ? r.phone : null);
    u.title.push(fields.includes("jobTitle") ? r.jobTitle : null);
    u.lang.push(fields.includes("language") ? r.language : null);
    audit.push({ actor, action: "contact.updated_by_import", subject: { type: "Contact", id: old.id }, fields });
  }
  if (u.id.length > 0)
    await tx.$executeRawUnsafe(
      `UPDATE "Contact" AS c SET name = coalesce(u.name, c.name), phone = coalesce(u.phone, c.phone),
         "jobTitle" = coalesce(u.title, c."jobTitle"), language = coalesce(u.lang::"Language", c.language),
         "updatedAt" = $6::timestamp
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, name, phone, title, lang)
       WHERE c.id = u.id`,
      u.id,
      u.name,
      u.phone,
      u.title,
      u.lang,
      now.toISOString(),
    );
  return audit;
}
