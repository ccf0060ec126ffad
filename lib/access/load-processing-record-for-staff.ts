// The record of processing activities for the staff page (/staff/records): privacy officers and admins only
// (records.read), decided before the record is built.
import "server-only";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Language } from "@/lib/i18n/languages";
import type { Policy } from "@/lib/policy/file/load-policy-file";
import { buildProcessingRecord, type ProcessingRecord } from "@/lib/records/build-processing-record";
import { FORBIDDEN, type Refusal } from "./refusal";

export function loadProcessingRecordForStaff(opts: {
  staff: StaffPrincipal;
  policy: Policy;
  lang: Language;
  now?: Date;
}): { ok: true; record: ProcessingRecord } | Refusal {
  if (!can(opts.staff, "records.read")) return FORBIDDEN;
  return { ok: true, record: buildProcessingRecord({ policy: opts.policy, lang: opts.lang, now: opts.now }) };
}
