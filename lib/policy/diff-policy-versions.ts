// The difference between two recorded policy versions, line by line over the files' YAML text (jsdiff's diffLines, the
// same algorithm as `diff`/git), numbered by the old and the new file's lines. Runs of unchanged lines longer than
// twice the context are folded into one "n unchanged lines" row, so a one-line change in a 250-line file reads as a
// few rows, as in a code review.
import "server-only";
import { diffLines } from "diff";
import type { DbOrTx } from "@/lib/db/client";
import { fail, type Because } from "@/lib/result";

export type DiffRow =
  | { kind: "same" | "added" | "removed"; old: number | null; new: number | null; text: string }
  | { kind: "folded"; count: number };

export type PolicyDiff = {
  from: string;
  to: string;
  rows: DiffRow[];
  added: number;
  removed: number;
};

export type PolicyDiffResult = ({ ok: true } & PolicyDiff) | Because<"not_found", "unknown_version">;

/** Lines of `text`, without the empty string a final newline leaves. */
const linesOf = (text: string) => {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
};

export function diffPolicySources(before: string, after: string, context = 3): Omit<PolicyDiff, "from" | "to"> {
  const all: Extract<DiffRow, { text: string }>[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    for (const text of linesOf(part.value)) {
      if (part.added) {
        all.push({ kind: "added", old: null, new: newLine++, text });
        added++;
      } else if (part.removed) {
        all.push({ kind: "removed", old: oldLine++, new: null, text });
        removed++;
      } else all.push({ kind: "same", old: oldLine++, new: newLine++, text });
    }
  }
  // Keep every changed line and `context` lines either side of it; fold the rest.
  const keep = all.map((r) => r.kind !== "same");
  all.forEach((r, i) => {
    if (r.kind === "same") return;
    for (let j = Math.max(0, i - context); j <= Math.min(all.length - 1, i + context); j++) keep[j] = true;
  });
  const rows: DiffRow[] = [];
  let folded = 0;
  all.forEach((r, i) => {
    if (keep[i]) {
      if (folded) rows.push({ kind: "folded", count: folded });
      folded = 0;
      rows.push(r);
    } else folded++;
  });
  if (folded) rows.push({ kind: "folded", count: folded });
  return { rows, added, removed };
}

/** The line diff from version `from` to version `to` (hashes of recorded versions). */
export async function diffPolicyVersions(opts: { db: DbOrTx; from: string; to: string }): Promise<PolicyDiffResult> {
  const found = await opts.db.policyVersion.findMany({
    where: { hash: { in: [opts.from, opts.to] } },
    select: { hash: true, source: true },
  });
  const source = new Map(found.map((v) => [v.hash, v.source]));
  const before = source.get(opts.from);
  const after = source.get(opts.to);
  if (before === undefined || after === undefined) return fail("not_found", { reason: "unknown_version" });
  return { ok: true, from: opts.from, to: opts.to, ...diffPolicySources(before, after) };
}
