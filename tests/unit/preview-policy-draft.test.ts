// The privacy officer's check of a draft policy file: refused to other roles before the draft is read; an empty or
// oversized draft and every mistake named by its field, as start-up would name them; a valid draft compared line by
// line with the file in force, and the file in force itself recognised as no new version.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePolicyFile } from "@/lib/policy/file/load-policy-file";
import { MAX_DRAFT_BYTES, previewPolicyDraft } from "@/lib/policy/preview-policy-draft";

const FILES = path.resolve(import.meta.dirname, "../../lib/policy/files");
const source = readFileSync(path.join(FILES, "reference.yaml"), "utf8");
const parsed = parsePolicyFile(source);
if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
const current = parsed.policy;
const officer = { id: "p", role: "PRIVACY_OFFICER" as const };

describe("previewPolicyDraft", () => {
  it("is for privacy officers and admins only", () => {
    for (const role of ["ACCOUNT_MANAGER", "MARKETING", "SUPPORT"] as const)
      expect(previewPolicyDraft({ staff: { id: "x", role }, source, current })).toEqual({
        ok: false,
        code: "forbidden",
      });
    expect(previewPolicyDraft({ staff: { id: "a", role: "ADMIN" }, source, current }).ok).toBe(true);
  });

  it("names an empty, an oversized and a wrong draft's problems", () => {
    expect(previewPolicyDraft({ staff: officer, source: "  \n", current })).toEqual({ ok: false, code: "empty" });
    expect(previewPolicyDraft({ staff: officer, source: "#".repeat(MAX_DRAFT_BYTES + 1), current })).toEqual({
      ok: false,
      code: "too_large",
    });
    const wrong = source.replace("lifetimeDays: 365", "lifetimeDays: 400").replace("years: 10\n", "years: 12\n");
    const r = previewPolicyDraft({ staff: officer, source: wrong, current });
    if (r.ok || r.code !== "invalid") throw new Error(`expected problems, got ${JSON.stringify(r)}`);
    expect(r.problems).toEqual([
      expect.stringContaining("categories.CUSTOMER_CONTACT.retention.years: at most 10 years"),
      expect.stringContaining("consent.lifetimeDays: at most 365 days"),
    ]);
  });

  it("compares a valid draft with the file in force, and knows the file in force is no new version", () => {
    const draft = source.replace("  lifetimeDays: 365", "  lifetimeDays: 180");
    const r = previewPolicyDraft({ staff: officer, source: draft, current });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.unchanged).toBe(false);
    expect(r.draft.consent.lifetimeDays).toBe(180);
    expect([r.diff.added, r.diff.removed]).toEqual([1, 1]);
    expect(r.diff.rows.filter((row) => row.kind === "added" || row.kind === "removed")).toEqual([
      expect.objectContaining({ kind: "removed", text: "  lifetimeDays: 365" }),
      expect.objectContaining({ kind: "added", text: "  lifetimeDays: 180" }),
    ]);
    const same = previewPolicyDraft({ staff: officer, source, current });
    expect(same).toMatchObject({ ok: true, unchanged: true, diff: { added: 0, removed: 0 } });
  });
});
