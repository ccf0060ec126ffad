// "Why are you leaving?": the person's optional answer after unsubscribing on the preference page. Only an unsubscribe
// the person made themselves on that page (source SELF; never the one-click POST of RFC 8058, whose changes are
// ONE_CLICK) within the last day can be answered, once: a second answer to the same unsubscribe is refused rather than
// replacing the first, so a replayed form never rewrites what was said. The answer is personal data (the free text
// especially): one transaction with its audit entry, and the row goes with the contact on erasure (cascade).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { fail, ok, parseInput, type Because, type Invalid, type Ok } from "@/lib/result";
import { leavingSurveyInput } from "./leaving-survey-input";

/** How long after the unsubscribe the survey can be answered: the visit it was shown in, with a generous margin. */
export const LEAVING_SURVEY_WINDOW_MS = 24 * 60 * 60 * 1000;

export type AnswerLeavingSurveyResult =
  Ok<{ answerId: string }> | Invalid | Because<"not_found", "no_unsubscribe"> | Because<"conflict", "already_answered">;

export async function answerLeavingSurvey(opts: {
  db: Db;
  /** From the link the page was opened with (resolveLink), never from the form. */
  contactId: string;
  /** The mailing the link came from (the link's signed claim), if any. */
  mailingId?: string | null;
  input: unknown;
  now?: Date;
}): Promise<AnswerLeavingSurveyResult> {
  const now = opts.now ?? new Date();
  const parsed = parseInput(leavingSurveyInput, opts.input);
  if (!parsed.ok) return parsed;
  const { unsubscribedAt, topicId, reason, text } = parsed.data;
  const age = now.getTime() - unsubscribedAt.getTime();
  if (age < 0 || age > LEAVING_SURVEY_WINDOW_MS) return fail("not_found", { reason: "no_unsubscribe" });

  return opts.db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({
      where: { id: opts.contactId },
      select: { id: true, marketingOptOutAt: true },
    });
    if (!contact) return fail("not_found", { reason: "no_unsubscribe" });
    // Index SubscriptionChange(contactId, at): the person's own unsubscribe at exactly that time.
    const change = await tx.subscriptionChange.findFirst({
      where: {
        contactId: contact.id,
        at: unsubscribedAt,
        state: "UNSUBSCRIBED",
        source: "SELF",
        ...(topicId ? { topicId } : {}),
      },
      select: { topic: { select: { key: true } } },
    });
    // "Unsubscribe from all" with no topic left to stop still sets the opt-out at that time.
    const optedOutThen = !topicId && contact.marketingOptOutAt?.getTime() === unsubscribedAt.getTime();
    if (!change && !optedOutThen) return fail("not_found", { reason: "no_unsubscribe" });

    const existing = await tx.leavingAnswer.findUnique({
      where: { contactId_unsubscribedAt: { contactId: contact.id, unsubscribedAt } },
      select: { id: true },
    });
    if (existing) return fail("conflict", { reason: "already_answered" });
    // A mailing deleted since the mail went out is no longer there to count under.
    const mailing = opts.mailingId
      ? await tx.mailing.findUnique({ where: { id: opts.mailingId }, select: { id: true } })
      : null;

    const answer = await tx.leavingAnswer.create({
      data: {
        contactId: contact.id,
        unsubscribedAt,
        topicId,
        mailingId: mailing?.id ?? null,
        reason,
        text,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: contact.id },
        action: "subscription.leaving_reason_given",
        subject: { type: "Contact", id: contact.id },
        fields: text ? ["leavingReason", "leavingText"] : ["leavingReason"],
        personalValues: { reason, text, topic: change?.topic.key ?? null, mailingId: mailing?.id ?? null },
      },
      now,
    );
    return ok({ answerId: answer.id });
  });
}
