// Server time of the staff pages on a register of real size: a production build (`next start`) on PostgreSQL,
// signed in as the demo admin (a database session made for the run), each page requested --runs times in a row
// after one unmeasured request, timed from request to the last byte of the HTML on the same host. Prints p50, p95 and
// max per page, and the register's size.
//
//   npx tsx --import ./lib/node/server-only-hook.mjs bench/staff-pages.ts --contacts 100000 [--runs 10]
//     [--server postgresql://postgres@127.0.0.1:5432] [--build]
//   … --database postgresql://…/existing   (a register loaded before, e.g. kept with --keep; nothing is dropped)
//
// With --contacts the script creates a database, migrates it, seeds the demo data and `db:seed:bulk` N contacts, and
// drops it at the end unless --keep. Uses the existing .next build unless --build is given or there is none.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { encodeCursor } from "@/lib/pagination/keyset-cursor";
import { freePort, ROOT, run, waitUntilHealthy } from "./support/next-server";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string" },
    database: { type: "string" },
    runs: { type: "string", default: "10" },
    server: { type: "string", default: "postgresql://postgres@127.0.0.1:5432" },
    build: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const runs = Number(args.runs);
if (!args.contacts && !args.database) throw new Error("give --contacts N (a new register) or --database URL");

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The pages to time, with real ids and terms from the register (so a search finds something, a deep page exists). */
async function pagesOf(db: pg.Client): Promise<[name: string, path: string][]> {
  const one = async <T extends pg.QueryResultRow>(sql: string) => (await db.query<T>(sql)).rows[0];
  const org = await one<{ id: string; name: string; orgNumber: string | null }>(
    `SELECT o.id, o.name, o."orgNumber" FROM "Organisation" o JOIN "ContactRole" r ON r."organisationId" = o.id
     GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1`,
  );
  // The contact with the longest history in the audit trail.
  const busy = await one<{ id: string; email: string }>(
    `SELECT c.id, c.email FROM "Contact" c JOIN "AuditEvent" a ON a."subjectId" = c.id AND a."subjectType" = 'Contact'
     GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`,
  );
  // A cursor in the middle of the name order: what "page 20,000" is in keyset terms.
  const middle = await one<{ id: string; name: string }>(
    `SELECT id, name FROM "Contact" ORDER BY name, id OFFSET (SELECT count(*) / 2 FROM "Contact") LIMIT 1`,
  );
  const topic = await one<{ id: string }>(
    `SELECT id FROM "Topic" WHERE "archivedAt" IS NULL ORDER BY "sortOrder" LIMIT 1`,
  );
  const segment = await one<{ id: string }>(`SELECT id FROM "Segment" ORDER BY "createdAt" LIMIT 1`);
  // The largest send log (the bulk seed's mailing to every contact), so progress and report pages meet a real size.
  const mailing = await one<{ id: string }>(
    `SELECT id FROM "Mailing" ORDER BY "batchCount" DESC, "createdAt" DESC LIMIT 1`,
  );
  const request = await one<{ id: string }>(`SELECT id FROM "PrivacyRequest" ORDER BY "receivedAt" DESC LIMIT 1`);
  const emailPart = busy ? busy.email.split("@")[0]!.slice(0, 8) : "anna";
  const pages: [string, string | null][] = [
    ["home (dashboard)", "/staff"],
    ["contacts", "/staff/contacts"],
    ["contacts, search name", "/staff/contacts?q=anna"],
    // Two letters no name contains: a substring search of them would read every contact.
    ["contacts, search two letters", "/staff/contacts?q=zq"],
    ["contacts, search email", `/staff/contacts?q=${encodeURIComponent(emailPart)}`],
    ["contacts, search organisation", org ? `/staff/contacts?q=${encodeURIComponent(org.name)}` : null],
    ["contacts, search org number", org?.orgNumber ? `/staff/contacts?q=${encodeURIComponent(org.orgNumber)}` : null],
    ["contacts, category", "/staff/contacts?category=PROSPECT"],
    ["contacts, organisation", org ? `/staff/contacts?organisationId=${org.id}` : null],
    ["contacts, role type", "/staff/contacts?roleType=SYSTEM_OWNER"],
    ["contacts, topic", topic ? `/staff/contacts?topicId=${topic.id}` : null],
    ["contacts, language", "/staff/contacts?language=en"],
    ["contacts, opted out", "/staff/contacts?optedOut=yes"],
    ["contacts, newest first", "/staff/contacts?sort=created&dir=desc"],
    ["contacts, deep page", middle ? `/staff/contacts?after=${encodeCursor(middle.name, middle.id)}` : null],
    ["contact, long history", busy ? `/staff/contacts/${busy.id}` : null],
    ["contact, record tab", busy ? `/staff/contacts/${busy.id}?tab=record` : null],
    ["organisations", "/staff/organisations"],
    ["organisations, search", "/staff/organisations?q=ab"],
    ["organisation", org ? `/staff/organisations/${org.id}` : null],
    ["audit trail", "/staff/audit"],
    ["audit trail, person", busy ? `/staff/audit?person=${encodeURIComponent(busy.email)}` : null],
    ["privacy requests", "/staff/privacy-requests"],
    ["privacy request", request ? `/staff/privacy-requests/${request.id}` : null],
    ["segments", "/staff/segments"],
    ["segment builder", "/staff/segments/new"],
    ["segment", segment ? `/staff/segments/${segment.id}` : null],
    ["topics", "/staff/topics"],
    ["mailings", "/staff/mailings"],
    ["mailing", mailing ? `/staff/mailings/${mailing.id}` : null],
    ["mailing report", mailing ? `/staff/mailings/${mailing.id}/report` : null],
  ];
  return pages.filter((p): p is [string, string] => p[1] !== null);
}

async function main() {
  const admin = new pg.Client({ connectionString: `${args.server}/postgres` });
  await admin.connect();
  const created = args.database ? null : `tillit_staffbench_${process.pid}`;
  if (created) await admin.query(`CREATE DATABASE "${created}"`);
  const databaseUrl = args.database ?? `${args.server}/${created}`;
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: path.join(os.tmpdir(), `tillit-staffbench-${process.pid}`),
    PUBLIC_URL: publicUrl,
    MAIL_TRANSPORT: "outbox",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SUPPRESSION_HMAC_KEY: randomBytes(32).toString("base64url"),
    LINK_SIGNING_KEYS: `bench1:${randomBytes(32).toString("base64url")}`,
    LOG_LEVEL: "warn",
  };
  delete env.PIWIK_CONTAINER_ID;
  delete env.PIWIK_URL;

  let child: ChildProcess | undefined;
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    if (created) {
      const tsx = path.join(ROOT, "node_modules/.bin/tsx");
      run(tsx, ["--import", "./lib/node/server-only-hook.mjs", "lib/db/cli.ts", "prepare"], env);
      const t0 = Date.now();
      run(
        tsx,
        ["--import", "./lib/node/server-only-hook.mjs", "prisma/seed-bulk.ts", "--contacts", args.contacts!],
        env,
      );
      console.log(`bulk seed: ${args.contacts} contacts in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (args.build || !existsSync(path.join(ROOT, ".next/BUILD_ID")))
      run(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], env);
    await db.connect();
    if (created) await db.query("VACUUM ANALYZE");
    const staff = (await db.query<{ id: string }>(`SELECT id FROM "StaffUser" WHERE role = 'ADMIN' AND active LIMIT 1`))
      .rows[0];
    if (!staff) throw new Error("no active admin in the register (seed the demo data first)");
    const sessionToken = randomBytes(32).toString("hex");
    await db.query(
      `INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 hour')`,
      [`bench_${process.pid}`, sessionToken, staff.id],
    );
    const size = (
      await db.query<{ contacts: string; organisations: string; audit: string; size: string }>(
        `SELECT (SELECT count(*) FROM "Contact") AS contacts, (SELECT count(*) FROM "Organisation") AS organisations,
                (SELECT count(*) FROM "AuditEvent") AS audit, pg_size_pretty(pg_database_size(current_database())) AS size`,
      )
    ).rows[0]!;
    let pages = await pagesOf(db);
    if (args.only) pages = pages.filter(([name]) => name.includes(args.only!));

    child = spawn(
      process.execPath,
      [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "--hostname", "127.0.0.1", "--port", String(port)],
      { cwd: ROOT, env, detached: true, stdio: ["ignore", "ignore", "inherit"] },
    );
    await waitUntilHealthy(publicUrl, child, 120);
    const headers = { cookie: `next-auth.session-token=${sessionToken}`, "accept-language": "sv" };

    const rows = [];
    for (const [name, pagePath] of pages) {
      const times: number[] = [];
      let status = 0;
      let bytes = 0;
      for (let i = 0; i <= runs; i++) {
        const t0 = performance.now();
        const res = await fetch(`${publicUrl}${pagePath}`, { headers, redirect: "manual" });
        const body = await res.arrayBuffer();
        const ms = performance.now() - t0;
        status = res.status;
        bytes = body.byteLength;
        if (i > 0) times.push(ms); // the first request is unmeasured: compile caches, pool connections
      }
      times.sort((a, b) => a - b);
      rows.push({
        page: name,
        status,
        "p50 ms": Math.round(percentile(times, 50)),
        "p95 ms": Math.round(percentile(times, 95)),
        "max ms": Math.round(times.at(-1)!),
        "HTML KB": Math.round(bytes / 1024),
      });
    }
    console.log(
      `\nbench staff-pages: ${Number(size.contacts).toLocaleString("en")} contacts, ` +
        `${Number(size.organisations).toLocaleString("en")} organisations, ` +
        `${Number(size.audit).toLocaleString("en")} audit events, ${size.size}; ${runs} runs per page; ` +
        `PostgreSQL ${args.server}, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    console.table(rows);
    const slow = rows.filter((r) => r["p95 ms"] > 300).length;
    console.log(`${rows.length - slow} of ${rows.length} pages at or under 300 ms p95; ${slow} over.`);
    await db.query(`DELETE FROM "Session" WHERE "sessionToken" = $1`, [sessionToken]);
  } finally {
    if (child?.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    await db.end().catch(() => {});
    if (created && !args.keep) await admin.query(`DROP DATABASE IF EXISTS "${created}" WITH (FORCE)`);
    else if (created) console.log(`kept: ${databaseUrl}`);
    await admin.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
