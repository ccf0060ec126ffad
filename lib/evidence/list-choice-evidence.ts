// A contact's evidence of every choice, newest first, with the notice texts they saw: for the person's page and
// export (getContactRecord) and the staff export (export-choice-evidence.ts).
import type { DbOrTx } from "@/lib/db/client";
import type {
  EvidenceActor,
  EvidenceChannel,
  EvidenceSubject,
  Language,
  LegalBasis,
  NoticeKind,
  Purpose,
  SubscriptionState,
} from "@/lib/generated/prisma/enums";

export type ChoiceEvidenceRow = {
  id: string;
  at: Date;
  subject: EvidenceSubject;
  topic: { key: string; sv: string; en: string } | null;
  state: SubscriptionState | null;
  purpose: Purpose | null;
  legalBasis: LegalBasis | null;
  channel: EvidenceChannel;
  actor: { type: EvidenceActor; id: string | null; name: string | null };
  notice: { hash: string; kind: NoticeKind; language: Language; text: string } | null;
  /** Copied from the history kept before evidence was: the notice was not recorded then. */
  migrated: boolean;
};

export async function listChoiceEvidence(db: DbOrTx, contactId: string): Promise<ChoiceEvidenceRow[]> {
  const rows = await db.choiceEvidence.findMany({
    where: { contactId },
    orderBy: [{ at: "desc" }, { id: "asc" }],
    take: 2000,
    include: {
      topic: { select: { key: true, nameSv: true, nameEn: true } },
      notice: { select: { hash: true, kind: true, language: true, text: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    subject: r.subject,
    topic: r.topic ? { key: r.topic.key, sv: r.topic.nameSv, en: r.topic.nameEn } : null,
    state: r.state,
    purpose: r.purpose,
    legalBasis: r.legalBasis,
    channel: r.channel,
    actor: { type: r.actorType, id: r.actorId, name: r.actorName },
    notice: r.notice,
    migrated: r.migrated,
  }));
}
