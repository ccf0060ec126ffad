// Art. 34: where an incident's risk is high, the people it concerns are told. This drafts that mailing from the
// incident page: a segment of exactly the incident's contacts (the segment filter's incidentId), a mailing on the
// required notice topic (lib/notices/ensure-notice-topic.ts: no subscription needed, an unsubscribe from marketing or
// from any topic does not stop it; erased people are no longer linked and hard-bounced addresses are left out by the
// pipeline's suppression check), with a Markdown text in both languages prefilled from the incident (what happened,
// the likely consequences, the measures taken) and the policy's data-protection lead and privacy address. The
// privacy officer reviews, edits and sends it on the mailing's own page; sending is logged on the incident by
// record-people-notification-sent.ts. All in one transaction with the incident's log row and the audit entries.
import "server-only";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/translator";
import { ensureNoticeTopic } from "@/lib/notices/ensure-notice-topic";
import type { Policy } from "@/lib/policy/file/load-policy-file";
import { inPolicyLanguage } from "@/lib/policy/policy-labels";
import { fail, type Because, type NotFound } from "@/lib/result";
import type { SegmentFilterInput } from "@/lib/segments/segment-filter";
import { logIncidentChange } from "./log-incident-change";

export type DraftPeopleNotificationResult =
  { ok: true; mailingId: string } | NotFound | Because<"conflict", "not_high_risk" | "already_drafted" | "no_affected">;

export async function draftPeopleNotification(opts: {
  db: Db;
  /** The incident, as loadIncidentForStaff found it for this caller. */
  id: string;
  staffId: string;
  policy: Pick<Policy, "controller" | "supervisoryAuthority" | "languages">;
  /** The staff member's language, for the mailing's name in the lists. */
  lang: Language;
  now?: Date;
}): Promise<DraftPeopleNotificationResult> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx): Promise<DraftPeopleNotificationResult> => {
    // Locks the row: two presses of the button draft one mailing.
    const [incident] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Incident" WHERE "id" = ${opts.id} FOR UPDATE`;
    if (!incident) return fail("not_found");
    const i = await tx.incident.findUniqueOrThrow({ where: { id: opts.id } });
    if (i.risk !== "HIGH_RISK") return fail("conflict", { reason: "not_high_risk" });
    if (i.notificationMailingId) return fail("conflict", { reason: "already_drafted" });
    if ((await tx.incidentContact.count({ where: { incidentId: i.id } })) === 0)
      return fail("conflict", { reason: "no_affected" });

    const topic = await ensureNoticeTopic(tx, now);
    const text = (lang: Language) => {
      const t = translatorFor(lang);
      const c = opts.policy.controller;
      return {
        subject: t("mailings.incidentNotice.subject"),
        body: t("mailings.incidentNotice.body", {
          reference: i.reference,
          description: i.description,
          consequences: i.consequences,
          measures: i.measures,
          lead: inPolicyLanguage(opts.policy, c.dataProtectionLead, lang),
          email: c.privacyContact,
          authority: inPolicyLanguage(opts.policy, opts.policy.supervisoryAuthority.name, lang),
        }),
      };
    };
    const sv = text("sv");
    const en = text("en");
    const name = translatorFor(opts.lang)("mailings.incidentNotice.name", { reference: i.reference });
    const filter: SegmentFilterInput = { incidentId: i.id };
    const segment = await tx.segment.create({
      data: { name, filter: filter as Prisma.InputJsonValue, createdById: opts.staffId, createdAt: now },
      select: { id: true },
    });
    const mailing = await tx.mailing.create({
      data: {
        name,
        topicId: topic.id,
        segmentId: segment.id,
        subjectSv: sv.subject,
        subjectEn: en.subject,
        bodySv: sv.body,
        bodyEn: en.body,
        status: "DRAFT",
        createdById: opts.staffId,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.incident.update({
      where: { id: i.id },
      data: {
        notificationMailingId: mailing.id,
        ...(i.peopleStatus === "NOT_REQUIRED" ? { peopleStatus: "PLANNED" as const } : {}),
      },
    });
    const actor = { type: "STAFF" as const, id: opts.staffId };
    await recordAuditEvents(
      tx,
      [
        { actor, action: "segment.created", subject: { type: "Segment", id: segment.id } },
        { actor, action: "mailing.created", subject: { type: "Mailing", id: mailing.id } },
      ],
      now,
    );
    await logIncidentChange(tx, {
      incidentId: i.id,
      staffId: opts.staffId,
      action: "incident.people_notification_drafted",
      fields: i.peopleStatus === "NOT_REQUIRED" ? ["notificationMailingId", "peopleStatus"] : ["notificationMailingId"],
      now,
    });
    return { ok: true, mailingId: mailing.id };
  });
}
