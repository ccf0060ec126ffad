// A deployment whose policy file or configuration has a mistake does not start: `next start` exits and its output
// names the file and every field or variable to fix, before any page is served (lib/env/check-on-start.ts, run from
// instrumentation.ts; Next.js itself would log the error and serve on). The policy file here is the fictional
// company's with the balancing test of a legitimate interest removed.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it } from "vitest";

const dir = mkdtempSync(path.join(os.tmpdir(), "tillit-bad-policy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `next start` with the environment and resolves with its exit code and output; fails after 60 s of running. */
async function start(appDir: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    [path.join(appDir, "node_modules/next/dist/bin/next"), "start", "--hostname", "127.0.0.1", "--port", "0"],
    {
      cwd: appDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATA_DIR: path.join(dir, "data"),
        PUBLIC_URL: "http://127.0.0.1:1",
        AUTH_SECRET: "s".repeat(40),
        SUPPRESSION_HMAC_KEY: "k".repeat(40),
        LINK_SIGNING_KEYS: `e2e1:${"l".repeat(43)}`,
        MAIL_TRANSPORT: "resend",
        RESEND_API_KEY: "re_e2e_fake",
        RESEND_BASE_URL: "http://127.0.0.1:9",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`next start still running after 60 s:\n${output}`));
    }, 60_000);
    child.once("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { code, output };
}

it("refuses to start on a policy file with a mistake, naming the field", async () => {
  const appDir = inject("e2eAppDir");
  const good = readFileSync(path.join(appDir, "lib/policy/files/fictional-example.yaml"), "utf8");
  const bad = good.replace(/    balancing:\n(      .*\n)+/, "");
  expect(bad).not.toBe(good);
  const file = path.join(dir, "policy.yaml");
  writeFileSync(file, bad);
  const { code, output } = await start(appDir, { POLICY_FILE: file });
  expect(code).toBe(1);
  expect(output).toContain(`The policy file ${file} cannot be used`);
  expect(output).toContain(
    "purposes.MARKETING_MAILINGS.balancing: legitimate interest needs its documented balancing test (Art. 6(1)(f))",
  );
});

it("refuses to start on a configuration with a mistake, naming the variable and not its value", async () => {
  const { code, output } = await start(inject("e2eAppDir"), { AUTH_SECRET: "too-short-secret" });
  expect(code).toBe(1);
  expect(output).toContain("Invalid configuration");
  expect(output).toContain("AUTH_SECRET");
  expect(output).not.toContain("too-short-secret");
});

it("refuses to start as one of several instances without the server-actions key, naming the variable", async () => {
  const several = { WEB_INSTANCES: "2", DATABASE_URL: "postgresql://tillit@127.0.0.1:9/tillit" };
  const { code, output } = await start(inject("e2eAppDir"), several);
  expect(code).toBe(1);
  expect(output).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: required when WEB_INSTANCES is 2");
  const bad = await start(inject("e2eAppDir"), { ...several, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "c2VjcmV0" });
  expect(bad.code).toBe(1);
  expect(bad.output).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be base64 of a 16, 24 or 32-byte AES key");
  expect(bad.output).not.toContain("c2VjcmV0");
});
