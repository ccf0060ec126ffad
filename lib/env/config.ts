// The one module that reads process.env. Everything else asks getConfig().
// Validated with zod on first use and at server start (instrumentation.ts), so a wrong setting fails early and loudly.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { serverActionsKeyProblem } from "./server-actions-key";

const MIN_SECRET_LENGTH = 32;

const SECRET_NAMES = ["AUTH_SECRET", "LINK_SIGNING_KEYS", "SUPPRESSION_HMAC_KEY"] as const;
type SecretName = (typeof SECRET_NAMES)[number];

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "must be a postgresql:// URL" })
      .optional(),
  ),
  // Required in production. Elsewhere it defaults to http://localhost:<the port the server listens on>.
  PUBLIC_URL: z.url({ error: "must be an absolute URL such as https://prefs.example.com" }).optional(),
  // The port `next dev` / `next start` listen on: from PORT or `-p` (Next.js stores the port it actually listens on in
  // PORT before the app's code runs). Only read for the development default of PUBLIC_URL.
  PORT: optionalString,
  AUTH_SECRET: optionalString,
  // Comma-separated "keyId:secret" pairs; the first signs, all verify (rotation without breaking old mail).
  LINK_SIGNING_KEYS: optionalString,
  SUPPRESSION_HMAC_KEY: optionalString,
  MAIL_TRANSPORT: optionalString.pipe(z.enum(["outbox", "resend"]).optional()),
  // The sender ("Name <address>"); unset, the policy file's brand.sender (lib/mail/default-sender.ts).
  MAIL_FROM: optionalString,
  // The deployment's policy file (lib/policy/file): controller, categories and retention, purposes and legal bases,
  // recipients, cookies, languages, brand. Relative to the working directory; the reference customer's by default.
  POLICY_FILE: optionalString,
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalString.pipe(z.url().optional()),
  RESEND_WEBHOOK_SECRET: optionalString,
  // The Resend connector: Tillit topic keys mapped to Resend topic ids, "newsletter=4f0c…,events=9a1b…".
  RESEND_CONNECTOR_TOPICS: optionalString,
  // The dev mailbox shows stored mail (secure links included) to anyone who reaches the server: on by default outside
  // production with the outbox transport (DEV_MAILBOX=0 turns it off), and refused in production: with it anyone could
  // read an admin's sign-in link and become admin.
  DEV_MAILBOX: optionalString.pipe(z.enum(["0", "1"], { error: "must be 0 or 1" }).optional()),
  // Staff sign-in: comma-separated addresses or @domains allowed to sign in (on top of being an active staff user).
  STAFF_ALLOWED_EMAILS: optionalString,
  // Staff sessions slide (8 hours, renewed on use) but never outlive this many hours after sign-in.
  STAFF_SESSION_MAX_HOURS: z.coerce
    .number({ error: "must be a number of hours" })
    .int({ error: "must be a whole number of hours" })
    .min(1, { error: "must be at least 1 hour" })
    .max(720, { error: "must be at most 720 hours (30 days)" })
    .default(12),
  // Optional OpenID Connect sign-in (Microsoft Entra ID, Google Workspace, Keycloak): all three or none.
  OIDC_ISSUER: optionalString.pipe(z.url({ error: "must be the issuer URL" }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  // Piwik Pro analytics, loaded only after the visitor accepts cookies; none when unset.
  PIWIK_CONTAINER_ID: optionalString.pipe(z.uuid({ error: "must be the Piwik Pro container id (a UUID)" }).optional()),
  PIWIK_URL: optionalString.pipe(
    z.url({ error: "must be the Piwik Pro container URL, e.g. https://example.containers.piwik.pro" }).optional(),
  ),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Reverse proxies / load balancers in front of the app that append the address they saw to X-Forwarded-For. 0: none,
  // the socket's address is the client. N: the N-th entry from the right is the client (entries further left were
  // written by the client itself and are never trusted). See README, "Behind a load balancer".
  TRUSTED_PROXY_COUNT: z.coerce.number().int({ error: "must be a whole number" }).min(0).max(10).default(0),
  // Origins that may frame the embeddable sign-up form (/embed/signup), space-separated ("https://www.example.com");
  // empty: none may (frame-ancestors 'none', as every other page).
  SIGNUP_FRAME_ANCESTORS: optionalString.pipe(
    z
      .string()
      .regex(/^(https?:\/\/[a-z0-9.-]+(:\d+)?)( https?:\/\/[a-z0-9.-]+(:\d+)?)*$/i, {
        error: "must be origins like https://www.example.com, separated by spaces",
      })
      .optional(),
  ),
  // Requests per minute one /api/v1 key may make; the next gets 429 with Retry-After.
  API_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int({ error: "must be a whole number" })
    .min(1)
    .max(100_000)
    .default(600),
  // How many `next start` instances serve this deployment behind a load balancer. More than one needs the same
  // NEXT_SERVER_ACTIONS_ENCRYPTION_KEY on every instance (server-actions-key.ts) and PostgreSQL; README, "Production".
  WEB_INSTANCES: z.coerce
    .number({ error: "must be a whole number of instances" })
    .int({ error: "must be a whole number of instances" })
    .min(1, { error: "must be at least 1" })
    .default(1),
  // Read by Next.js itself; checked here so that a missing or malformed key stops start-up instead of failing actions.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: optionalString,
  // Background jobs (pg-boss). In-process by default on the embedded database; with DATABASE_URL run `npm run worker`.
  WORKER_IN_PROCESS: optionalString.pipe(z.enum(["0", "1"], { error: "must be 0 or 1" }).optional()),
  WORKER_CONCURRENCY: z.coerce.number().int({ error: "must be a whole number" }).min(1).max(64).default(4),
  // Seconds a worker may hold a claimed batch of a mailing before it returns to the queue (a killed worker's batches).
  // The hour (Stockholm time) the retention job runs each day; 02 is refused: summer time skips or repeats it.
  RETENTION_HOUR: z.coerce
    .number()
    .int({ error: "must be a whole number" })
    .min(0)
    .max(23)
    .refine((h) => h !== 2, { error: "02 is skipped or repeated when summer time changes; choose another hour" })
    .default(4),
  // Seconds `npm run worker` takes to stop on SIGTERM/SIGINT: batches in flight finish, or are released to the queue
  // for another worker, and the process exits within this bound (lib/jobs/run-worker.ts).
  WORKER_SHUTDOWN_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .int({ error: "must be a whole number of seconds" })
    .min(2)
    .max(600)
    .default(30),
  MAILING_LEASE_SECONDS: z.coerce.number().int({ error: "must be a whole number" }).min(5).max(3600).default(120),
  // Calls per second to Resend shared by all workers (Resend's default limit is 5); 0 turns pacing off.
  RESEND_RATE_LIMIT: z.coerce.number({ error: "must be a number" }).min(0).max(1000).default(5),
  // Seconds one call to Resend may take; past it the call counts as failed with an unknown outcome (it may have been
  // accepted), and is repeated under the same idempotency key.
  RESEND_TIMEOUT_SECONDS: z.coerce.number({ error: "must be a number" }).min(0.1).max(300).default(30),
  // Outbound webhooks (lib/outbound-webhooks): plain http endpoints are refused unless allowed (never in production).
  WEBHOOK_ALLOW_HTTP: optionalString.pipe(z.enum(["0", "1"], { error: "must be 0 or 1" }).optional()),
  // Seconds one delivery attempt may take before it counts as failed.
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number({ error: "must be a number" }).min(0.1).max(60).default(10),
  // The first retry's delay in seconds; each next one doubles, at most an hour apart.
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number({ error: "must be a number" }).min(0.01).max(3600).default(10),
  // Hours after which an event still not delivered becomes a dead letter (Standard Webhooks' usual 3 days).
  WEBHOOK_GIVE_UP_HOURS: z.coerce
    .number({ error: "must be a number" })
    .min(0.0001)
    .max(24 * 14)
    .default(72),
  // Bearer token for /api/metrics (Prometheus); unset, the endpoint does not exist (404).
  METRICS_TOKEN: optionalString,
  // bench/mailing.ts only: render every mail with react-email, to measure what rendering once per mailing saves.
  BENCH_NAIVE_RENDER: optionalString.pipe(z.enum(["0", "1"], { error: "must be 0 or 1" }).optional()),
});

export type LinkKey = { id: string; secret: string };

export type Config = {
  env: "development" | "test" | "production";
  dataDir: string;
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };
  publicUrl: string;
  authSecret: string;
  linkKeys: LinkKey[];
  suppressionKey: string;
  mail:
    | { transport: "outbox"; from?: string }
    | {
        transport: "resend";
        from?: string;
        apiKey: string;
        baseUrl?: string;
        webhookSecret?: string;
        /** Longest wait for one call's answer (RESEND_TIMEOUT_SECONDS). */
        timeoutMs?: number;
      };
  /** Tillit topic key → Resend topic id; null: the Resend connector is off. */
  resendConnector: { topics: Record<string, string> } | null;
  staffAuth: {
    /** Lower-cased addresses ("a@b.se") and domains ("@b.se"); empty means any active staff user may sign in. */
    allowed: string[];
    /** Absolute lifetime of a staff session from sign-in, whatever its sliding expiry says. */
    sessionMaxHours: number;
    oidc: { issuer: string; clientId: string; clientSecret: string } | null;
  };
  /** Piwik Pro analytics (only after consent); null when not configured. */
  analytics: { containerId: string; url: string } | null;
  /** Whether /dev/mail and /api/dev/mail exist (only ever with the outbox transport, never in production). */
  devMailbox: boolean;
  logLevel: "debug" | "info" | "warn" | "error";
  /** Trusted reverse proxies in front of the app: which X-Forwarded-For entry is the client (lib/http/client-address.ts). */
  trustedProxyCount: number;
  /** Requests per minute and /api/v1 key. */
  apiRateLimitPerMinute: number;
  /** `next start` instances declared for this deployment (WEB_INSTANCES). */
  webInstances: number;
  /** Origins allowed to frame /embed/signup (CSP frame-ancestors); empty: none. */
  signupFrameAncestors: string[];
  version: string;
  /** Absolute path of the deployment's policy file. */
  policyFile: string;
  jobs: {
    inProcess: boolean;
    concurrency: number;
    leaseSeconds: number;
    sendRatePerSecond: number;
    naiveRender: boolean;
    /** The hour of the day (Stockholm) the retention job runs. */
    retentionHour: number;
  };
  webhooks: WebhookSettings;
  /** GET /api/metrics: the bearer token a scraper must send; null, the endpoint answers 404. */
  metrics: { token: string | null };
  /** Seconds `npm run worker` has to stop after SIGTERM/SIGINT before it exits regardless. */
  workerShutdownSeconds: number;
};

/** Outbound webhook delivery (lib/outbound-webhooks). */
export type WebhookSettings = {
  /** http:// endpoint URLs accepted (loopback receivers in development and tests); never in production. */
  allowHttp: boolean;
  timeoutMs: number;
  retryBaseMs: number;
  giveUpAfterMs: number;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}\nSee .env.example for every variable.`);
    this.name = "ConfigError";
  }
}

function parseLinkKeys(raw: string, problems: string[]): LinkKey[] {
  const keys: LinkKey[] = [];
  for (const part of raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const sep = part.indexOf(":");
    const id = sep > 0 ? part.slice(0, sep) : "";
    const secret = sep > 0 ? part.slice(sep + 1) : "";
    if (!/^[A-Za-z0-9]{1,8}$/.test(id)) {
      problems.push(`LINK_SIGNING_KEYS: each entry must be "keyId:secret" with a key id of 1-8 letters or digits`);
      continue;
    }
    if (secret.length < MIN_SECRET_LENGTH) {
      problems.push(
        `LINK_SIGNING_KEYS: the secret of key "${id}" is weak (fewer than ${MIN_SECRET_LENGTH} characters)`,
      );
      continue;
    }
    keys.push({ id, secret });
  }
  if (keys.length === 0 && problems.length === 0) problems.push("LINK_SIGNING_KEYS: no key given");
  return keys;
}

// Development secrets are generated once and kept in DATA_DIR (never committed), so links survive restarts.
function developmentSecrets(dataDir: string): Record<SecretName, string> {
  const file = path.join(dataDir, "dev-secrets.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Partial<Record<SecretName, string>>;
    if (SECRET_NAMES.every((n) => typeof stored[n] === "string")) return stored as Record<SecretName, string>;
  }
  const fresh = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    LINK_SIGNING_KEYS: `dev1:${randomBytes(32).toString("base64url")}`,
    SUPPRESSION_HMAC_KEY: randomBytes(32).toString("base64url"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(fresh, null, 2) + "\n", { mode: 0o600 });
  return fresh;
}

/**
 * PUBLIC_URL outside production when it is not set: this server on localhost, at the port it listens on (PORT, which
 * Next.js sets from `-p` too), or Next.js's default 3000. Links in mail then work on whatever port `npm run dev` got.
 */
function developmentPublicUrl(port: string | undefined, problems: string[]): string {
  if (port === undefined) return "http://localhost:3000";
  const n = Number(port);
  if (!/^\d+$/.test(port) || n < 1 || n > 65535) {
    problems.push("PORT: must be a port number (1-65535)");
    return "http://localhost:3000";
  }
  return `http://localhost:${n}`;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === "production";

  const secrets = {} as Record<SecretName, string>;
  let devSecrets: Record<SecretName, string> | undefined;
  for (const name of SECRET_NAMES) {
    const value = e[name];
    if (value) {
      secrets[name] = value;
    } else if (production) {
      problems.push(`${name}: required in production (see .env.example)`);
    } else {
      devSecrets ??= developmentSecrets(e.DATA_DIR);
      secrets[name] = devSecrets[name];
    }
  }
  if (production) {
    for (const name of ["AUTH_SECRET", "SUPPRESSION_HMAC_KEY"] as const) {
      const v = e[name];
      if (v && v.length < MIN_SECRET_LENGTH)
        problems.push(`${name}: weak secret (fewer than ${MIN_SECRET_LENGTH} characters)`);
    }
  }
  // Compared with whatever a client sends, in every environment: a short one could be guessed.
  if (e.METRICS_TOKEN !== undefined && e.METRICS_TOKEN.length < MIN_SECRET_LENGTH)
    problems.push(`METRICS_TOKEN: weak token (fewer than ${MIN_SECRET_LENGTH} characters)`);
  const linkKeys = secrets.LINK_SIGNING_KEYS ? parseLinkKeys(secrets.LINK_SIGNING_KEYS, problems) : [];

  const transport = e.MAIL_TRANSPORT ?? (e.RESEND_API_KEY ? "resend" : production ? undefined : "outbox");
  let mail: Config["mail"] = { transport: "outbox", from: e.MAIL_FROM };
  if (transport === undefined) {
    problems.push("RESEND_API_KEY: required in production (or set MAIL_TRANSPORT=outbox to keep mail in the database)");
  } else if (transport === "resend") {
    if (!e.RESEND_API_KEY) problems.push("RESEND_API_KEY: required when MAIL_TRANSPORT=resend");
    else
      mail = {
        transport: "resend",
        from: e.MAIL_FROM,
        apiKey: e.RESEND_API_KEY,
        baseUrl: e.RESEND_BASE_URL,
        webhookSecret: e.RESEND_WEBHOOK_SECRET,
        timeoutMs: e.RESEND_TIMEOUT_SECONDS * 1000,
      };
  }

  const resendConnector = parseResendConnector(e.RESEND_CONNECTOR_TOPICS, mail.transport, problems);

  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet !== 0 && oidcSet !== 3)
    problems.push("OIDC_ISSUER: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none");
  if (production && e.DEV_MAILBOX === "1")
    problems.push("DEV_MAILBOX: never in production (it shows sign-in links to anyone); remove it or set it to 0");
  if (Boolean(e.PIWIK_CONTAINER_ID) !== Boolean(e.PIWIK_URL))
    problems.push("PIWIK_URL: set both PIWIK_CONTAINER_ID and PIWIK_URL, or neither");
  const publicUrl = e.PUBLIC_URL ?? (production ? undefined : developmentPublicUrl(e.PORT, problems));
  if (production && !e.PUBLIC_URL)
    problems.push("PUBLIC_URL: required in production (links in mail are built from it)");
  if (
    production &&
    e.PUBLIC_URL &&
    !e.PUBLIC_URL.startsWith("https://") &&
    !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(e.PUBLIC_URL)
  ) {
    problems.push("PUBLIC_URL: must use https:// in production");
  }

  checkSeveralInstances(e, problems);

  // publicUrl is missing only in production without PUBLIC_URL, which is among the problems then.
  if (problems.length > 0 || publicUrl === undefined) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    dataDir: e.DATA_DIR,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dir: path.join(e.DATA_DIR, "pglite") },
    publicUrl: publicUrl.replace(/\/+$/, ""),
    authSecret: secrets.AUTH_SECRET,
    linkKeys,
    suppressionKey: secrets.SUPPRESSION_HMAC_KEY,
    mail,
    resendConnector,
    staffAuth: {
      allowed: (e.STAFF_ALLOWED_EMAILS ?? "")
        .split(",")
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean),
      sessionMaxHours: e.STAFF_SESSION_MAX_HOURS,
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
          ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET }
          : null,
    },
    analytics:
      e.PIWIK_CONTAINER_ID && e.PIWIK_URL
        ? { containerId: e.PIWIK_CONTAINER_ID, url: e.PIWIK_URL.replace(/\/+$/, "") }
        : null,
    devMailbox: !production && mail.transport === "outbox" && e.DEV_MAILBOX !== "0",
    logLevel: e.LOG_LEVEL,
    trustedProxyCount: e.TRUSTED_PROXY_COUNT,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    webInstances: e.WEB_INSTANCES,
    signupFrameAncestors: e.SIGNUP_FRAME_ANCESTORS ? e.SIGNUP_FRAME_ANCESTORS.split(" ") : [],
    version: env.npm_package_version ?? packageVersion(),
    policyFile: policyFilePath(env),
    jobs: {
      inProcess: e.WORKER_IN_PROCESS === undefined ? !e.DATABASE_URL : e.WORKER_IN_PROCESS === "1",
      concurrency: e.WORKER_CONCURRENCY,
      leaseSeconds: e.MAILING_LEASE_SECONDS,
      sendRatePerSecond: e.RESEND_RATE_LIMIT,
      naiveRender: e.BENCH_NAIVE_RENDER === "1",
      retentionHour: e.RETENTION_HOUR,
    },
    webhooks: {
      allowHttp: !production && e.WEBHOOK_ALLOW_HTTP !== "0",
      timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_SECONDS * 1000,
      giveUpAfterMs: e.WEBHOOK_GIVE_UP_HOURS * 60 * 60 * 1000,
    },
    metrics: { token: e.METRICS_TOKEN ?? null },
    workerShutdownSeconds: e.WORKER_SHUTDOWN_SECONDS,
  };
}

/**
 * Several web instances behind a load balancer without sticky sessions: a server action rendered by one instance is
 * posted to another, so in production they must share the actions' key (a build's own key differs from build to
 * build), and they must share a database (the embedded one belongs to one process). A key that is set is checked
 * everywhere, as Next.js would fail every action on a malformed one.
 */
function checkSeveralInstances(e: z.infer<typeof envSchema>, problems: string[]): void {
  const key = e.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  const keyProblem = key === undefined ? null : serverActionsKeyProblem(key);
  if (keyProblem) problems.push(`NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ${keyProblem}`);
  if (e.WEB_INSTANCES <= 1) return;
  if (e.NODE_ENV === "production" && key === undefined)
    problems.push(
      `NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: required when WEB_INSTANCES is ${e.WEB_INSTANCES}: every instance needs ` +
        "the same key, or a form rendered by one instance fails on another (generate one with `openssl rand -base64 32`)",
    );
  if (!e.DATABASE_URL)
    problems.push("WEB_INSTANCES: more than one instance needs DATABASE_URL (the embedded database is one process's)");
}

/**
 * "key=resendTopicId,…": which of Resend's topics stands for which Tillit topic. Set only with the Resend transport
 * (the connector uses its API key); null turns the connector off.
 */
function parseResendConnector(
  value: string | undefined,
  transport: Config["mail"]["transport"],
  problems: string[],
): Config["resendConnector"] {
  if (!value) return null;
  if (transport !== "resend") {
    problems.push("RESEND_CONNECTOR_TOPICS: the Resend connector needs MAIL_TRANSPORT=resend and RESEND_API_KEY");
    return null;
  }
  const topics: Record<string, string> = {};
  for (const pair of value
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z0-9][a-z0-9_-]*)=([A-Za-z0-9_-]+)$/.exec(pair);
    if (!match) {
      problems.push(`RESEND_CONNECTOR_TOPICS: "${pair}" is not topic-key=resend-topic-id`);
      continue;
    }
    if (topics[match[1]!]) problems.push(`RESEND_CONNECTOR_TOPICS: topic "${match[1]}" is mapped twice`);
    topics[match[1]!] = match[2]!;
  }
  return { topics };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** The reference customer's policy, which the demo runs on. */
export const DEFAULT_POLICY_FILE = "lib/policy/files/reference.yaml";

/**
 * The policy file's absolute path, on its own: the policy holds no secret, and pages read it (brand, languages) also
 * while `next build` collects them, when the rest of the configuration (production secrets) is not there.
 */
export function policyFilePath(env: Record<string, string | undefined> = process.env): string {
  // Read at run time from the working directory (or an absolute path): nothing for the build to trace.
  return path.resolve(/*turbopackIgnore: true*/ optionalString.parse(env.POLICY_FILE) ?? DEFAULT_POLICY_FILE);
}

let cached: Config | undefined;

export function getConfig(): Config {
  if (!cached) {
    // Next.js loads .env itself; scripts run with tsx (migrate, seed) get it here. Set variables win over the file.
    if (existsSync(".env") && !isNextServer()) process.loadEnvFile(".env");
    cached = loadConfig();
    // next-auth 4 builds callback and OpenID Connect redirect URLs from NEXTAUTH_URL only; derive it from PUBLIC_URL
    // so there is one setting, never the request's Host header.
    process.env.NEXTAUTH_URL ??= `${cached.publicUrl}/api/auth`;
  }
  return cached;
}

/** True inside the Next.js server (pages, actions, route handlers, proxy), false in scripts, workers and tests. */
export function isNextServer(): boolean {
  return process.env.NEXT_RUNTIME !== undefined;
}

/** True while `next build` prerenders pages: no database, no secrets needed then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
