// An unsubscribe on the preference page opened from a mailing's footer link (the link names the mailing): that
// mailing's delivery to the person is marked unsubscribed, so its tally (MailingTally.unsubscribed, kept by trigger)
// and the report's opt-out rate count it as they count the one-click link's. A separate step after the unsubscribe's
// own transaction, as for one-click: it marks a delivery at most once (unique (mailingId, contactId)), and a crash in
// between only leaves the mailing's figure one short.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

export async function markDeliveryUnsubscribed(opts: {
  db: DbOrTx;
  contactId: string;
  mailingId: string;
  now: Date;
}): Promise<void> {
  await opts.db.delivery.updateMany({
    where: {
      mailingId: opts.mailingId,
      contactId: opts.contactId,
      unsubscribedAt: null,
      status: { in: ["SENT", "DELIVERED", "DELAYED"] },
    },
    data: { unsubscribedAt: opts.now },
  });
}
