// RFC 8058 one-click unsubscribe: the List-Unsubscribe URL's POST, or the button on its GET page. The link's extra
// claim names the mailing's topic, or "all" for every marketing topic. Repeating it is harmless.
import "server-only";
import type { Db } from "@/lib/db/client";
import { setSubscription } from "./set-subscription";
import { unsubscribeFromAll } from "./unsubscribe-from-all";

export type OneClickTarget = { kind: "all" } | { kind: "topic"; topicId: string };

export type OneClickUnsubscribeResult =
  | { ok: true; target: "all"; changed: boolean }
  | { ok: true; target: "topic"; changed: boolean; topic: { nameSv: string; nameEn: string } | null }
  | { ok: false; code: "unknown_contact" };

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
  if (r.ok) return { ok: true, target: "topic", changed: r.changed, topic: r.topic };
  // A topic deleted since the mail went out sends nothing any more: the request is satisfied, so answer success.
  if (r.code === "unknown_topic") return { ok: true, target: "topic", changed: false, topic: null };
  return { ok: false, code: r.code };
}
