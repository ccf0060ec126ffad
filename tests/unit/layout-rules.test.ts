// The layout's rules that a reader relies on, checked on the source so a new file cannot quietly break them:
// - no database access in app/ (pages, actions and routes read and write through lib/, where access is decided);
// - lib/staff-register, lib/erasure and lib/staff-admin stay dissolved (a concept has one home, by resource).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const MODEL_CALL =
  /\.(contact|contactRole|contactLegalBasis|organisation|topic|subscription|subscriptionChange|suppression|segment|mailing|delivery|auditEvent|privacyRequest|pendingEmailChange|staffUser|staffNote|apiKey|session|outboxMessage|queuedMail|policyVersion)\.(findUnique|findUniqueOrThrow|findFirst|findMany|count|create|createMany|update|updateMany|delete|deleteMany|upsert|aggregate|groupBy)\(/;
const RAW_OR_TX = /\$(queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe|transaction)\b/;

describe("layout rules", () => {
  it("app/ has no database calls: every page, action and route reads and writes through a use-case in lib/", () => {
    const offenders = sourceFiles(path.join(root, "app")).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, n: i + 1 }))
        .filter(({ line }) => MODEL_CALL.test(line) || RAW_OR_TX.test(line))
        .map(({ line, n }) => `${path.relative(root, file)}:${n}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the folders organised by actor stay dissolved", () => {
    for (const gone of ["lib/staff-register", "lib/erasure", "lib/staff-admin"])
      expect(() => statSync(path.join(root, gone)), gone).toThrow();
  });
});
