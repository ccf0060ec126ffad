// The record of processing activities as files: JSON (the whole record, as built) and CSV for a spreadsheet, one row
// per purpose and category of people (each row repeats what the purpose says, so a filtered sheet still reads), with
// codes beside the words so a sheet can be sorted or joined without depending on the language.
import { spreadsheetCsv } from "@/lib/csv/spreadsheet-csv";
import { translatorFor } from "@/lib/i18n/translator";
import type { ProcessingRecord, RecordRecipient } from "./build-processing-record";

const recipientLine = (r: RecordRecipient) => `${r.name} (${r.roleName}), ${r.countryName}`;
const transferLine = (r: RecordRecipient) => `${r.name}, ${r.countryName}: ${r.transferBasis ?? ""}`;
const list = (items: string[]) => items.join("; ");

export function processingRecordJson(record: ProcessingRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

export function processingRecordCsv(record: ProcessingRecord): string {
  const t = translatorFor(record.language);
  const h = (key: Parameters<typeof t>[0]) => t(key);
  const header = [
    h("accountability.records.csv.purpose"),
    h("accountability.records.csv.purposeCode"),
    h("accountability.records.csv.description"),
    h("accountability.records.csv.category"),
    h("accountability.records.csv.categoryCode"),
    h("accountability.records.csv.basis"),
    h("accountability.records.csv.balancing"),
    h("accountability.records.csv.dataCategories"),
    h("accountability.records.csv.recipients"),
    h("accountability.records.csv.transfers"),
    h("accountability.records.csv.retention"),
    h("accountability.records.csv.policyVersion"),
    h("accountability.records.csv.policyEffective"),
  ];
  const version = [record.policy.hash, record.policy.effective];
  const rows = record.activities.flatMap((a) =>
    a.categories.map((c) => [
      a.name,
      a.purpose,
      a.description,
      c.categoryName,
      c.category,
      c.basisName,
      c.basis === "LEGITIMATE_INTEREST" ? (a.balancingTest ?? "") : "",
      list(a.dataCategories.map((d) => d.name)),
      list(a.recipients.map(recipientLine)),
      list(a.transfers.map(transferLine)),
      c.retention,
      ...version,
    ]),
  );
  const analytics = record.analytics;
  if (analytics)
    rows.push([
      analytics.name,
      "",
      analytics.text,
      analytics.category,
      "",
      analytics.basisName,
      "",
      list(analytics.dataCategories),
      list(analytics.recipients.map(recipientLine)),
      list(analytics.transfers.map(transferLine)),
      analytics.retention,
      ...version,
    ]);
  return spreadsheetCsv([header, ...rows]);
}
