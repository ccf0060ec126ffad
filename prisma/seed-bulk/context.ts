// What every kind of bulk history needs to know: the run's id prefix, the time span the history covers, the topics
// and staff of the register it is added to, and the mailings planned for it (fixed before any contact is written, so
// a contact's plan can say it unsubscribed through one of them).
import type { RawSql } from "@/lib/db/raw";
import { DAY_MS } from "./random";

export type SeedTopic = { id: string; key: string; isMarketing: boolean; categories: string[] };

export type PlannedMailing = {
  k: number;
  id: string;
  name: string;
  topic: number;
  startedAt: number;
  /** Share of the register it goes to; the large one goes to every contact (one delivery row each). */
  share: number;
};

export type SeedContext = {
  run: string;
  total: number;
  /** The history ends just before `now` and begins HISTORY_YEARS before it (milliseconds). */
  now: number;
  from: number;
  topics: SeedTopic[];
  staff: { admin: string; privacy: string; viewers: string[]; marketing: string };
  mailings: PlannedMailing[];
  suppressionKey: string;
};

export const HISTORY_YEARS = 5;
export const CONTACTS_PER_ORG = 20;

export const contactId = (ctx: SeedContext, i: number) => `bulk_${ctx.run}_${i}`;
export const orgId = (ctx: SeedContext, k: number) => `bulk_${ctx.run}_org_${k}`;
export const roleId = (ctx: SeedContext, i: number) => `bulk_${ctx.run}_role_${i}`;

/** The large mailing: the last one, two weeks before now, so its report shows a finished send. */
export const bigMailing = (ctx: SeedContext): PlannedMailing => ctx.mailings[ctx.mailings.length - 1]!;

export async function loadContext(
  raw: RawSql,
  opts: { run: string; total: number; now: Date; suppressionKey: string },
): Promise<SeedContext> {
  const topics = (
    await raw.query<{ id: string; key: string; isMarketing: boolean; categories: string }>(
      `SELECT id, key, "isMarketing", "defaultCategories"::text AS categories FROM "Topic"
       WHERE "archivedAt" IS NULL ORDER BY "sortOrder", key`,
    )
  ).map((t) => ({ ...t, categories: t.categories.replace(/[{}]/g, "").split(",").filter(Boolean) }));
  const staffRows = await raw.query<{ id: string; role: string }>(
    `SELECT id, role::text AS role FROM "StaffUser" WHERE active ORDER BY "createdAt", id`,
  );
  const ofRole = (...roles: string[]) => staffRows.filter((s) => roles.includes(s.role)).map((s) => s.id);
  const any = staffRows[0]?.id;
  if (!any || topics.length === 0)
    throw new Error("The bulk seed adds to the demo register: no staff or topics found.");
  const staff = {
    admin: ofRole("ADMIN")[0] ?? any,
    privacy: ofRole("PRIVACY_OFFICER", "ADMIN")[0] ?? any,
    viewers: ofRole("ACCOUNT_MANAGER", "SUPPORT", "PRIVACY_OFFICER", "ADMIN"),
    marketing: ofRole("MARKETING", "ADMIN")[0] ?? any,
  };
  if (staff.viewers.length === 0) staff.viewers.push(any);
  // Whole seconds: the trail is written at second resolution, so entry times stay on the plans' boundaries.
  const now = Math.floor(+opts.now / 1000) * 1000;
  const byKey = (key: string, fallback: number) => {
    const found = topics.findIndex((t) => t.key === key);
    return found >= 0 ? found : fallback;
  };
  const marketing = topics.map((t, i) => (t.isMarketing ? i : -1)).filter((i) => i >= 0);
  const newsletter = byKey("newsletter", marketing[0] ?? 0);
  // Five smaller mailings over the years on rotating topics, then the large newsletter.
  const small = [1200, 800, 480, 240, 60].map((daysAgo, k) => ({
    k,
    id: `bulk_${opts.run}_mailing_${k}`,
    name: `Utskick ${new Date(now - daysAgo * DAY_MS).toISOString().slice(0, 7)}`,
    topic: pick(topics, k),
    startedAt: now - daysAgo * DAY_MS,
    share: 0.05,
  }));
  const mailings: PlannedMailing[] = [
    ...small,
    {
      k: small.length,
      id: `bulk_${opts.run}_mailing_${small.length}`,
      name: "Nyhetsbrev till hela registret",
      topic: newsletter,
      startedAt: now - 14 * DAY_MS,
      share: 1,
    },
  ];
  return {
    run: opts.run,
    total: opts.total,
    now,
    from: now - HISTORY_YEARS * 365 * DAY_MS,
    topics,
    staff,
    mailings,
    suppressionKey: opts.suppressionKey,
  };
}

const pick = (topics: SeedTopic[], k: number) => k % topics.length;

/** Privacy requests: one of the contact's own, the objection recorded with an opt-out, an erased person's erasure. */
export type RequestVariant = 0 | 1 | 2;
const REQUEST_PREFIX = ["req", "objection", "erasure"] as const;
export const requestId = (ctx: SeedContext, i: number, v: RequestVariant) =>
  `bulk_${ctx.run}_${REQUEST_PREFIX[v]}_${i}`;
/** An erased person's former contact id: the row is gone, the trail keeps the id. */
export const erasedContactId = (ctx: SeedContext, i: number) => `bulk_${ctx.run}_erased_${i}`;
