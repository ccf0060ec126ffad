// The person read their full record (GDPR Art. 15): an audit entry and a completed ACCESS request, so staff can show
// that access was given and when. Once per session is enough: reloading the page adds nothing.
import "server-only";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recordPrivacyRequest } from "@/lib/privacy-requests/record-privacy-request";

export async function recordSelfAccess(opts: {
  db: Db;
  contactId: string;
  /** When the current session began: an ACCESS request since then means this session was recorded already. */
  sessionStartedAt: Date;
  now?: Date;
}): Promise<void> {
  const now = opts.now ?? new Date();
  await opts.db.$transaction(async (tx) => {
    const already = await tx.privacyRequest.findFirst({
      where: { contactId: opts.contactId, type: "ACCESS", receivedAt: { gte: opts.sessionStartedAt } },
      select: { id: true },
    });
    if (already) return;
    const actor = { type: "CONTACT" as const, id: opts.contactId };
    await recordAuditEvent(
      tx,
      { actor, action: "contact.viewed_by_self", subject: { type: "Contact", id: opts.contactId } },
      now,
    );
    await recordPrivacyRequest(tx, {
      contactId: opts.contactId,
      type: "ACCESS",
      channel: "SELF_SERVICE",
      status: "COMPLETED",
      actor,
      outcome: "Shown on the recipient's own page",
      now,
    });
  });
}
