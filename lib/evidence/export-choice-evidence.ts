// Staff download a contact's evidence of every choice (JSON or CSV), for a complaint, the supervisory authority or the
// person's own question: access decided by loadContactForStaff (contacts.readFull: not marketing), and the download
// recorded in the audit trail in one transaction with the read, so no copy leaves untracked.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import { spreadsheetCsv } from "@/lib/csv/spreadsheet-csv";
import type { Refusal } from "@/lib/access/refusal";
import { listChoiceEvidence, type ChoiceEvidenceRow } from "./list-choice-evidence";

export type EvidenceFormat = "json" | "csv";

export type ExportChoiceEvidenceResult = { ok: true; body: string; contentType: string; filename: string } | Refusal;

export async function exportChoiceEvidence(opts: {
  db: Db;
  staff: StaffPrincipal;
  contactId: string;
  format: EvidenceFormat;
  now?: Date;
}): Promise<ExportChoiceEvidenceResult> {
  const now = opts.now ?? new Date();
  const loaded = await opts.db.$transaction(async (tx) => {
    const access = await loadContactForStaff({
      db: tx,
      staff: opts.staff,
      id: opts.contactId,
      permission: "contacts.readFull",
      now,
    });
    if (!access.ok) return access;
    const rows = await listChoiceEvidence(tx, access.contact.id);
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "contact.evidence_exported",
        subject: { type: "Contact", id: access.contact.id },
        fields: [opts.format],
      },
      now,
    );
    return { ok: true as const, rows };
  });
  if (!loaded.ok) return loaded;
  const name = `evidence-${opts.contactId}-${now.toISOString().slice(0, 10)}`;
  if (opts.format === "json") {
    return {
      ok: true,
      body: JSON.stringify(
        { contactId: opts.contactId, exportedAt: now.toISOString(), evidence: loaded.rows },
        null,
        2,
      ),
      contentType: "application/json; charset=utf-8",
      filename: `${name}.json`,
    };
  }
  return { ok: true, body: evidenceCsv(loaded.rows), contentType: "text/csv; charset=utf-8", filename: `${name}.csv` };
}

const HEADER = [
  "at",
  "subject",
  "topic",
  "state",
  "purpose",
  "legalBasis",
  "channel",
  "actorType",
  "actorId",
  "actorName",
  "noticeHash",
  "noticeKind",
  "noticeLanguage",
  "noticeText",
  "migrated",
];

export function evidenceCsv(rows: ChoiceEvidenceRow[]): string {
  return spreadsheetCsv([
    HEADER,
    ...rows.map((r) => [
      r.at.toISOString(),
      r.subject,
      r.topic?.key ?? "",
      r.state ?? "",
      r.purpose ?? "",
      r.legalBasis ?? "",
      r.channel,
      r.actor.type,
      r.actor.id ?? "",
      r.actor.name ?? "",
      r.notice?.hash ?? "",
      r.notice?.kind ?? "",
      r.notice?.language ?? "",
      r.notice?.text ?? "",
      String(r.migrated),
    ]),
  ]);
}
