// What Tillit passed on about one person, and to which systems (GDPR Art. 19, second sentence: the person is told who
// the recipients are): the endpoints' names as admins gave them, and per event its type, when it happened, and whether
// it was delivered, is waiting, or was given up on. Types and dates only, never the payload.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";

export type SentToContact = {
  /** The systems changes are passed on to now. */
  systems: string[];
  /** The latest 200, newest first. */
  sent: { system: string; event: string; at: Date; status: WebhookDeliveryStatus; deliveredAt: Date | null }[];
};

export async function listSentToContact(opts: { db: DbOrTx; contactId: string }): Promise<SentToContact> {
  const [endpoints, deliveries] = await Promise.all([
    opts.db.webhookEndpoint.findMany({ where: { enabled: true }, orderBy: { name: "asc" }, select: { name: true } }),
    opts.db.webhookDelivery.findMany({
      where: { event: { contactId: opts.contactId } },
      orderBy: { seq: "desc" },
      take: 200,
      select: {
        status: true,
        deliveredAt: true,
        endpoint: { select: { name: true } },
        event: { select: { type: true, occurredAt: true } },
      },
    }),
  ]);
  return {
    systems: [...new Set(endpoints.map((e) => e.name))],
    sent: deliveries.map((d) => ({
      system: d.endpoint.name,
      event: d.event.type,
      at: d.event.occurredAt,
      status: d.status,
      deliveredAt: d.deliveredAt,
    })),
  };
}
