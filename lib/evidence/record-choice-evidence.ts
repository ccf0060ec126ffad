// Writes the evidence of a choice (ChoiceEvidence) inside the caller's transaction: one statement per row, which reads
// the topic's purpose and the contact's recorded basis for it itself, so the writer passes only what it knows.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type {
  EvidenceActor,
  EvidenceChannel,
  Language,
  LegalBasis,
  NoticeKind,
  Purpose,
  SubscriptionState,
} from "@/lib/generated/prisma/enums";
import { recordNoticeText } from "./notice-texts";

/** How a choice was made: the channel, who acted, and the notice the person saw (none: nothing of ours was shown). */
export type ChoiceContext = {
  channel: EvidenceChannel;
  actor: { type: EvidenceActor; id?: string | null; name?: string | null };
  notice?: { kind: NoticeKind; language: Language } | null;
};

/** The context with its notice stored: what each evidence row carries. */
export type Evidence = {
  channel: EvidenceChannel;
  actorType: EvidenceActor;
  actorId: string | null;
  actorName: string | null;
  noticeHash: string | null;
};

/** Stores the notice (once) and gives the evidence every row of one act carries. */
export async function resolveEvidence(tx: Tx, ctx: ChoiceContext, now: Date): Promise<Evidence> {
  return {
    channel: ctx.channel,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id ?? null,
    actorName: ctx.actor.name ?? null,
    noticeHash: ctx.notice ? await recordNoticeText(tx, ctx.notice.kind, ctx.notice.language, now) : null,
  };
}

const COLUMNS = `id, "contactId", subject, "topicId", state, purpose, "legalBasis", channel, "actorType", "actorId",
  "actorName", "noticeHash", at`;
/** The evidence's six placeholders, numbered from `n`. */
function ev(n: number): string {
  return `$${n}::"EvidenceChannel", $${n + 1}::"EvidenceActor", $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}::timestamp`;
}

function evidenceParams(e: Evidence, at: Date) {
  return [e.channel, e.actorType, e.actorId, e.actorName, e.noticeHash, at.toISOString()];
}

/** A topic subscribed or left: the topic's purpose and the contact's basis for it are read in the same statement. */
export async function recordTopicEvidence(
  tx: Tx,
  row: { contactId: string; topicId: string; state: SubscriptionState; evidence: Evidence; at: Date },
) {
  await tx.$executeRawUnsafe(
    `INSERT INTO "ChoiceEvidence" (${COLUMNS})
     SELECT $1, $2, 'TOPIC'::"EvidenceSubject", t.id, $4::"SubscriptionState", t.purpose, lb.basis, ${ev(5)}
     FROM "Topic" t LEFT JOIN "ContactLegalBasis" lb ON lb."contactId" = $2 AND lb.purpose = t.purpose
     WHERE t.id = $3`,
    randomUUID(),
    row.contactId,
    row.topicId,
    row.state,
    ...evidenceParams(row.evidence, row.at),
  );
}

/** Opted out of all marketing (UNSUBSCRIBED) or back in (SUBSCRIBED), with the basis recorded for mailings. */
export async function recordAllMarketingEvidence(
  tx: Tx,
  row: { contactId: string; state: SubscriptionState; evidence: Evidence; at: Date },
) {
  await tx.$executeRawUnsafe(
    `INSERT INTO "ChoiceEvidence" (${COLUMNS})
     SELECT $1, c.id, 'ALL_MARKETING'::"EvidenceSubject", NULL, $3::"SubscriptionState", 'MARKETING_MAILINGS'::"Purpose", lb.basis, ${ev(4)}
     FROM "Contact" c LEFT JOIN "ContactLegalBasis" lb ON lb."contactId" = c.id AND lb.purpose = 'MARKETING_MAILINGS'
     WHERE c.id = $2`,
    randomUUID(),
    row.contactId,
    row.state,
    ...evidenceParams(row.evidence, row.at),
  );
}

/** A legal basis recorded for a purpose. */
export async function recordLegalBasisEvidence(
  tx: Tx,
  row: { contactId: string; purpose: Purpose; basis: LegalBasis; evidence: Evidence; at: Date },
) {
  await tx.$executeRawUnsafe(
    `INSERT INTO "ChoiceEvidence" (${COLUMNS})
     VALUES ($1, $2, 'LEGAL_BASIS'::"EvidenceSubject", NULL, NULL, $3::"Purpose", $4::"LegalBasis", ${ev(5)})`,
    randomUUID(),
    row.contactId,
    row.purpose,
    row.basis,
    ...evidenceParams(row.evidence, row.at),
  );
}
