// The retention dry run's report: every contact the job would delete as of a day, with why (the category's rule,
// the date its clock started, the deletion date) and whether a legal hold keeps it. Ids, never names or addresses:
// the report goes to an operator's terminal and maybe a ticket.
import "server-only";
import type { Db } from "@/lib/db/client";
import { runRetention, type DueContact } from "./run-retention";

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function printRetentionDryRun(opts: {
  db: Db;
  suppressionKey: string;
  asOf: Date;
  print: (line: string) => void;
}): Promise<{ due: number; held: number }> {
  const { print } = opts;
  print(`Retention dry run as of ${day(opts.asOf)}: nothing is deleted.`);
  print(["contact", "category", "reason", "since", "delete by", "hold"].join("\t"));
  const line = (d: DueContact) =>
    [
      d.id,
      d.category,
      `${d.retention.reason} + ${d.retention.years} years`,
      day(d.retention.since),
      day(d.retention.deleteBy),
      d.held ? "held (skipped)" : "",
    ].join("\t");
  const r = await runRetention({
    db: opts.db,
    suppressionKey: opts.suppressionKey,
    trigger: "cli",
    now: opts.asOf,
    dryRun: true,
    onDue: (d) => print(line(d)),
  });
  print(`${r.swept} contacts checked, ${r.due} due, ${r.held} held, ${r.due - r.held} would be deleted.`);
  return { due: r.due, held: r.held };
}
