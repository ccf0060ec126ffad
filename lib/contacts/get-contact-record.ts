// Everything stored about one contact, gathered once for the "my data" page and the export (GDPR Art. 15 and 20):
// the fields, roles and organisations, source, purposes with legal bases, retention, subscriptions and their history,
// notes staff wrote about them, the changes made to the record, and the policy version that applied when they entered
// the register beside the one that applies now; their answers to "why are you leaving?". Staff appear by role, never by name.
import { listSentToContact, type SentToContact } from "@/lib/outbound-webhooks/list-sent-to-contact";
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type {
  ActorType,
  ChangeSource,
  ContactCategory,
  Language,
  LeavingReason,
  LegalBasis,
  PrivacyRequestStatus,
  PrivacyRequestType,
  Purpose,
  Relationship,
  RoleType,
  SourceType,
  StaffRole,
  SubscriptionState,
} from "@/lib/generated/prisma/enums";
import { getPolicy } from "@/lib/policy/current-policy";
import { listChoiceEvidence, type ChoiceEvidenceRow } from "@/lib/evidence/list-choice-evidence";
import { computeDeletionDate, type DeletionDate } from "@/lib/retention/compute-deletion-date";

type Named = { sv: string; en: string };

/** A version of the policy file (lib/policy/record-policy-version.ts): its hash, effective day and change note. */
export type PolicyVersionSummary = { hash: string; effective: string; note: Partial<Record<Language, string>> };

export type ContactRecord = {
  contact: {
    id: string;
    name: string;
    email: string;
    phone: string | null;
    jobTitle: string | null;
    language: Language;
    category: ContactCategory;
    marketingOptOutAt: Date | null;
    /** The end of the latest pause of marketing mail (in the past: it has ended); null when never paused or ended early. */
    marketingPausedUntil: Date | null;
    createdAt: Date;
    updatedAt: Date;
    lastActivityAt: Date | null;
    /** The person's ids in downstream systems, as staff or the CRM recorded them. */
    crmId: string | null;
    supportDeskId: string | null;
  };
  /** The systems changes about the person are passed on to, and what was sent to each (Art. 19). */
  recipients: SentToContact;
  source: {
    type: SourceType;
    detail: string | null;
    date: Date | null;
    /** Who met them or entered them, by role only. */
    staffRole: StaffRole | null;
    organisation: string | null;
  };
  roles: {
    organisation: string;
    relationship: Relationship;
    relationshipStart: Date | null;
    relationshipEnd: Date | null;
    type: RoleType;
    title: string | null;
    startsOn: Date;
    endsOn: Date | null;
  }[];
  purposes: { purpose: Purpose; basis: LegalBasis; recordedAt: Date }[];
  retention: DeletionDate;
  subscriptions: {
    topic: Named;
    isMarketing: boolean;
    state: SubscriptionState;
    changedAt: Date;
    source: ChangeSource;
  }[];
  subscriptionHistory: { topic: Named; state: SubscriptionState; source: ChangeSource; at: Date }[];
  /** From the send log: the latest 200 mailings that went out to this person, subject in their language. */
  mailings: { at: Date; subject: string }[];
  changes: {
    at: Date;
    action: string;
    fields: string[];
    actor: { type: ActorType; self: boolean; staffRole: StaffRole | null };
    personalValues: unknown;
  }[];
  privacyRequests: {
    type: PrivacyRequestType;
    status: PrivacyRequestStatus;
    receivedAt: Date;
    completedAt: Date | null;
  }[];
  /** Notes staff wrote about the person (Art. 15 covers them): text and date; the author only as "staff". */
  notes: { body: string; createdAt: Date }[];
  /** Their answers to "why are you leaving?" (topic null: all marketing), with any text they wrote. */
  leavingAnswers: { at: Date; topic: Named | null; reason: LeavingReason; text: string | null }[];
  /**
   * The evidence of every choice (lib/evidence/): when, channel, actor, legal basis and the notice text seen. Staff
   * appear by kind only (their id is kept for the staff export), an API key by its name.
   */
  evidence: (Omit<ChoiceEvidenceRow, "actor"> & { actor: Omit<ChoiceEvidenceRow["actor"], "id"> })[];
  policy: {
    /** The version in force when the person entered the register; null when that was before versions were recorded. */
    collectedUnder: PolicyVersionSummary | null;
    /** The version in force now. */
    current: PolicyVersionSummary;
  };
};

export async function getContactRecord(opts: { db: DbOrTx; contactId: string }): Promise<ContactRecord | null> {
  const c = await opts.db.contact.findUnique({
    where: { id: opts.contactId },
    include: {
      sourceStaff: { select: { role: true } },
      sourceOrganisation: { select: { name: true } },
      policyVersion: { select: { hash: true, effective: true, note: true } },
      roles: { include: { organisation: true }, orderBy: { startsOn: "asc" } },
      legalBases: { orderBy: { purpose: "asc" } },
      subscriptions: { include: { topic: true }, orderBy: { topic: { sortOrder: "asc" } } },
      subscriptionChanges: { include: { topic: true }, orderBy: { at: "desc" } },
      privacyRequests: { orderBy: { receivedAt: "desc" } },
      notes: { orderBy: { createdAt: "desc" }, select: { body: true, createdAt: true } },
      leavingAnswers: {
        orderBy: { createdAt: "desc" },
        select: { createdAt: true, reason: true, text: true, topic: { select: { nameSv: true, nameEn: true } } },
      },
      deliveries: {
        where: { sentAt: { not: null } },
        orderBy: { sentAt: "desc" },
        take: 200,
        select: { sentAt: true, mailing: { select: { subjectSv: true, subjectEn: true } } },
      },
    },
  });
  if (!c) return null;
  const audit = await opts.db.auditEvent.findMany({
    where: { subjectType: "Contact", subjectId: c.id },
    orderBy: { seq: "desc" },
    take: 500,
  });
  const staffIds = [...new Set(audit.filter((a) => a.actorType === "STAFF" && a.actorId).map((a) => a.actorId!))];
  const staff = new Map(
    (await opts.db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, role: true } })).map(
      (s) => [s.id, s.role],
    ),
  );
  const evidence = (await listChoiceEvidence(opts.db, c.id)).map(({ actor, ...row }) => ({
    ...row,
    actor: { type: actor.type, name: actor.type === "API_KEY" ? actor.name : null },
  }));
  const topicName = (t: { nameSv: string; nameEn: string }): Named => ({ sv: t.nameSv, en: t.nameEn });
  const policy = getPolicy();

  return {
    contact: {
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      jobTitle: c.jobTitle,
      language: c.language,
      category: c.category,
      marketingOptOutAt: c.marketingOptOutAt,
      marketingPausedUntil: c.marketingPausedUntil,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      lastActivityAt: c.lastActivityAt,
      crmId: c.crmId,
      supportDeskId: c.supportDeskId,
    },
    recipients: await listSentToContact({ db: opts.db, contactId: c.id }),
    source: {
      type: c.sourceType,
      detail: c.sourceDetail,
      date: c.sourceDate,
      staffRole: c.sourceStaff?.role ?? null,
      organisation: c.sourceOrganisation?.name ?? null,
    },
    roles: c.roles.map((r) => ({
      organisation: r.organisation.name,
      relationship: r.organisation.relationship,
      relationshipStart: r.organisation.relationshipStart,
      relationshipEnd: r.organisation.relationshipEnd,
      type: r.type,
      title: r.title,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
    })),
    purposes: c.legalBases.map((b) => ({ purpose: b.purpose, basis: b.basis, recordedAt: b.recordedAt })),
    retention: computeDeletionDate(c, policy.categories),
    subscriptions: c.subscriptions.map((s) => ({
      topic: topicName(s.topic),
      isMarketing: s.topic.isMarketing,
      state: s.state,
      changedAt: s.changedAt,
      source: s.source,
    })),
    subscriptionHistory: c.subscriptionChanges.map((s) => ({
      topic: topicName(s.topic),
      state: s.state,
      source: s.source,
      at: s.at,
    })),
    mailings: c.deliveries.map((d) => ({
      at: d.sentAt!,
      subject: (c.language === "en" ? d.mailing.subjectEn : d.mailing.subjectSv).replace(/\{\{\s*name\s*\}\}/g, c.name),
    })),
    changes: audit.map((a) => ({
      at: a.at,
      action: a.action,
      fields: a.fields,
      actor: {
        type: a.actorType,
        self: a.actorType === "CONTACT" && a.actorId === c.id,
        staffRole: a.actorType === "STAFF" && a.actorId ? (staff.get(a.actorId) ?? null) : null,
      },
      personalValues: a.personalValues,
    })),
    privacyRequests: c.privacyRequests.map((p) => ({
      type: p.type,
      status: p.status,
      receivedAt: p.receivedAt,
      completedAt: p.completedAt,
    })),
    notes: c.notes.map((n) => ({ body: n.body, createdAt: n.createdAt })),
    leavingAnswers: c.leavingAnswers.map((a) => ({
      at: a.createdAt,
      topic: a.topic ? topicName(a.topic) : null,
      reason: a.reason,
      text: a.text,
    })),
    evidence,
    policy: {
      collectedUnder: c.policyVersion
        ? {
            hash: c.policyVersion.hash,
            effective: c.policyVersion.effective.toISOString().slice(0, 10),
            note: c.policyVersion.note as PolicyVersionSummary["note"],
          }
        : null,
      current: { hash: policy.hash, effective: policy.version.effective, note: policy.version.note },
    },
  };
}
