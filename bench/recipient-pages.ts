// Requests per second and latency of the recipient pages on a production build with PostgreSQL:
//   the pages with nothing personal (/, /privacy, /preferences, and the page of a link that is not one of ours,
//   /p/<invalid token>), the preference page GET (/p/<token>) and the one-click unsubscribe POST (/u/<token>). Creates a fresh database, migrates and seeds it (demo data), starts `next start`
//   on a free port, runs autocannon for a bounded time per route, prints the figures, stops and drops everything.
//
//   npx tsx --import ./lib/node/server-only-hook.mjs bench/recipient-pages.ts [--duration 10] [--connections 10]
//     [--server postgresql://postgres@127.0.0.1:5432] [--build] [--save after.json] [--before before.json]
//     [--only <text>] [--cpu-prof <dir>]
//
// Uses the existing .next build unless --build is given or there is none. --save writes the figures as JSON;
// --before reads such a file and prints the two runs side by side (before/after of a change). --only runs the routes
// whose name contains the text; --cpu-prof writes a V8 CPU profile of the server (node --cpu-prof) into the folder.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { preferencesUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { freePort, ROOT, run, waitUntilHealthy } from "./support/next-server";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    server: { type: "string", default: "postgresql://postgres@127.0.0.1:5432" },
    build: { type: "boolean", default: false },
    save: { type: "string" },
    before: { type: "string" },
    only: { type: "string" },
    "cpu-prof": { type: "string" },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);

async function main() {
  const dbName = `tillit_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${args.server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const databaseUrl = `${args.server}/${dbName}`;
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const linkKeys = [{ id: "bench1", secret: randomBytes(32).toString("base64url") }];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: path.join(os.tmpdir(), `tillit-bench-${process.pid}`),
    PUBLIC_URL: publicUrl,
    MAIL_TRANSPORT: "outbox",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SUPPRESSION_HMAC_KEY: randomBytes(32).toString("base64url"),
    LINK_SIGNING_KEYS: linkKeys.map((k) => `${k.id}:${k.secret}`).join(","),
    LOG_LEVEL: "warn",
  };
  delete env.PIWIK_CONTAINER_ID;
  delete env.PIWIK_URL;

  let child: ChildProcess | undefined;
  try {
    run(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["--import", "./lib/node/server-only-hook.mjs", "lib/db/cli.ts", "prepare"],
      env,
    );
    if (args.build || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
      run(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], env);
    }
    const profile = args["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(args["cpu-prof"])] : [];
    child = spawn(
      process.execPath,
      [
        ...profile,
        path.join(ROOT, "node_modules/next/dist/bin/next"),
        "start",
        "--hostname",
        "127.0.0.1",
        "--port",
        String(port),
      ],
      { cwd: ROOT, env, detached: true, stdio: ["ignore", "ignore", "inherit"] },
    );
    await waitUntilHealthy(publicUrl, child);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const contacts = (
      await db.query<{ id: string; tokenVersion: number }>(
        `SELECT id, "tokenVersion" FROM "Contact" ORDER BY id LIMIT 2`,
      )
    ).rows;
    await db.end();
    if (contacts.length < 2) throw new Error("the demo seed made no contacts");
    const config = { publicUrl, linkKeys };
    // Two contacts: one whose page is read, one who is unsubscribed again and again (repeats are harmless).
    const pageUrl = preferencesUrl(config, contacts[0]!);
    const oneClickUrl = unsubscribeUrl(config, contacts[1]!, "all");

    const allTargets = [
      { name: "GET /", url: `${publicUrl}/`, method: "GET" as const },
      { name: "GET /privacy", url: `${publicUrl}/privacy`, method: "GET" as const },
      { name: "GET /preferences", url: `${publicUrl}/preferences`, method: "GET" as const },
      // A link that is not one of ours (cut short, tampered): the proxy's 303 to the shared link-problem page…
      {
        name: "GET /p/<invalid token> (303 to the link problem)",
        url: `${publicUrl}/p/not-a-token`,
        method: "GET" as const,
        status: 303,
      },
      // … which has nothing personal on it and is cached.
      { name: "GET /link/invalid (link problem)", url: `${publicUrl}/link/invalid`, method: "GET" as const },
      { name: "GET /p/<token> (preference page)", url: pageUrl, method: "GET" as const },
      {
        name: "POST /u/<token> (one-click)",
        url: oneClickUrl,
        method: "POST" as const,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      },
    ];
    const targets = allTargets.filter((t) => !args.only || t.name.includes(args.only));
    // Warm-up: compile caches, open pool connections; also proves every route answers 200.
    for (const t of targets) {
      const res = await fetch(t.url, { method: t.method, headers: t.headers, body: t.body, redirect: "manual" });
      await res.arrayBuffer();
      const expected = "status" in t ? t.status : 200;
      if (res.status !== expected) throw new Error(`${t.name} answered ${res.status}, not ${expected}`);
      console.log(`${t.name}: cache-control ${res.headers.get("cache-control") ?? "(none)"}`);
    }

    const rows = [];
    for (const t of targets) {
      // 2 s of the same load first, unmeasured: JIT and caches warm, pool connections open.
      await autocannon({ ...t, connections, duration: 2, timeout: 10 });
      const r = await autocannon({ ...t, connections, duration, timeout: 10 });
      rows.push({
        route: t.name,
        "req/s (mean)": Math.round(r.requests.average),
        "p50 ms": r.latency.p50,
        "p99 ms": r.latency.p99,
        "max ms": r.latency.max,
        requests: r.requests.total,
        "non-2xx": r.non2xx,
        errors: r.errors + r.timeouts,
      });
    }
    console.log(
      `\nbench recipient-pages: ${connections} connections, ${duration} s per route, PostgreSQL ${args.server}, ` +
        `Node ${process.version}, ${os.cpus().length} CPUs`,
    );
    console.table(rows);
    if (args.save) writeFileSync(args.save, JSON.stringify(rows, null, 2));
    if (args.before) {
      type Row = (typeof rows)[number];
      const before = JSON.parse(readFileSync(args.before, "utf8")) as Row[];
      console.log(`\nbefore (${args.before}) and after (this run):`);
      console.table(
        rows.map((after) => {
          const was = before.find((b) => b.route === after.route);
          return {
            route: after.route,
            "req/s before": was?.["req/s (mean)"] ?? "-",
            "req/s after": after["req/s (mean)"],
            "p99 before": was?.["p99 ms"] ?? "-",
            "p99 after": after["p99 ms"],
          };
        }),
      );
    }
  } finally {
    if (child?.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      // A CPU profile is written as the server exits: give it time.
      const deadline = Date.now() + (args["cpu-prof"] ? 20_000 : 1000);
      while (child.exitCode === null && child.signalCode === null && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
