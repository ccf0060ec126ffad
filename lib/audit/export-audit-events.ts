// Export of the filtered audit trail as CSV or JSON, for the data-protection lead to hand to an auditor or authority.
// The export itself is audited ("audit.exported", with the format and filter names). Like the page, it carries field
// names and never the personal values kept outside the hash. CSV cells that a spreadsheet would run as formulas are
// prefixed with an apostrophe.
import "server-only";
import type { AuditActor } from "./record-audit-event";
import { recordAuditEvent } from "./record-audit-event";
import type { Db } from "@/lib/db/client";
import { describeAuditAction, type ActionTexts } from "./describe-audit-action";
import {
  AUDIT_FILTER_KEYS,
  auditWhere,
  readAuditPage,
  resolveAuditPerson,
  type AuditFilter,
  type AuditRow,
} from "./list-audit-events";
import { checkAuditChain } from "./check-audit-chain";
import { fail, type Because } from "@/lib/result";

export type AuditExportFormat = "csv" | "json";

export type ExportAuditEventsResult =
  | { ok: true; body: string; contentType: string; filename: string; count: number; truncated: boolean }
  | Because<"not_found", "person_not_found">;

const COLUMNS = [
  "seq",
  "at",
  "actorType",
  "actorId",
  "actorEmail",
  "action",
  "description",
  "subjectType",
  "subjectId",
  "fields",
  "prevHash",
  "hash",
] as const;

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function toRecord(r: AuditRow, texts: ActionTexts): Record<(typeof COLUMNS)[number], string> {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actorType: r.actorType,
    actorId: r.actorId ?? "",
    actorEmail: r.actorLabel ?? "",
    action: r.action,
    description: describeAuditAction(r.action, texts).text,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    fields: r.fields.join(" "),
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

export async function exportAuditEvents(opts: {
  db: Db;
  filter: AuditFilter;
  format: AuditExportFormat;
  actor: AuditActor;
  texts: ActionTexts;
  suppressionKey?: string;
  /** Upper bound on rows (default 100,000); the export says when it was cut. */
  maxRows?: number;
  now?: Date;
}): Promise<ExportAuditEventsResult> {
  const now = opts.now ?? new Date();
  const maxRows = opts.maxRows ?? 100_000;
  const person = opts.filter.person
    ? await resolveAuditPerson({ db: opts.db, person: opts.filter.person, suppressionKey: opts.suppressionKey })
    : null;
  if (opts.filter.person && !person) return fail("not_found", { reason: "person_not_found" });
  const where = auditWhere(opts.filter, person);
  const rows: AuditRow[] = [];
  let before: bigint | undefined;
  let truncated = false;
  for (;;) {
    const page = await readAuditPage({ db: opts.db, where, before, limit: Math.min(1000, maxRows - rows.length) });
    rows.push(...page.entries);
    if (!page.nextBefore) break;
    if (rows.length >= maxRows) {
      truncated = true;
      break;
    }
    before = BigInt(page.nextBefore);
  }
  const chain = await checkAuditChain({ db: opts.db });
  await opts.db.$transaction((tx) =>
    recordAuditEvent(
      tx,
      {
        actor: opts.actor,
        action: "audit.exported",
        subject: { type: "AuditTrail", id: opts.format },
        fields: AUDIT_FILTER_KEYS.filter((k) => opts.filter[k] !== undefined),
      },
      now,
    ),
  );
  const stamp = now.toISOString().slice(0, 10);
  const records = rows.map((r) => toRecord(r, opts.texts));
  if (opts.format === "json") {
    const chainJson = chain.ok ? chain : { ...chain, brokenAt: chain.brokenAt.toString() };
    return {
      ok: true,
      body: JSON.stringify(
        { exportedAt: now.toISOString(), filter: opts.filter, chain: chainJson, truncated, entries: records },
        null,
        2,
      ),
      contentType: "application/json; charset=utf-8",
      filename: `audit-trail-${stamp}.json`,
      count: rows.length,
      truncated,
    };
  }
  const lines = [COLUMNS.join(","), ...records.map((rec) => COLUMNS.map((c) => csvCell(rec[c])).join(","))];
  return {
    ok: true,
    body: `\uFEFF${lines.join("\r\n")}\r\n`,
    contentType: "text/csv; charset=utf-8",
    filename: `audit-trail-${stamp}.csv`,
    count: rows.length,
    truncated,
  };
}
