// Reads a deployment's policy file: YAML syntax, then the schema (policy-file-schema.ts), then the rules across
// fields. Every problem is reported with the field it is about ("purposes.MARKETING_MAILINGS.balancing: …"), all of
// them at once, so a refused start-up says everything to fix. The version of a valid file is the SHA-256 of its bytes:
// any change to the file, however small, is a new version, and the file's own `version` block says when it took
// effect and what changed.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { crossFieldIssues, policyFileSchema, type PolicyFile } from "./policy-file-schema";

export type Policy = PolicyFile & {
  /** Hex SHA-256 of the file's bytes. */
  hash: string;
  /** The file's text, recorded with its version (lib/policy/record-policy-version.ts) so versions can be compared. */
  source: string;
};

export type PolicyFileResult = { ok: true; policy: Policy } | { ok: false; problems: string[] };

const fieldOf = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join(".") : "(the whole file)");

export function parsePolicyFile(source: string): PolicyFileResult {
  const doc = parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0)
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const at = e.linePos?.[0];
        const message = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:$/, "");
        return `${at ? `line ${at.line}, column ${at.col}` : "YAML"}: ${message}`;
      }),
    };
  const parsed = policyFileSchema.safeParse(doc.toJS());
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => `${fieldOf(i.path)}: ${i.message}`) };
  const issues = crossFieldIssues(parsed.data);
  if (issues.length > 0) return { ok: false, problems: issues.map((i) => `${fieldOf(i.path)}: ${i.message}`) };
  return { ok: true, policy: { ...parsed.data, hash: createHash("sha256").update(source).digest("hex"), source } };
}

/** Thrown at start-up for a file that cannot be used; the message lists every problem. */
export class PolicyFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`The policy file ${file} cannot be used:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "PolicyFileError";
  }
}

export function loadPolicyFile(file: string): Policy {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (e) {
    throw new PolicyFileError(file, [`cannot be read: ${(e as Error).message}`]);
  }
  const result = parsePolicyFile(source);
  if (!result.ok) throw new PolicyFileError(file, result.problems);
  return result.policy;
}
