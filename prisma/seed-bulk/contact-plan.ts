// The history of one synthetic contact and its organisation, as a pure function of its index: when it was imported,
// when its role ended, who looked at it, what changed, how its subscriptions moved and whether it opted out. Each
// module writes its part of the plan (rows and audit entries), and any module can recompute another's decisions.
import type { ContactCategory, RoleType } from "@/lib/generated/prisma/enums";
import { bigMailing, CONTACTS_PER_ORG, type SeedContext } from "./context";
import { DAY_MS, pick, rand, weighted } from "./random";

const CATEGORIES: ContactCategory[] = [
  "CUSTOMER_CONTACT",
  "CUSTOMER_CONTACT",
  "CUSTOMER_CONTACT",
  "PROSPECT",
  "PROSPECT",
  "PARTNER_CONTACT",
  "SUPPLIER_CONTACT",
];
export const ROLE_TYPES: RoleType[] = [
  "COMMERCIAL_CONTACT",
  "SYSTEM_ADMINISTRATOR",
  "SYSTEM_OWNER",
  "TECHNICAL_CONTACT",
  "BILLING_CONTACT",
  "OTHER",
];
const RELATIONSHIP_FOR: Record<ContactCategory, string> = {
  CUSTOMER_CONTACT: "CUSTOMER",
  PROSPECT: "PROSPECT",
  PARTNER_CONTACT: "PARTNER",
  SUPPLIER_CONTACT: "SUPPLIER",
};

// Salts: one per decision, so decisions are independent of each other.
const S = {
  orgStart: 1,
  orgFormer: 2,
  orgEnd: 3,
  created: 4,
  roleEnd: 5,
  views: 6,
  updates: 7,
  self: 8,
  unsub: 9,
  resub: 10,
  optOut: 11,
  bigUnsub: 12,
  time: 13,
} as const;

export const categoryOf = (i: number): ContactCategory => pick(CATEGORIES, i);

export type OrgPlan = {
  k: number;
  relationship: string;
  start: number;
  /** Former customers: the day the relationship ended (their contacts' roles end with it). */
  end: number | null;
};

export function planOrg(ctx: SeedContext, k: number): OrgPlan {
  const span = ctx.now - ctx.from;
  const start = dayStart(ctx.from + rand(k, S.orgStart) * 0.5 * span);
  const relationship = RELATIONSHIP_FOR[categoryOf(k * CONTACTS_PER_ORG)];
  // One customer in eight has left, within the last three years (the retention clock of its contacts runs).
  if (relationship === "CUSTOMER" && rand(k, S.orgFormer) < 0.125) {
    const end = dayStart(Math.max(start + 180 * DAY_MS, ctx.now - (30 + rand(k, S.orgEnd) * 1000) * DAY_MS));
    return { k, relationship: "FORMER_CUSTOMER", start, end };
  }
  return { k, relationship, start, end: null };
}

export type SubscriptionMove = {
  at: number;
  topic: number;
  state: "SUBSCRIBED" | "UNSUBSCRIBED";
  source: "SELF" | "ONE_CLICK" | "STAFF";
  /** Part of an opt-out from all marketing: audited by the opt-out's one entry, not one entry per topic. */
  viaOptOut: boolean;
};

export type ContactPlan = {
  i: number;
  org: OrgPlan;
  category: ContactCategory;
  createdAt: number;
  roleEndsOn: number | null;
  views: number[];
  updates: number[];
  selfVisits: number[];
  moves: SubscriptionMove[];
  optOut: { at: number; source: "SELF" | "ONE_CLICK"; topicsStopped: number } | null;
  /** A few contacts have hundreds of entries, so "a contact with a long history" is a real page. */
  long: boolean;
};

export const isLongHistory = (i: number) => i % 250_000 === 7;

export function planContact(ctx: SeedContext, i: number): ContactPlan {
  const org = planOrg(ctx, Math.floor(i / CONTACTS_PER_ORG));
  const category = categoryOf(i);
  // Everyone is in the register a month and a half before now, before the large mailing; a former customer's
  // contacts arrived before it left.
  const latest = org.end !== null ? org.end - 30 * DAY_MS : ctx.now - 45 * DAY_MS;
  const createdAt = secondOf(org.start + rand(i, S.created) * Math.max(DAY_MS, latest - org.start));
  const after = (salt: number, from = createdAt, until = ctx.now - 60_000) =>
    secondOf(from + rand(i, salt) * Math.max(0, until - from));

  let roleEndsOn: number | null = null;
  if (org.end !== null) roleEndsOn = org.end;
  else if (i % 10 === 0) roleEndsOn = dayStart(after(S.roleEnd, createdAt + DAY_MS));

  const long = isLongHistory(i);
  const nViews = long ? 250 : Math.floor(rand(i, S.views) * 5);
  const rU = rand(i, S.updates);
  const nUpdates = long ? 60 : rU < 0.45 ? 1 : rU < 0.6 ? 2 : 0;
  const nSelf = long ? 40 : rand(i, S.self) < 0.35 ? 1 : 0;
  const times = (n: number, salt: number) =>
    Array.from({ length: n }, (_, j) => after(salt * 1000 + j)).sort((a, b) => a - b);

  const mine = ctx.topics.flatMap((t, ti) => (t.categories.includes(category) ? [ti] : []));
  const marketing = mine.filter((ti) => ctx.topics[ti]!.isMarketing);
  const wanted: Omit<SubscriptionMove, "viaOptOut">[] = [];
  if (marketing.length > 0 && (long || rand(i, S.unsub) < 0.2)) {
    const topic = pick(marketing, Math.floor(rand(i, S.unsub + 100) * 1000));
    const flips = long ? times(12, S.unsub) : [after(S.unsub)];
    if (!long && rand(i, S.resub) < 0.35) flips.push(after(S.resub, flips[0]!));
    const source = weighted<SubscriptionMove["source"]>(
      [
        ["SELF", 6],
        ["ONE_CLICK", 3],
        ["STAFF", 1],
      ],
      rand(i, S.unsub + 200),
    );
    flips.forEach((at, j) =>
      wanted.push({ at, topic, state: j % 2 === 0 ? "UNSUBSCRIBED" : "SUBSCRIBED", source: j % 2 ? "SELF" : source }),
    );
  }
  let optOut: ContactPlan["optOut"] = null;
  // (i % 1000 === 11: a small load has one too.)
  if (marketing.length > 0 && (rand(i, S.optOut) < 0.005 || i % 1000 === 11))
    optOut = { at: after(S.optOut), source: rand(i, S.optOut + 100) < 0.7 ? "SELF" : "ONE_CLICK", topicsStopped: 0 };

  // Unsubscribed through the large mailing's one-click link, within two days of its start.
  const big = bigMailing(ctx);
  const subscribed = stateMachine(mine, wanted, optOut);
  if (subscribed(big.topic, big.startedAt) && rand(i, S.bigUnsub) < 0.004)
    wanted.push({
      // After the send reached them (the send takes about half an hour at a million recipients).
      at: secondOf(big.startedAt + 3600_000 + rand(i, S.bigUnsub + 1) * 47 * 3600_000),
      topic: big.topic,
      state: "UNSUBSCRIBED",
      source: "ONE_CLICK",
    });

  const moves = settle(ctx, mine, wanted, optOut);
  return {
    i,
    org,
    category,
    createdAt,
    roleEndsOn,
    views: times(nViews, S.views),
    updates: times(nUpdates, S.updates),
    selfVisits: times(nSelf, S.self),
    moves,
    optOut,
    long,
  };
}

/** Whether the contact is subscribed to a topic at a moment, from its default topics and its moves. */
export function isSubscribed(plan: ContactPlan, topic: number, at: number, defaults: number[]): boolean {
  if (at < plan.createdAt) return false;
  let on = defaults.includes(topic);
  for (const m of plan.moves) if (m.topic === topic && m.at <= at) on = m.state === "SUBSCRIBED";
  return on;
}

function stateMachine(mine: number[], wanted: Omit<SubscriptionMove, "viaOptOut">[], optOut: ContactPlan["optOut"]) {
  return (topic: number, at: number) => {
    if (optOut && optOut.at <= at) return false;
    let on = mine.includes(topic);
    for (const m of wanted) if (m.topic === topic && m.at <= at) on = m.state === "SUBSCRIBED";
    return on;
  };
}

/**
 * Orders the wanted moves, drops those that would not change anything (a second unsubscribe) and those after an
 * opt-out (which only the person's own resubscription lifts), and adds the opt-out's own moves: every marketing topic
 * still subscribed is stopped at that moment.
 */
function settle(
  ctx: SeedContext,
  mine: number[],
  wanted: Omit<SubscriptionMove, "viaOptOut">[],
  optOut: ContactPlan["optOut"],
): SubscriptionMove[] {
  const on = new Map(mine.map((t) => [t, true]));
  const out: SubscriptionMove[] = [];
  for (const m of [...wanted].sort((a, b) => a.at - b.at)) {
    if (optOut && m.at >= optOut.at) continue;
    if ((on.get(m.topic) ?? false) === (m.state === "SUBSCRIBED")) continue;
    on.set(m.topic, m.state === "SUBSCRIBED");
    out.push({ ...m, viaOptOut: false });
  }
  if (optOut) {
    for (const [topic, subscribed] of on)
      if (subscribed && ctx.topics[topic]!.isMarketing) {
        out.push({ at: optOut.at, topic, state: "UNSUBSCRIBED", source: optOut.source, viaOptOut: true });
        optOut.topicsStopped++;
      }
  }
  return out;
}

/** Default topics of a category (indexes into ctx.topics). */
export const defaultTopics = (ctx: SeedContext, category: ContactCategory) =>
  ctx.topics.flatMap((t, ti) => (t.categories.includes(category) ? [ti] : []));

const secondOf = (ms: number) => Math.floor(ms / 1000) * 1000;
const dayStart = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
