// "End the pause now" (preference page): marketing may reach the person again from this moment, on the topics they
// are subscribed to. Ending a pause that has already ended (or was never made) changes and records nothing.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { fail, type Because } from "@/lib/result";
import { isPaused } from "./pause-length";

export type EndMarketingPauseResult = { ok: true; changed: boolean } | Because<"not_found", "unknown_contact">;

export async function endMarketingPause(opts: {
  db: Db;
  contactId: string;
  now?: Date;
}): Promise<EndMarketingPauseResult> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({
      where: { id: opts.contactId },
      select: { id: true, marketingPausedUntil: true },
    });
    if (!contact) return fail("not_found", { reason: "unknown_contact" });
    if (!isPaused(contact.marketingPausedUntil, now)) return { ok: true, changed: false } as const;
    await tx.contact.update({ where: { id: contact.id }, data: { marketingPausedUntil: null } });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: contact.id },
        action: "contact.marketing_pause_ended",
        subject: { type: "Contact", id: contact.id },
        fields: ["marketingPausedUntil"],
        // The end date the pause had, and that it was ended early, on this day.
        personalValues: { until: contact.marketingPausedUntil!.toISOString(), endedAt: now.toISOString() },
      },
      now,
    );
    return { ok: true, changed: true } as const;
  });
}
