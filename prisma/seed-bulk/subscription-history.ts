// Subscription history for one batch: the moves each contact's plan made after its import (unsubscribes by the
// person, one-click or staff, some resubscribes, the large mailing's one-click unsubscribes), each a SubscriptionChange
// row like applySubscriptionChange writes, the current Subscription row left at the last move, and opt-outs from all
// marketing with their suppression entry (scope MARKETING), as unsubscribe-from-all.ts records them.
import type { RawSql } from "@/lib/db/raw";
import { hashAddress } from "@/lib/suppression/hash-address";
import { sourceCode } from "./audit-entries";
import { contactId, type SeedContext } from "./context";
import type { ContactPlan } from "./contact-plan";
import { EV, type EventLog } from "./event-log";
import { emailFor } from "./register";
import { pick } from "./random";
import { iso } from "./sql";

export async function writeSubscriptionHistory(
  raw: RawSql,
  ctx: SeedContext,
  plans: ContactPlan[],
  log: EventLog,
): Promise<void> {
  const change = { contact: [] as string[], topic: [] as string[], state: [] as string[], source: [] as string[] };
  const changeStaff: (string | null)[] = [];
  const changeAt: string[] = [];
  const last = new Map<
    string,
    { contact: string; topic: string; state: string; source: string; staff: string | null; at: string }
  >();
  const optOut = { hash: [] as string[], at: [] as string[] };
  for (const p of plans) {
    const id = contactId(ctx, p.i);
    for (const m of p.moves) {
      const topic = ctx.topics[m.topic]!.id;
      const staff = m.source === "STAFF" ? pick(ctx.staff.viewers, p.i) : null;
      const at = iso(m.at)!;
      change.contact.push(id);
      change.topic.push(topic);
      change.state.push(m.state);
      change.source.push(m.source);
      changeStaff.push(staff);
      changeAt.push(at);
      last.set(`${id} ${topic}`, { contact: id, topic, state: m.state, source: m.source, staff, at });
      if (!m.viaOptOut)
        log.push(
          m.at,
          EV.subscriptionChanged,
          p.i,
          m.topic | ((m.state === "SUBSCRIBED" ? 1 : 0) << 8) | (sourceCode(m.source) << 9),
        );
    }
    if (p.optOut) {
      optOut.hash.push(hashAddress(emailFor(ctx, p.i), ctx.suppressionKey));
      optOut.at.push(iso(p.optOut.at)!);
      log.push(p.optOut.at, EV.optedOut, p.i, p.optOut.topicsStopped | (sourceCode(p.optOut.source) << 8));
    }
  }
  if (change.contact.length > 0) {
    await raw.query(
      `INSERT INTO "SubscriptionChange" (id, "contactId", "topicId", state, source, "staffId", at)
       SELECT gen_random_uuid()::text, c, t, s::"SubscriptionState", src::"ChangeSource", staff, at::timestamp
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(c, t, s, src, staff, at)`,
      [change.contact, change.topic, change.state, change.source, changeStaff, changeAt],
    );
    const l = [...last.values()];
    await raw.query(
      `UPDATE "Subscription" s SET state = x.st::"SubscriptionState", source = x.src::"ChangeSource",
         "staffId" = x.staff, "changedAt" = x.at::timestamp
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(c, t, st, src, staff, at)
       WHERE s."contactId" = x.c AND s."topicId" = x.t`,
      [
        l.map((x) => x.contact),
        l.map((x) => x.topic),
        l.map((x) => x.state),
        l.map((x) => x.source),
        l.map((x) => x.staff),
        l.map((x) => x.at),
      ],
    );
  }
  if (optOut.hash.length > 0)
    await raw.query(
      `INSERT INTO "Suppression" (id, "addressHash", reason, scope, "createdAt")
       SELECT gen_random_uuid()::text, h, 'UNSUBSCRIBED_ALL', 'MARKETING', at::timestamp
       FROM unnest($1::text[], $2::text[]) AS x(h, at) ON CONFLICT DO NOTHING`,
      [optOut.hash, optOut.at],
    );
}
