// Past mailings and their send logs: five smaller mailings over the years (a twentieth of the register each, those
// subscribed to the topic at the time) and one large newsletter two weeks ago with a delivery row for every contact,
// so its progress and report pages are measured at the register's size. Rows carry what the pipeline and the
// provider's webhooks would have left: delivered, still only sent, delayed, bounced, complained, failed, left out at
// send time with the reason (opted out, unsubscribed from the topic, suppressed after an earlier bounce or complaint),
// and the one-click unsubscribes the contact's plan made through the large mailing. Bounces and complaints add the
// suppression entries apply-resend-event.ts adds.
import type { RawSql } from "@/lib/db/raw";
import { hashAddress } from "@/lib/suppression/hash-address";
import { contactId, type PlannedMailing, type SeedContext } from "./context";
import { defaultTopics, isSubscribed, type ContactPlan } from "./contact-plan";
import { EV, type EventLog } from "./event-log";
import { emailFor } from "./register";
import { DAY_MS, rand, weighted } from "./random";
import { iso } from "./sql";

const BATCH_SIZE = 100; // lib/mailings/pipeline/expand-mailing.ts
/** The pace of the send: about 500 mails a second (5 provider calls of 100). */
const MS_PER_MAIL = 2;
const OUTCOMES = [
  ["DELIVERED", 940],
  ["SENT", 20],
  ["DELAYED", 5],
  ["BOUNCED", 15],
  ["COMPLAINED", 1],
  ["FAILED", 4],
] as const;

export const segmentId = (ctx: SeedContext) => `bulk_${ctx.run}_segment_all`;

export async function writeMailings(raw: RawSql, ctx: SeedContext): Promise<void> {
  const at = (ms: number) => new Date(ms).toISOString();
  await raw.query(
    `INSERT INTO "Segment" (id, name, filter, "createdById", "createdAt", "updatedAt")
     VALUES ($1, 'Hela registret', '{}'::jsonb, $2, $3::timestamp, $3::timestamp)`,
    [segmentId(ctx), ctx.staff.marketing, at(ctx.from)],
  );
  const m = ctx.mailings;
  await raw.query(
    `INSERT INTO "Mailing" (id, name, "topicId", "segmentId", "subjectSv", "subjectEn", "bodySv", "bodyEn", status,
       "scheduledAt", "startedAt", "expandedAt", "createdById", "createdAt", "updatedAt")
     SELECT id, name, topic, $4, 'Nyheter: ' || name, 'News: ' || name,
       '## Hej {{name}}!' || E'\\n\\n' || name, '## Hello {{name}}!' || E'\\n\\n' || name, 'SENT',
       s::timestamp, s::timestamp, s::timestamp + interval '5 minutes', $5, s::timestamp - interval '7 days',
       s::timestamp
     FROM unnest($1::text[], $2::text[], $3::text[], $6::text[]) AS t(id, name, topic, s)`,
    [
      m.map((x) => x.id),
      m.map((x) => x.name),
      m.map((x) => ctx.topics[x.topic]!.id),
      segmentId(ctx),
      ctx.staff.marketing,
      m.map((x) => at(x.startedAt)),
    ],
  );
}

/** Recipients counted so far per mailing (their rank numbers the batches of 100, as the expansion does). */
export type DeliveryTally = number[];

export async function writeDeliveries(
  raw: RawSql,
  ctx: SeedContext,
  plans: ContactPlan[],
  tally: DeliveryTally,
): Promise<void> {
  const d = {
    mailing: [] as string[],
    contact: [] as string[],
    batch: [] as number[],
    status: [] as string[],
    skip: [] as (string | null)[],
    attempts: [] as number[],
    pid: [] as (string | null)[],
    error: [] as (string | null)[],
    sent: [] as (string | null)[],
    unsub: [] as (string | null)[],
    updated: [] as string[],
  };
  const sup = { hash: [] as string[], reason: [] as string[], scope: [] as string[], at: [] as string[] };
  for (const p of plans) {
    const defaults = defaultTopics(ctx, p.category);
    let bounced = false,
      complained = false;
    for (const m of ctx.mailings) {
      const r = recipient(ctx, p, m, defaults, { bounced, complained });
      if (!r) continue;
      const rank = tally[m.k] ?? 0;
      tally[m.k] = rank + 1;
      const sendAt = m.startedAt + 60_000 + rank * MS_PER_MAIL;
      const unsubAt =
        p.moves.find(
          (x) =>
            x.topic === m.topic &&
            x.source === "ONE_CLICK" &&
            !x.viaOptOut &&
            x.at > sendAt &&
            x.at < m.startedAt + 3 * DAY_MS,
        )?.at ?? null;
      const status = r.skip ? "SUPPRESSED" : unsubAt ? "DELIVERED" : weighted(OUTCOMES, rand(p.i, 400 + m.k));
      const handed = status !== "SUPPRESSED" && status !== "FAILED";
      const after = {
        DELIVERED: 20_000,
        DELAYED: 600_000,
        BOUNCED: 90_000,
        COMPLAINED: (1 + rand(p.i, 500) * 40) * 3600_000,
      }[status as string];
      const updated = Math.floor(sendAt + (after ?? 0));
      d.mailing.push(m.id);
      d.contact.push(contactId(ctx, p.i));
      d.batch.push(Math.floor(rank / BATCH_SIZE));
      d.status.push(status);
      d.skip.push(r.skip);
      d.attempts.push(status === "SUPPRESSED" ? 0 : 1);
      d.pid.push(handed ? `${ctx.run}-${m.k}-${p.i}` : null);
      d.error.push(status === "FAILED" ? "validation_error" : null);
      d.sent.push(handed ? iso(sendAt) : null);
      d.unsub.push(iso(unsubAt));
      d.updated.push(iso(updated)!);
      if (status === "BOUNCED" || status === "COMPLAINED") {
        sup.hash.push(hashAddress(emailFor(ctx, p.i), ctx.suppressionKey));
        sup.reason.push(status === "BOUNCED" ? "HARD_BOUNCE" : "COMPLAINT");
        sup.scope.push(status === "BOUNCED" ? "ALL" : "MARKETING");
        sup.at.push(iso(updated)!);
        if (status === "BOUNCED") bounced = true;
        else complained = true;
      }
    }
  }
  if (d.mailing.length > 0)
    await raw.query(
      `INSERT INTO "Delivery" ("mailingId", "contactId", batch, status, "skipReason", attempts, "providerMessageId",
         error, "sentAt", "unsubscribedAt", "updatedAt")
       SELECT m, c, b, st::"DeliveryStatus", sk, a, pid, err, s::timestamp, u::timestamp, up::timestamp
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[]) AS t(m, c, b, st, sk, a, pid, err, s, u, up)`,
      [d.mailing, d.contact, d.batch, d.status, d.skip, d.attempts, d.pid, d.error, d.sent, d.unsub, d.updated],
    );
  if (sup.hash.length > 0)
    await raw.query(
      `INSERT INTO "Suppression" (id, "addressHash", reason, scope, "createdAt")
       SELECT gen_random_uuid()::text, h, r::"SuppressionReason", s::"SuppressionScope", at::timestamp
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(h, r, s, at) ON CONFLICT DO NOTHING`,
      [sup.hash, sup.reason, sup.scope, sup.at],
    );
}

/**
 * Whether the contact is in a mailing, and if so whether the send-time check left it out. The smaller mailings hold
 * only those the expansion would pick (subscribed to the topic then); the large one holds every contact.
 */
function recipient(
  ctx: SeedContext,
  p: ContactPlan,
  m: PlannedMailing,
  defaults: number[],
  before: { bounced: boolean; complained: boolean },
): { skip: string | null } | null {
  if (p.createdAt >= m.startedAt) return null;
  const all = m.share >= 1;
  if (!all && rand(p.i, 300 + m.k) >= m.share) return null;
  const subscribed = isSubscribed(p, m.topic, m.startedAt, defaults);
  if (!all && !subscribed) return null;
  const marketing = ctx.topics[m.topic]!.isMarketing;
  if (before.bounced) return { skip: "SUPPRESSED_HARD_BOUNCE" };
  if (before.complained && marketing) return { skip: "SUPPRESSED_COMPLAINT" };
  if (p.optOut && p.optOut.at <= m.startedAt && marketing) return { skip: "OPTED_OUT" };
  if (!subscribed) return { skip: "UNSUBSCRIBED_TOPIC" };
  return { skip: null };
}

/** Once every delivery is written: each mailing's batch count and end, and its entries in the trail. */
export async function finishMailings(
  raw: RawSql,
  ctx: SeedContext,
  tally: DeliveryTally,
  log: EventLog,
): Promise<void> {
  for (const m of ctx.mailings) {
    const n = tally[m.k] ?? 0;
    const finished = m.startedAt + 120_000 + n * MS_PER_MAIL;
    await raw.query(
      `UPDATE "Mailing" SET "batchCount" = $2, "finishedAt" = $3::timestamp, "updatedAt" = $3::timestamp WHERE id = $1`,
      [m.id, Math.ceil(n / BATCH_SIZE), iso(finished)],
    );
    log.push(m.startedAt - 7 * DAY_MS, EV.mailingCreated, m.k);
    log.push(m.startedAt - 2 * DAY_MS, EV.mailingScheduled, m.k);
    log.push(m.startedAt, EV.mailingStarted, m.k);
    log.push(finished, EV.mailingFinished, m.k);
  }
}
