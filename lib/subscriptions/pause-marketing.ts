// "Pause marketing mail for 1, 3 or 6 months" (preference page): a rest from marketing, not an objection to it. The
// topic subscriptions stay as they are, no suppression row is written, no privacy request is recorded; service notices
// and required notices still go. Marketing selects nobody whose pause ends after the moment it selects (segment count,
// expansion, send-time check: lib/segments/exclusion-sql.ts), so the pause ends by itself on its date.
// Pausing again replaces the end date with one counted from now.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { fail, type Because } from "@/lib/result";
import { pauseEndsAt, type PauseMonths } from "./pause-length";

export type PauseMarketingResult =
  { ok: true; pausedUntil: Date } | Because<"not_found", "unknown_contact"> | Because<"conflict", "opted_out">;

export async function pauseMarketing(opts: {
  db: Db;
  contactId: string;
  months: PauseMonths;
  now?: Date;
}): Promise<PauseMarketingResult> {
  const now = opts.now ?? new Date();
  const pausedUntil = pauseEndsAt(now, opts.months);
  return opts.db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({
      where: { id: opts.contactId },
      select: { id: true, marketingOptOutAt: true },
    });
    if (!contact) return fail("not_found", { reason: "unknown_contact" });
    // Someone who gets no marketing at all has nothing to pause; the page offers the pause only to the others.
    if (contact.marketingOptOutAt) return fail("conflict", { reason: "opted_out" });
    await tx.contact.update({ where: { id: contact.id }, data: { marketingPausedUntil: pausedUntil } });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: contact.id },
        action: "contact.marketing_paused",
        subject: { type: "Contact", id: contact.id },
        fields: ["marketingPausedUntil"],
        personalValues: { months: opts.months, until: pausedUntil.toISOString() },
      },
      now,
    );
    return { ok: true, pausedUntil } as const;
  });
}
