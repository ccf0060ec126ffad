import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/env/config";
import { chooseSender, formatSender } from "@/lib/mail/default-sender";

const strong = "x".repeat(40);
const prod = {
  NODE_ENV: "production",
  PUBLIC_URL: "https://prefs.example.com",
  AUTH_SECRET: strong,
  LINK_SIGNING_KEYS: `k1:${strong}`,
  SUPPRESSION_HMAC_KEY: strong,
  RESEND_API_KEY: "re_test",
  DATABASE_URL: "postgresql://u@db/tillit",
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
}

describe("configuration", () => {
  it("accepts a complete production configuration", () => {
    const c = loadConfig(prod);
    expect(c.database).toEqual({ kind: "postgres", url: "postgresql://u@db/tillit" });
    expect(c.mail).toMatchObject({ transport: "resend", apiKey: "re_test" });
    expect(c.linkKeys).toEqual([{ id: "k1", secret: strong }]);
  });

  it("reads the policy file POLICY_FILE names, the reference customer's by default", () => {
    expect(loadConfig(prod).policyFile).toBe(path.resolve("lib/policy/files/reference.yaml"));
    expect(loadConfig({ ...prod, POLICY_FILE: "lib/policy/files/fictional-example.yaml" }).policyFile).toBe(
      path.resolve("lib/policy/files/fictional-example.yaml"),
    );
  });

  it("keeps MAIL_FROM only when it is set: the sender is otherwise the policy file's (lib/mail/default-sender.ts)", () => {
    expect(loadConfig(prod).mail.from).toBeUndefined();
    expect(loadConfig({ ...prod, MAIL_FROM: " " }).mail.from).toBeUndefined();
    expect(loadConfig({ ...prod, MAIL_FROM: "Ops <ops@example.com>" }).mail.from).toBe("Ops <ops@example.com>");
    const sender = { name: "Northwind Components", address: "bulletins@northwind.example" };
    expect(chooseSender(undefined, sender)).toBe('"Northwind Components" <bulletins@northwind.example>');
    expect(chooseSender("Ops <ops@example.com>", sender)).toBe("Ops <ops@example.com>");
    expect(formatSender({ name: 'A "quoted" <name>\r\n', address: "a@example.com" })).toBe(
      '"A quoted name" <a@example.com>',
    );
  });

  it("METRICS_TOKEN: unset, /api/metrics does not exist; set, at least 32 characters", () => {
    expect(loadConfig(prod).metrics).toEqual({ token: null });
    expect(loadConfig({ ...prod, METRICS_TOKEN: " " }).metrics).toEqual({ token: null });
    expect(loadConfig({ ...prod, METRICS_TOKEN: strong }).metrics).toEqual({ token: strong });
    expect(problems({ ...prod, METRICS_TOKEN: "short" })).toEqual([
      expect.stringMatching(/^METRICS_TOKEN: weak token/),
    ]);
  });

  it("names each missing secret in production", () => {
    const p = problems({ ...prod, AUTH_SECRET: undefined, SUPPRESSION_HMAC_KEY: "", LINK_SIGNING_KEYS: undefined });
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AUTH_SECRET: required/),
        expect.stringMatching(/^SUPPRESSION_HMAC_KEY: required/),
        expect.stringMatching(/^LINK_SIGNING_KEYS: required/),
      ]),
    );
  });

  it("refuses weak secrets in production, naming the variable", () => {
    expect(problems({ ...prod, AUTH_SECRET: "short" })).toEqual([expect.stringMatching(/^AUTH_SECRET: weak secret/)]);
    expect(problems({ ...prod, LINK_SIGNING_KEYS: "k1:short" })).toEqual([
      expect.stringMatching(/^LINK_SIGNING_KEYS: the secret of key "k1" is weak/),
    ]);
  });

  it("requires a mail provider and an https public URL in production", () => {
    expect(problems({ ...prod, RESEND_API_KEY: undefined })).toEqual([
      expect.stringMatching(/^RESEND_API_KEY: required in production/),
    ]);
    expect(problems({ ...prod, PUBLIC_URL: "http://prefs.example.com" })).toEqual([
      expect.stringMatching(/^PUBLIC_URL: must use https/),
    ]);
    expect(problems({ ...prod, PUBLIC_URL: undefined })).toEqual([
      expect.stringMatching(/^PUBLIC_URL: required in production/),
    ]);
    expect(loadConfig({ ...prod, RESEND_API_KEY: undefined, MAIL_TRANSPORT: "outbox" }).mail.transport).toBe("outbox");
  });

  it("rejects malformed values with the variable's name", () => {
    expect(problems({ ...prod, DATABASE_URL: "mysql://x" })).toEqual([
      expect.stringMatching(/^DATABASE_URL: must be a postgresql/),
    ]);
    expect(problems({ ...prod, MAIL_TRANSPORT: "smtp" })).toEqual([expect.stringMatching(/^MAIL_TRANSPORT:/)]);
  });

  it("generates development secrets once and keeps them in the data directory", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tillit-cfg-"));
    const a = loadConfig({ NODE_ENV: "development", DATA_DIR: dir });
    const b = loadConfig({ NODE_ENV: "development", DATA_DIR: dir });
    expect(a.authSecret).toHaveLength(43);
    expect(b.authSecret).toBe(a.authSecret);
    expect(b.linkKeys).toEqual(a.linkKeys);
    expect(a.database).toEqual({ kind: "pglite", dir: path.join(dir, "pglite") });
    expect(a.mail.transport).toBe("outbox");
    expect(JSON.parse(readFileSync(path.join(dir, "dev-secrets.json"), "utf8")).SUPPRESSION_HMAC_KEY).toBe(
      a.suppressionKey,
    );
  });

  it("defaults PUBLIC_URL outside production to localhost at the port the server listens on", () => {
    const dev = { NODE_ENV: "development", DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "tillit-cfg-")) };
    // `next dev -p 4123` and `PORT=4123 npm run dev` both reach the app as PORT (Next.js sets it to the port it got).
    expect(loadConfig({ ...dev, PORT: "4123" }).publicUrl).toBe("http://localhost:4123");
    expect(loadConfig({ ...dev, NODE_ENV: "test", PORT: "4124" }).publicUrl).toBe("http://localhost:4124");
    // Next.js's own default port when nothing says otherwise.
    expect(loadConfig(dev).publicUrl).toBe("http://localhost:3000");
    expect(loadConfig({ ...dev, PORT: "" }).publicUrl).toBe("http://localhost:3000");
    // A PUBLIC_URL that is set wins over the port (a proxy or tunnel in front of the dev server).
    expect(loadConfig({ ...dev, PORT: "4123", PUBLIC_URL: "https://dev.example.com/" }).publicUrl).toBe(
      "https://dev.example.com",
    );
    expect(problems({ ...dev, PORT: "http" })).toEqual([expect.stringMatching(/^PORT: must be a port number/)]);
    expect(problems({ ...dev, PORT: "70000" })).toEqual([expect.stringMatching(/^PORT: must be a port number/)]);
  });

  it("still requires PUBLIC_URL in production, whatever PORT says", () => {
    expect(problems({ ...prod, PUBLIC_URL: undefined, PORT: "8080" })).toEqual([
      expect.stringMatching(/^PUBLIC_URL: required in production/),
    ]);
    // PORT is never judged in production: the platform's PORT is none of the app's business there.
    expect(loadConfig({ ...prod, PORT: "not-a-port" }).publicUrl).toBe("https://prefs.example.com");
  });

  it("refuses the dev mailbox in production: it would show staff sign-in links to anyone", () => {
    const outbox = { ...prod, RESEND_API_KEY: undefined, MAIL_TRANSPORT: "outbox" };
    expect(problems({ ...outbox, DEV_MAILBOX: "1" })).toEqual([
      expect.stringMatching(/^DEV_MAILBOX: never in production/),
    ]);
    expect(problems({ ...prod, DEV_MAILBOX: "1" })).toEqual([
      expect.stringMatching(/^DEV_MAILBOX: never in production/),
    ]);
    expect(loadConfig(outbox).devMailbox).toBe(false);
    expect(loadConfig({ ...outbox, DEV_MAILBOX: "0" }).devMailbox).toBe(false);
    const dir = mkdtempSync(path.join(os.tmpdir(), "tillit-cfg-"));
    expect(loadConfig({ NODE_ENV: "development", DATA_DIR: dir }).devMailbox).toBe(true);
    expect(loadConfig({ NODE_ENV: "development", DATA_DIR: dir, DEV_MAILBOX: "0" }).devMailbox).toBe(false);
  });

  it("reads the absolute staff session lifetime in hours, 12 by default", () => {
    expect(loadConfig(prod).staffAuth.sessionMaxHours).toBe(12);
    expect(loadConfig({ ...prod, STAFF_SESSION_MAX_HOURS: "24" }).staffAuth.sessionMaxHours).toBe(24);
    expect(problems({ ...prod, STAFF_SESSION_MAX_HOURS: "0" })).toEqual([
      expect.stringMatching(/^STAFF_SESSION_MAX_HOURS:/),
    ]);
    expect(problems({ ...prod, STAFF_SESSION_MAX_HOURS: "two" })).toEqual([
      expect.stringMatching(/^STAFF_SESSION_MAX_HOURS:/),
    ]);
  });

  it("reads the origins that may frame the sign-up form, none by default, and refuses anything but origins", () => {
    expect(loadConfig(prod).signupFrameAncestors).toEqual([]);
    expect(
      loadConfig({ ...prod, SIGNUP_FRAME_ANCESTORS: "https://www.example.com https://example.com" })
        .signupFrameAncestors,
    ).toEqual(["https://www.example.com", "https://example.com"]);
    for (const bad of ["*", "https://www.example.com/path", "'self'", "https://a.example.com;script-src *"])
      expect(problems({ ...prod, SIGNUP_FRAME_ANCESTORS: bad })).toEqual([
        expect.stringMatching(/^SIGNUP_FRAME_ANCESTORS:/),
      ]);
  });

  describe("several web instances", () => {
    // 32 random bytes in base64, as `openssl rand -base64 32` prints them.
    const key = Buffer.alloc(32, 7).toString("base64");

    it("declares one instance by default and needs no actions key then", () => {
      expect(loadConfig(prod).webInstances).toBe(1);
      expect(loadConfig({ ...prod, WEB_INSTANCES: "1" }).webInstances).toBe(1);
    });

    it("refuses several instances in production without NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, naming it", () => {
      expect(problems({ ...prod, WEB_INSTANCES: "2" })).toEqual([
        expect.stringMatching(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: required when WEB_INSTANCES is 2/),
      ]);
      expect(problems({ ...prod, WEB_INSTANCES: "3", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: " " })).toEqual([
        expect.stringMatching(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: required/),
      ]);
      expect(loadConfig({ ...prod, WEB_INSTANCES: "2", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }).webInstances).toBe(2);
    });

    it("takes AES keys of 16, 24 and 32 bytes in base64 and refuses anything else without echoing it", () => {
      for (const bytes of [16, 24, 32]) {
        const k = Buffer.alloc(bytes, 1).toString("base64");
        expect(problems({ ...prod, WEB_INSTANCES: "2", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: k })).toEqual([]);
      }
      const bad = [
        Buffer.alloc(31, 1).toString("base64"), // 31 bytes
        Buffer.alloc(64, 1).toString("base64"), // 64 bytes
        Buffer.alloc(32, 250).toString("base64url"), // the URL alphabet: Next decodes with atob
        "not base64 at all!",
        "c2VjcmV0", // 6 bytes
      ];
      for (const k of bad) {
        const p = problems({ ...prod, WEB_INSTANCES: "2", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: k });
        expect(p).toEqual([expect.stringMatching(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be base64/)]);
        expect(p.join()).not.toContain(k);
      }
      // A set key is checked with one instance too: Next.js would fail every server action on it.
      expect(problems({ ...prod, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "c2VjcmV0" })).toEqual([
        expect.stringMatching(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be base64 of a 16, 24 or 32-byte/),
      ]);
    });

    it("needs the key only in production, and PostgreSQL wherever several instances are declared", () => {
      const dev = { NODE_ENV: "development", DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "tillit-cfg-")) };
      expect(loadConfig({ ...dev, WEB_INSTANCES: "2", DATABASE_URL: "postgresql://u@db/t" }).webInstances).toBe(2);
      expect(problems({ ...dev, WEB_INSTANCES: "2" })).toEqual([
        expect.stringMatching(/^WEB_INSTANCES: .*DATABASE_URL/),
      ]);
      expect(
        problems({ ...prod, DATABASE_URL: undefined, WEB_INSTANCES: "2", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }),
      ).toEqual([expect.stringMatching(/^WEB_INSTANCES: .*DATABASE_URL/)]);
    });

    it("refuses a count that is not a whole number of at least 1", () => {
      for (const n of ["0", "-1", "1.5", "two"])
        expect(problems({ ...prod, WEB_INSTANCES: n })).toEqual([expect.stringMatching(/^WEB_INSTANCES:/)]);
    });
  });

  it("reads the worker's shutdown bound in seconds, 30 by default", () => {
    expect(loadConfig(prod).workerShutdownSeconds).toBe(30);
    expect(loadConfig({ ...prod, WORKER_SHUTDOWN_SECONDS: "10" }).workerShutdownSeconds).toBe(10);
    for (const n of ["1", "0", "ten", "2.5"])
      expect(problems({ ...prod, WORKER_SHUTDOWN_SECONDS: n })).toEqual([
        expect.stringMatching(/^WORKER_SHUTDOWN_SECONDS:/),
      ]);
  });
});
