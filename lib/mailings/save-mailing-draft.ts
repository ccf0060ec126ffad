// Creates or edits a mailing draft, in one transaction with its audit entry. A mailing can be changed only before
// sending starts: as a draft, or scheduled but not yet picked up (startedAt is fixed when sending begins, and every
// link of the mailing is issued at that time). The update itself re-checks that state, so a save racing the scheduler
// either lands before the start or is refused.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail, fieldErrorCodes, type Because, type Forbidden, type Invalid, type NotFound } from "@/lib/result";
import { MAILING_DRAFT_FIELDS, mailingDraftSchema } from "./mailing-draft-schema";
import { loadMailingForStaff } from "@/lib/access/load-mailing-for-staff";

export type SaveMailingDraftResult =
  | { ok: true; id: string; created: boolean; changed: string[] }
  | Invalid
  | Forbidden
  | NotFound
  | Because<"conflict", "not_editable">;

/** The states in which a mailing's content may still change. */
export const EDITABLE_WHERE = {
  OR: [{ status: "DRAFT" }, { status: "SCHEDULED", startedAt: null }],
} satisfies Prisma.MailingWhereInput;

export function isEditable(m: { status: string; startedAt: Date | null }): boolean {
  return m.status === "DRAFT" || (m.status === "SCHEDULED" && m.startedAt === null);
}

// A required notice's topic (Topic.isRequired) reaches people without a subscription, so staff never pick it: only a
// draft that already has it (made by lib/notices or lib/incidents) keeps it.
async function checkTargets(
  tx: Tx,
  topicId: string,
  segmentId: string,
  currentTopicId: string | null,
): Promise<Record<string, string>> {
  const [topic, segment] = await Promise.all([
    tx.topic.findUnique({ where: { id: topicId }, select: { archivedAt: true, isRequired: true } }),
    tx.segment.findUnique({ where: { id: segmentId }, select: { archivedAt: true } }),
  ]);
  const errors: Record<string, string> = {};
  if (!topic || topic.archivedAt || (topic.isRequired && topicId !== currentTopicId)) errors.topicId = "topic_invalid";
  if (!segment || segment.archivedAt) errors.segmentId = "segment_invalid";
  return errors;
}

export async function saveMailingDraft(opts: {
  db: Db;
  staff: StaffPrincipal;
  /** Absent: create. */
  id?: string;
  input: unknown;
  now?: Date;
}): Promise<SaveMailingDraftResult> {
  if (!can(opts.staff, "mailings.send")) return { ok: false, code: "forbidden" };
  const parsed = mailingDraftSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const next = parsed.data;
  const now = opts.now ?? new Date();
  const actor = { type: "STAFF" as const, id: opts.staff.id };

  return opts.db.$transaction(async (tx): Promise<SaveMailingDraftResult> => {
    if (opts.id) {
      const access = await loadMailingForStaff({ db: tx, staff: opts.staff, id: opts.id });
      if (!access.ok) return access;
      const current = await tx.mailing.findUniqueOrThrow({ where: { id: access.value.id } });
      if (!isEditable(current)) return fail("conflict", { reason: "not_editable" });
      const targets = await checkTargets(tx, next.topicId, next.segmentId, current.topicId);
      if (Object.keys(targets).length > 0) return { ok: false, code: "invalid", fieldErrors: targets };
      const changed = MAILING_DRAFT_FIELDS.filter((f) => (current[f] ?? null) !== (next[f] ?? null));
      if (changed.length === 0) return { ok: true, id: current.id, created: false, changed: [] };
      const updated = await tx.mailing.updateMany({ where: { id: current.id, ...EDITABLE_WHERE }, data: next });
      if (updated.count === 0) return fail("conflict", { reason: "not_editable" });
      await recordAuditEvent(
        tx,
        { actor, action: "mailing.updated", subject: { type: "Mailing", id: current.id }, fields: changed },
        now,
      );
      return { ok: true, id: current.id, created: false, changed };
    }

    const targets = await checkTargets(tx, next.topicId, next.segmentId, null);
    if (Object.keys(targets).length > 0) return { ok: false, code: "invalid", fieldErrors: targets };
    const created = await tx.mailing.create({
      data: { ...next, status: "DRAFT", createdById: opts.staff.id, createdAt: now },
      select: { id: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor,
        action: "mailing.created",
        subject: { type: "Mailing", id: created.id },
        fields: [...MAILING_DRAFT_FIELDS],
      },
      now,
    );
    return { ok: true, id: created.id, created: true, changed: [...MAILING_DRAFT_FIELDS] };
  });
}
