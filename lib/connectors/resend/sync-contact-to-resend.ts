// Makes Resend's copy of one person match Tillit: the opt-out from all marketing as Resend's `unsubscribed`, each
// mapped topic's subscription as opt_in/opt_out, and an erased person removed. Called by the connector's delivery for
// every change that concerns the person; it reads the contact's state now rather than replaying the change, so a
// retried or reordered call can only ever write the newest state.
//
// Data minimisation: Resend gets the address, `unsubscribed` and the mapped topics, never the name or anything else.
// A person is created at Resend only when they are subscribed to a mapped topic (Resend's Broadcasts are for them);
// an opt-out of someone Resend does not hold is nothing to do. A contact that exists at Resend under the address
// (imported there by hand, say) is found by address and adopted, so its opt-out reaches it too.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { hashAddress } from "@/lib/suppression/hash-address";
import type { ConnectorResult, ResendContactsClient, TopicSubscription } from "./resend-contacts-client";

export type ResendSyncOutcome = "synced" | "created" | "removed" | "not_at_resend";

export async function syncContactToResend(opts: {
  db: DbOrTx;
  client: ResendContactsClient;
  /** Tillit topic key → Resend topic id (`config.resendConnector.topics`). */
  topics: Record<string, string>;
  contactId: string;
  suppressionKey: string;
  now?: Date;
}): Promise<ConnectorResult<ResendSyncOutcome>> {
  const { db, client } = opts;
  const now = opts.now ?? new Date();
  const link = await db.resendContactLink.findUnique({ where: { contactId: opts.contactId } });
  const contact = await db.contact.findUnique({
    where: { id: opts.contactId },
    select: {
      email: true,
      marketingOptOutAt: true,
      subscriptions: {
        where: { topic: { key: { in: Object.keys(opts.topics) } } },
        select: { state: true, topic: { select: { key: true } } },
      },
    },
  });

  if (!contact) {
    // Erased: the link is the only way left to the Resend contact; it goes once Resend has removed the contact.
    if (!link) return { ok: true, data: "not_at_resend" };
    const removed = await client.removeContact(link.resendId);
    if (!removed.ok) return removed;
    await db.resendContactLink.deleteMany({ where: { contactId: opts.contactId } });
    return { ok: true, data: removed.data === "done" ? "removed" : "not_at_resend" };
  }

  const unsubscribed = contact.marketingOptOutAt !== null;
  const subscribed = new Set(contact.subscriptions.filter((s) => s.state === "SUBSCRIBED").map((s) => s.topic.key));
  // Every mapped topic is set explicitly: a Resend topic whose default is opt_in must not count a person in who never
  // subscribed in Tillit.
  const topics: TopicSubscription[] = Object.entries(opts.topics).map(([key, id]) => ({
    id,
    subscription: !unsubscribed && subscribed.has(key) ? "opt_in" : "opt_out",
  }));
  const addressHash = hashAddress(contact.email, opts.suppressionKey);

  let resendId = link?.resendId ?? null;
  if (resendId && link?.addressHash !== addressHash) {
    // The address changed: the Resend contact holds the old one, which is no longer the person's to be mailed at.
    const removed = await client.removeContact(resendId);
    if (!removed.ok) return removed;
    await db.resendContactLink.deleteMany({ where: { contactId: opts.contactId } });
    resendId = null;
  }

  for (let attempt = 0; attempt < 2; attempt++) {
    if (!resendId) {
      const found = await client.findContact({ email: contact.email });
      if (!found.ok) return found;
      resendId = found.data?.id ?? null;
    }
    if (!resendId) {
      if (unsubscribed || !topics.some((t) => t.subscription === "opt_in")) return { ok: true, data: "not_at_resend" };
      const created = await client.createContact({ email: contact.email, unsubscribed, topics });
      if (!created.ok) return created;
      await saveLink(db, opts.contactId, created.data.id, addressHash, now);
      return { ok: true, data: "created" };
    }
    const flag = await client.setUnsubscribed(resendId, unsubscribed);
    if (!flag.ok) return flag;
    const set = flag.data === "done" ? await client.setTopics(resendId, topics) : flag;
    if (!set.ok) return set;
    if (set.data === "done") {
      await saveLink(db, opts.contactId, resendId, addressHash, now);
      return { ok: true, data: "synced" };
    }
    // Removed at Resend meanwhile (by hand in its dashboard): forget the id and decide again by address.
    await db.resendContactLink.deleteMany({ where: { contactId: opts.contactId } });
    resendId = null;
  }
  return { ok: false, code: "not_found", retry: true, status: 404 };
}

async function saveLink(db: DbOrTx, contactId: string, resendId: string, addressHash: string, now: Date) {
  // Kept even if the contact was erased while Resend answered: the erasure's own sync comes after this one (deliveries
  // of one contact run in order) and removes the Resend contact through this row.
  await db.$executeRaw`
    INSERT INTO "ResendContactLink" ("contactId", "resendId", "addressHash", "syncedAt")
    VALUES (${contactId}, ${resendId}, ${addressHash}, ${now})
    ON CONFLICT ("contactId") DO UPDATE SET "resendId" = EXCLUDED."resendId", "addressHash" = EXCLUDED."addressHash",
      "syncedAt" = EXCLUDED."syncedAt"`;
}
