// Why people left through one mailing: the answers to "why are you leaving?" given on a preference page opened from
// this mailing's footer link, counted per reason, and how many of them wrote a comment. Counts only (index
// LeavingAnswer(mailingId, reason)); the comments themselves are the person's and are shown to nobody here.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { noReasons, type ReasonCounts } from "@/lib/dashboard/count-leaving-reasons";

export type MailingLeavingReasons = { reasons: ReasonCounts; answers: number; withComment: number };

export async function countLeavingReasonsForMailing(db: DbOrTx, mailingId: string): Promise<MailingLeavingReasons> {
  const rows = await db.leavingAnswer.groupBy({
    by: ["reason"],
    where: { mailingId },
    _count: { _all: true, text: true },
  });
  const reasons = noReasons();
  let answers = 0;
  let withComment = 0;
  for (const r of rows) {
    reasons[r.reason] += r._count._all;
    answers += r._count._all;
    withComment += r._count.text;
  }
  return { reasons, answers, withComment };
}
