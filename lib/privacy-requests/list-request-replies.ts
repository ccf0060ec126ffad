// The replies sent to the person about one request, from the audit trail (the reply's log): when, which template,
// and by whom. By the audit index on (subjectType, subjectId); a request gets a handful.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { REPLY_TEMPLATES, type ReplyTemplate } from "./reply-to-privacy-request";

export type RequestReply = { at: Date; template: ReplyTemplate | null; by: string | null };

export async function listRequestReplies(opts: { db: DbOrTx; requestId: string }): Promise<RequestReply[]> {
  const events = await opts.db.auditEvent.findMany({
    where: { subjectType: "PrivacyRequest", subjectId: opts.requestId, action: "privacy_request.replied" },
    orderBy: { seq: "desc" },
    take: 50,
    select: { at: true, actorId: true, personalValues: true },
  });
  const staffIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const staff = staffIds.length
    ? await opts.db.staffUser.findMany({
        where: { id: { in: staffIds } },
        select: { id: true, name: true, email: true },
      })
    : [];
  return events.map((e) => {
    const template = (e.personalValues as { template?: unknown } | null)?.template;
    const who = staff.find((s) => s.id === e.actorId);
    return {
      at: e.at,
      template: (REPLY_TEMPLATES as readonly unknown[]).includes(template) ? (template as ReplyTemplate) : null,
      by: who ? (who.name ?? who.email) : null,
    };
  });
}
