// RFC 8058 one-click unsubscribe: the List-Unsubscribe URL's POST, or the button on its GET page. The link's extra
// claim names the mailing's topic, or "all" for every marketing topic. Repeating it is harmless.
import "server-only";
import type { Db, DbOrTx } from "@/lib/db/client";
import { setSubscription } from "./set-subscription";
import { unsubscribeFromAll } from "./unsubscribe-from-all";
import type { Because } from "@/lib/result";

export type OneClickTarget = { kind: "all" } | { kind: "topic"; topicId: string };

export type OneClickUnsubscribeResult =
  | { ok: true; target: "all"; changed: boolean }
  | { ok: true; target: "topic"; changed: boolean; topic: { nameSv: string; nameEn: string } | null }
  | Because<"not_found", "unknown_contact">;

/** The token's extra claim, as the link builder wrote it (lib/recipients/build-links.ts). */
export function oneClickTarget(extra: string | undefined): OneClickTarget {
  return !extra || extra === "all" ? { kind: "all" } : { kind: "topic", topicId: extra };
}

export async function oneClickUnsubscribe(opts: {
  db: Db;
  contactId: string;
  target: OneClickTarget;
  suppressionKey: string;
  now?: Date;
}): Promise<OneClickUnsubscribeResult> {
  const { db, contactId, suppressionKey, now } = opts;
  if (opts.target.kind === "all") {
    const r = await unsubscribeFromAll({ db, contactId, source: "ONE_CLICK", suppressionKey, now });
    return r.ok ? { ok: true, target: "all", changed: r.changed } : r;
  }
  const r = await setSubscription({
    db,
    contactId,
    topicId: opts.target.topicId,
    state: "UNSUBSCRIBED",
    source: "ONE_CLICK",
    suppressionKey,
    now,
  });
  if (r.ok) {
    await markMailingUnsubscribed({ db, contactId, topicId: opts.target.topicId, now: now ?? new Date() });
    return { ok: true, target: "topic", changed: r.changed, topic: r.topic };
  }
  // A topic deleted since the mail went out sends nothing any more: the request is satisfied, so answer success.
  if (r.reason === "unknown_topic") return { ok: true, target: "topic", changed: false, topic: null };
  return r;
}

// The mailing's progress counts "unsubscribed from this mailing". The link names only the topic, so the mail it came
// from is taken to be the person's latest one on that topic. A separate step after setSubscription's transaction (which
// opens its own): it runs again on a repeated POST whether or not the subscription changed, so a crash between the two
// is repaired by the mail provider's or the person's retry.
async function markMailingUnsubscribed(opts: { db: DbOrTx; contactId: string; topicId: string; now: Date }) {
  const latest = await opts.db.delivery.findFirst({
    where: {
      contactId: opts.contactId,
      status: { in: ["SENT", "DELIVERED", "DELAYED"] },
      mailing: { topicId: opts.topicId },
    },
    orderBy: [{ sentAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    select: { id: true, unsubscribedAt: true },
  });
  if (!latest || latest.unsubscribedAt) return;
  await opts.db.delivery.updateMany({
    where: { id: latest.id, unsubscribedAt: null },
    data: { unsubscribedAt: opts.now },
  });
}
