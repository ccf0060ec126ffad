// npx tsx --import ./lib/node/server-only-hook.mjs bench/api-contacts.ts [--db postgresql://…/tillit_bench]
//   [--pages 20] [--limit 500]
// GET /api/v1/contacts (lib/api/list-contacts-handler.ts) on a large register, through the real handler with a real
// API key: the first --pages pages of 500 from the start (a CRM's first load), the same from the middle of the
// register's updatedAt range (a reconciliation run), and the last page of "changed in the last hour". Prints p50, p95
// and max per case and the query plan of one page. Uses an existing bulk database (see bench/segment-count.ts for how
// to make one); creates an API key named "bench api-contacts" and revokes it at the end.
import { parseArgs } from "node:util";
import { handleListContacts } from "@/lib/api/list-contacts-handler";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { createDb } from "@/lib/db/client";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/tillit_bench" },
    pages: { type: "string", default: "20" },
    limit: { type: "string", default: "500" },
  },
});
const PAGES = Number(values.pages);
const LIMIT = Number(values.limit);

const { db, close } = await createDb({ kind: "postgres", url: values.db! });
const actor = { type: "SYSTEM" as const };
const created = await createApiKey({ db, input: { name: "bench api-contacts", scope: "READ" }, actor });
if (!created.ok) throw new Error("no key");
const [range] = await db.$queryRaw<{ n: bigint; lo: Date; hi: Date }[]>`
  SELECT count(*) AS n, min("updatedAt") AS lo, max("updatedAt") AS hi FROM "Contact"`;
if (!range) throw new Error("no register");
const { n, lo, hi } = range;
console.log(
  `register: ${Number(n).toLocaleString("en")} contacts, updatedAt ${lo.toISOString()} … ${hi.toISOString()}`,
);

async function page(query: string): Promise<{ ms: number; count: number; next: string | null }> {
  const request = new Request(`http://bench.local/api/v1/contacts?${query}`, {
    headers: { authorization: `Bearer ${created.ok ? created.key : ""}` },
  });
  const t0 = performance.now();
  // No rate limit in the way: the bench is one key reading many pages.
  const response = await handleListContacts({ db, request, rateLimit: { points: 1_000_000, durationSeconds: 60 } });
  const body = (await response.json()) as { contacts: unknown[]; next: string | null };
  const ms = performance.now() - t0;
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body)}`);
  return { ms, count: body.contacts.length, next: body.next };
}

async function walk(label: string, start: string): Promise<void> {
  const times: number[] = [];
  let query = start;
  let rows = 0;
  for (let i = 0; i < PAGES; i++) {
    const r = await page(query);
    times.push(r.ms);
    rows += r.count;
    if (!r.next) break;
    query = `limit=${LIMIT}&cursor=${encodeURIComponent(r.next)}`;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(
    `${label}: ${times.length} pages, ${rows} contacts; p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
  );
}

const middle = new Date((lo.getTime() + hi.getTime()) / 2).toISOString();
const lastHour = new Date(hi.getTime() - 3_600_000).toISOString();
await page(`limit=${LIMIT}`); // warm-up, not counted
await walk("from the start", `limit=${LIMIT}`);
await walk("from the middle", `limit=${LIMIT}&updatedSince=${middle}`);
await walk("changed in the last hour", `limit=${LIMIT}&updatedSince=${lastHour}`);
const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
  `EXPLAIN ANALYZE SELECT id FROM "Contact" WHERE "updatedAt" >= $1::timestamp ORDER BY "updatedAt", id LIMIT ${LIMIT + 1}`,
  middle.replace("Z", ""),
);
console.log(plan.map((r) => `  ${r["QUERY PLAN"]}`).join("\n"));
await revokeApiKey({ db, id: created.id, actor });
await close();
