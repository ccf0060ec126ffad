// The person's own data in a machine-readable form (GDPR Art. 20): JSON, or CSV with one row per value. Recording
// the export (an access event in the audit trail, "contact.exported_by_self" with the format as its field) happens in
// the same call, so no copy leaves untracked. It is not a privacy request: nothing is left for staff to handle.
import "server-only";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getContactRecord, type ContactRecord } from "@/lib/contacts/get-contact-record";
import { fail, type Because } from "@/lib/result";
import type { Language } from "@/lib/i18n/languages";
import { readableValueFor } from "./readable-value";

export type ExportFormat = "json" | "csv";

export type ExportResult =
  { ok: true; body: string; contentType: string; filename: string } | Because<"not_found", "unknown_contact">;

export async function exportContactData(opts: {
  db: Db;
  contactId: string;
  format: ExportFormat;
  /** The language of the page the person downloads from: the CSV's words for codes. */
  lang: Language;
  now?: Date;
}): Promise<ExportResult> {
  const now = opts.now ?? new Date();
  const record = await getContactRecord({ db: opts.db, contactId: opts.contactId });
  if (!record) return fail("not_found", { reason: "unknown_contact" });
  await opts.db.$transaction(async (tx) => {
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: opts.contactId },
        action: "contact.exported_by_self",
        subject: { type: "Contact", id: opts.contactId },
        fields: [opts.format],
      },
      now,
    );
  });
  const day = now.toISOString().slice(0, 10);
  if (opts.format === "json") {
    return {
      ok: true,
      body: JSON.stringify({ exportedAt: now.toISOString(), ...record }, null, 2),
      contentType: "application/json; charset=utf-8",
      filename: `my-data-${day}.json`,
    };
  }
  return {
    ok: true,
    body: toCsv(record, opts.lang),
    contentType: "text/csv; charset=utf-8",
    filename: `my-data-${day}.csv`,
  };
}

/**
 * One row per value: section, item (row number within the section), field, value (the code, as machines read it),
 * and the code in words in the person's language where the value is a code. Dates as ISO 8601.
 */
export function toCsv(record: ContactRecord, lang: Language): string {
  const words = readableValueFor(lang);
  const rows: string[][] = [["section", "item", "field", "value", "readable"]];
  const add = (section: string, item: number, value: unknown, prefix = "") => {
    if (value instanceof Date || value === null || typeof value !== "object") {
      const v = cell(value);
      rows.push([section, String(item), prefix, v, words(section, prefix, v)]);
      return;
    }
    for (const [k, v] of Object.entries(value)) add(section, item, v, prefix ? `${prefix}.${k}` : k);
  };
  for (const [section, value] of Object.entries(record)) {
    if (Array.isArray(value)) value.forEach((v, i) => add(section, i + 1, v));
    else add(section, 1, value);
  }
  // A BOM so spreadsheet programs read Swedish letters as UTF-8.
  return "\uFEFF" + rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}

function cell(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function quote(v: string): string {
  // Formula injection: a value starting with = @ (or + - followed by more than a number, e.g. "+cmd|...") would run
  // as a formula in a spreadsheet. Phone numbers (+46701234567) stay as they are.
  const safe = /^[=@\t\r]/.test(v) || /^[+-](?![\d ]+$)/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
