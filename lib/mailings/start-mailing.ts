// Send now or at a time. Only the database changes here; the workers' dispatcher picks the mailing up (at once, or
// when its time comes), so starting works the same whether the workers run in this process or elsewhere.
import "server-only";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { Db } from "@/lib/db/client";
import { recordPeopleNotificationSent } from "@/lib/incidents/record-people-notification-sent";
import { changeMailingState, type MailingStateResult } from "./change-mailing-state";

export type StartMailingResult =
  | { ok: true; status: "SCHEDULED" | "SENDING" }
  | Exclude<MailingStateResult, { ok: true }>
  | { ok: false; code: "incomplete"; fields?: Record<string, string> };

/** What a mailing needs before it may go out: both languages' subject and body (or a template), a live topic. */
async function missingFields(db: Db, mailingId: string): Promise<Record<string, string> | null> {
  const m = await db.mailing.findUnique({
    where: { id: mailingId },
    include: { topic: { select: { archivedAt: true } }, segment: { select: { archivedAt: true } } },
  });
  if (!m) return null;
  const fields: Record<string, string> = {};
  if (!m.subjectSv.trim()) fields.subjectSv = "required";
  if (!m.subjectEn.trim()) fields.subjectEn = "required";
  if (!m.template && !m.bodySv.trim()) fields.bodySv = "required";
  if (!m.template && !m.bodyEn.trim()) fields.bodyEn = "required";
  if (m.topic.archivedAt) fields.topicId = "archived";
  if (m.segment.archivedAt) fields.segmentId = "archived";
  return fields;
}

export async function startMailing(opts: {
  db: Db;
  staff: CurrentStaff;
  mailingId: string;
  sendAt?: Date | null;
  now?: Date;
}): Promise<StartMailingResult> {
  const now = opts.now ?? new Date();
  const missing = await missingFields(opts.db, opts.mailingId);
  if (missing === null) return { ok: false, code: "not_found" };
  if (Object.keys(missing).length > 0) return { ok: false, code: "incomplete", fields: missing };
  const later = opts.sendAt && opts.sendAt.getTime() > now.getTime() + 60_000 ? opts.sendAt : null;
  const result = await changeMailingState({
    db: opts.db,
    staff: opts.staff,
    mailingId: opts.mailingId,
    from: ["DRAFT", "SCHEDULED"],
    data: later
      ? { status: "SCHEDULED", scheduledAt: later }
      : { status: "SENDING", scheduledAt: null, startedAt: now },
    action: later ? "mailing.scheduled" : "mailing.started",
    now,
    // An incident's notification of its people (Art. 34) is recorded on the incident as it goes out.
    also: later
      ? undefined
      : (tx) => recordPeopleNotificationSent(tx, { mailingId: opts.mailingId, staffId: opts.staff.id, now }),
  });
  return result.ok ? { ok: true, status: later ? "SCHEDULED" : "SENDING" } : result;
}
