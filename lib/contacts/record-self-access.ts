// The person read their full record (GDPR Art. 15): an access event in the audit trail ("contact.viewed_by_self"), so
// staff can show that access was given and when (the contact page's "copies given" list reads it). It is not a
// privacy request: nothing is left for staff to handle. Once per session is enough: reloading the page adds nothing.
import "server-only";
import type { Db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

export async function recordSelfAccess(opts: {
  db: Db;
  contactId: string;
  /** When the current session began: a viewed_by_self entry since then means this session was recorded already. */
  sessionStartedAt: Date;
  now?: Date;
}): Promise<void> {
  const now = opts.now ?? new Date();
  const subject = { type: "Contact", id: opts.contactId };
  await opts.db.$transaction(async (tx) => {
    // By the audit index on (subjectType, subjectId).
    const already = await tx.auditEvent.findFirst({
      where: {
        subjectType: subject.type,
        subjectId: subject.id,
        action: "contact.viewed_by_self",
        at: { gte: opts.sessionStartedAt },
      },
      select: { seq: true },
    });
    if (already) return;
    await recordAuditEvent(
      tx,
      { actor: { type: "CONTACT", id: opts.contactId }, action: "contact.viewed_by_self", subject },
      now,
    );
  });
}
