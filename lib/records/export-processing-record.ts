// The record of processing activities taken out as a file (JSON or CSV) by a privacy officer or admin (records.read).
// It holds no personal data, but like every export it is audited ("records.exported": the format, and the policy
// version it was built from as the subject), so the trail shows which version of the record left and when.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Language } from "@/lib/i18n/languages";
import type { Policy } from "@/lib/policy/file/load-policy-file";
import type { Forbidden } from "@/lib/result";
import { buildProcessingRecord } from "./build-processing-record";
import { processingRecordCsv, processingRecordJson } from "./processing-record-files";

export type ProcessingRecordFormat = "json" | "csv";

export type ExportProcessingRecordResult =
  { ok: true; filename: string; contentType: string; body: string } | Forbidden;

export async function exportProcessingRecord(opts: {
  db: Db;
  staff: StaffPrincipal;
  policy: Policy;
  format: ProcessingRecordFormat;
  lang: Language;
  now?: Date;
}): Promise<ExportProcessingRecordResult> {
  if (!can(opts.staff, "records.read")) return { ok: false, code: "forbidden" };
  const now = opts.now ?? new Date();
  const record = buildProcessingRecord({ policy: opts.policy, lang: opts.lang, now });
  await opts.db.$transaction((tx) =>
    recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "records.exported",
        subject: { type: "ProcessingRecord", id: opts.policy.hash },
        fields: [opts.format],
      },
      now,
    ),
  );
  const filename = `record-of-processing-${now.toISOString().slice(0, 10)}.${opts.format}`;
  return opts.format === "json"
    ? { ok: true, filename, contentType: "application/json; charset=utf-8", body: processingRecordJson(record) }
    : { ok: true, filename, contentType: "text/csv; charset=utf-8", body: processingRecordCsv(record) };
}
