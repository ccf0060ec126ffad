// The deployment's policy, read once per process from the file the configuration names (POLICY_FILE) and validated
// (lib/policy/file). Start-up reads it first (lib/env/check-on-start.ts), so a server whose file is wrong refuses to
// start and says every field to fix, instead of failing on the first page that needs the policy.
import "server-only";
import { policyFilePath } from "@/lib/env/config";
import { loadPolicyFile, type Policy } from "./file/load-policy-file";

let cached: { file: string; policy: Policy } | undefined;

export function getPolicy(): Policy {
  const file = policyFilePath();
  if (cached?.file !== file) cached = { file, policy: loadPolicyFile(file) };
  return cached.policy;
}
