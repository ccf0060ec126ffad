// The yearly registration notice (the policy: "you notice you are stored because you regularly receive mail from
// us"; for the people we have not mailed, this mail is that notice). Run monthly by the worker (lib/jobs/schedules.ts):
// when the setting is on, creates and starts one system mailing for the month on the required notice topic, to a
// segment of the contacts registered at least 12 months ago who had no mail (and no notice) in the last 12 months.
// The mailing pipeline does the rest (expansion, the send-time suppression check, pacing, Resend); the template
// (emails/registration-notice.tsx) gets each person's category, purposes and deletion date at send time.
// Idempotent per Stockholm month: a second run in the month finds the month's mailing and creates nothing.
import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { translatorFor } from "@/lib/i18n/translator";
import type { Language } from "@/lib/i18n/languages";
import type { SegmentFilterInput } from "@/lib/segments/segment-filter";
import { STOCKHOLM, stockholmDayStart } from "@/lib/time/stockholm-day";
import { ensureNoticeTopic } from "./ensure-notice-topic";
import { isRegistrationNoticeOn } from "./registration-notice-setting";
import { REGISTRATION_NOTICE_TEMPLATE } from "./registration-notice-template";

/** Serialises runs (the schedule's queue already runs one at a time; this also covers a manual run beside it). */
const NOTICE_LOCK_KEY = 7_240_611_131;

export type SendRegistrationNoticesResult =
  { status: "off" } | { status: "exists"; mailingId: string } | { status: "started"; mailingId: string; month: string };

const stockholmDay = new Intl.DateTimeFormat("en-CA", { timeZone: STOCKHOLM, dateStyle: "short" });

/** The same calendar day a year earlier (29 February → 28 February). */
function yearBefore(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export async function sendRegistrationNotices(opts: {
  db: Db;
  now?: Date;
  /** The language of the mailing's name in the staff lists (the policy's first language). */
  nameLanguage?: Language;
}): Promise<SendRegistrationNoticesResult> {
  const now = opts.now ?? new Date();
  const today = stockholmDay.format(now); // YYYY-MM-DD
  const month = today.slice(0, 7);
  const since = yearBefore(today);
  return opts.db.$transaction(async (tx): Promise<SendRegistrationNoticesResult> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NOTICE_LOCK_KEY}::bigint)`;
    if (!(await isRegistrationNoticeOn(tx))) return { status: "off" };
    const existing = await tx.mailing.findFirst({
      where: { template: REGISTRATION_NOTICE_TEMPLATE, createdAt: { gte: stockholmDayStart(`${month}-01`) } },
      select: { id: true },
    });
    if (existing) return { status: "exists", mailingId: existing.id };

    const topic = await ensureNoticeTopic(tx, now);
    const t = translatorFor(opts.nameLanguage ?? "sv");
    const sv = translatorFor("sv");
    const en = translatorFor("en");
    const name = t("mailings.registrationNotice.name", { month });
    const filter: SegmentFilterInput = { createdTo: since, notMailedSince: since };
    const segment = await tx.segment.create({
      data: { name, filter: filter as Prisma.InputJsonValue, createdAt: now },
      select: { id: true },
    });
    const mailing = await tx.mailing.create({
      data: {
        name,
        topicId: topic.id,
        segmentId: segment.id,
        subjectSv: sv("mailings.registrationNotice.subject"),
        subjectEn: en("mailings.registrationNotice.subject"),
        preheaderSv: sv("mailings.registrationNotice.preheader"),
        preheaderEn: en("mailings.registrationNotice.preheader"),
        template: REGISTRATION_NOTICE_TEMPLATE,
        status: "SENDING",
        startedAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    const actor = { type: "SYSTEM" as const };
    await recordAuditEvents(
      tx,
      [
        { actor, action: "segment.created", subject: { type: "Segment", id: segment.id } },
        { actor, action: "mailing.created", subject: { type: "Mailing", id: mailing.id } },
        { actor, action: "mailing.started", subject: { type: "Mailing", id: mailing.id } },
      ],
      now,
    );
    return { status: "started", mailingId: mailing.id, month };
  });
}
