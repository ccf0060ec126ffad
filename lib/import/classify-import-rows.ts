// Decides, against the register, what each readable row does: create a contact, update the existing one, skip it,
// or refuse it (suppressed address not named in the override, a new contact without a name). Run for the preview and
// run again inside the import's transaction, so the register cannot change between the two unnoticed. Suppressed
// addresses follow the one rule for every way into the register (lib/suppression/check-address-admission.ts).
import { contactsStaffMayChange } from "@/lib/access/contacts-staff-may-change";
import { limitedToOwnOrganisations, type StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import type { SuppressionMatch } from "@/lib/suppression/find-suppression";
import { decideAdmission } from "@/lib/suppression/check-address-admission";
import { hashAddress } from "@/lib/suppression/hash-address";
import { retentionHash } from "@/lib/retention/retention-hash";
import { findImportOrganisations, orgKey } from "./find-import-organisations";
import type { ImportOptions } from "./import-options";
import type { ImportRecord, RowError } from "./read-import-row";

export type PreviewRow = {
  rowNumber: number;
  status: "create" | "update" | "skip" | "invalid";
  /** Null when the row could not be read or repeats an earlier row's address. */
  record: ImportRecord | null;
  /** The existing contact, for update and skip. */
  contactId?: string;
  errors: RowError[];
  /**
   * Why the address is on the suppression list, whether staff named this row in the override, and whether an
   * earlier opt-out or complaint carries over to the new contact.
   */
  suppression?: { matches: SuppressionMatch[]; overridden: boolean; optedOut?: boolean };
  /**
   * A new contact whose address the retention job deleted (the day, YYYY-MM-DD): not refused, since the policy lets
   * us register people again when we meet under new circumstances, but shown in the preview so an old file is not
   * re-imported unnoticed (lib/retention/retention-hash.ts).
   */
  retentionDeletedOn?: string;
};

const CHUNK = 5000;

export async function classifyImportRows(opts: {
  db: DbOrTx;
  rows: PreviewRow[];
  options: ImportOptions;
  suppressionKey: string;
  /** Who imports: account managers may update and attach contacts only at organisations they manage. */
  staff: StaffPrincipal;
}): Promise<PreviewRow[]> {
  const { options } = opts;
  // The first row with an address wins; later ones are reported, never merged silently.
  const seen = new Set<string>();
  const rows = opts.rows.map((row): PreviewRow => {
    if (!row.record) return row;
    if (seen.has(row.record.email)) return { rowNumber: row.rowNumber, status: "invalid", record: null, errors: [dup] };
    seen.add(row.record.email);
    return { rowNumber: row.rowNumber, status: "create", record: row.record, errors: [] };
  });

  const emails = rows.flatMap((r) => (r.record ? [r.record.email] : []));
  const existing = new Map<string, string>();
  const hashes = new Map<string, string>(emails.map((e) => [hashAddress(e, opts.suppressionKey), e]));
  const suppressed = new Map<string, SuppressionMatch[]>();
  for (let i = 0; i < emails.length; i += CHUNK) {
    const found = await opts.db.contact.findMany({
      where: { email: { in: emails.slice(i, i + CHUNK) } },
      select: { id: true, email: true },
    });
    for (const c of found) existing.set(c.email, c.id);
  }
  const hashList = [...hashes.keys()];
  for (let i = 0; i < hashList.length; i += CHUNK) {
    const found = await opts.db.suppression.findMany({
      where: { addressHash: { in: hashList.slice(i, i + CHUNK) } },
      select: { addressHash: true, reason: true, scope: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    });
    for (const s of found) {
      const email = hashes.get(s.addressHash)!;
      const list = suppressed.get(email) ?? [];
      list.push({ reason: s.reason, scope: s.scope, since: s.createdAt });
      suppressed.set(email, list);
    }
  }

  const tombstoneHashes = new Map<string, string>(
    emails.filter((e) => !existing.has(e)).map((e) => [retentionHash(e, opts.suppressionKey), e]),
  );
  const retentionDeleted = new Map<string, string>();
  const tombstoneList = [...tombstoneHashes.keys()];
  for (let i = 0; i < tombstoneList.length; i += CHUNK) {
    const found = await opts.db.retentionTombstone.findMany({
      where: { addressHash: { in: tombstoneList.slice(i, i + CHUNK) } },
    });
    for (const f of found)
      retentionDeleted.set(tombstoneHashes.get(f.addressHash)!, f.deletedOn.toISOString().slice(0, 10));
  }

  // The same rules as one contact at a time (lib/access): which existing contacts the importer may change, and
  // whose organisations the new contacts' roles would be at.
  const limited = limitedToOwnOrganisations(opts.staff, "contacts.write");
  const mayUpdate = limited
    ? await contactsStaffMayChange({
        db: opts.db,
        staff: opts.staff,
        ids: [...existing.values()],
        permission: "contacts.write",
      })
    : null;
  const organisations = limited
    ? await findImportOrganisations(
        opts.db,
        rows.flatMap((r) => (r.record ? [r.record] : [])),
      )
    : null;

  const overrideRows = new Set(options.suppressionOverride?.rows ?? []);
  return rows.map((row): PreviewRow => {
    const record = row.record;
    if (!record) return row;
    const contactId = existing.get(record.email);
    if (contactId) {
      // The person is already in the register, so a tombstone for an unsubscribe does not stop keeping them right.
      if (options.duplicates === "skip")
        return { ...row, status: "skip", contactId, errors: [{ field: "email", code: "duplicate_existing" }] };
      if (mayUpdate && !mayUpdate.has(contactId))
        return { ...row, status: "invalid", errors: [{ field: "email", code: "contact_not_yours" }] };
      return { ...row, status: "update", contactId };
    }
    if (organisations) {
      const key = orgKey(record);
      const org = key ? organisations.get(key) : undefined;
      // A new organisation is created as the importer's own (import-contacts.ts); an existing one must be theirs.
      if (!key)
        return { ...row, status: "invalid", errors: [{ field: "organisationName", code: "organisation_required" }] };
      if (org && org.accountManagerId !== opts.staff.id)
        return { ...row, status: "invalid", errors: [{ field: "organisationName", code: "organisation_not_yours" }] };
    }
    const admission = decideAdmission(suppressed.get(record.email) ?? [], overrideRows.has(row.rowNumber));
    if (!admission.ok)
      return {
        ...row,
        status: "invalid",
        errors: [{ field: "email", code: "suppressed" }],
        suppression: { matches: admission.matches, overridden: false },
      };
    if (admission.overridden)
      row = { ...row, suppression: { matches: admission.matches, overridden: true, optedOut: admission.optedOut } };
    if (!record.name) return { ...row, status: "invalid", errors: [{ field: "name", code: "name_required" }] };
    const deletedOn = retentionDeleted.get(record.email);
    return deletedOn ? { ...row, retentionDeletedOn: deletedOn } : row;
  });
}

const dup: RowError = { field: "email", code: "duplicate_in_file" };
