// Records a data subject's request in the register, inside the caller's transaction. Self-service requests that the
// software carries out at once (opt-out, erasure, correction) are recorded as completed, so staff can show what was
// done and when.
import type { Tx } from "@/lib/db/client";
import type { PrivacyRequestChannel, PrivacyRequestStatus, PrivacyRequestType } from "@/lib/generated/prisma/enums";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { privacyRequestDueAt } from "./due-date";

export async function recordPrivacyRequest(
  tx: Tx,
  input: {
    contactId: string | null;
    /** A non-personal reference kept after erasure (e.g. the suppression hash's first characters). */
    subjectRef?: string;
    type: PrivacyRequestType;
    channel: PrivacyRequestChannel;
    status: PrivacyRequestStatus;
    details?: string;
    outcome?: string;
    actor: AuditActor;
    handlerId?: string;
    now?: Date;
  },
): Promise<{ id: string }> {
  const now = input.now ?? new Date();
  const completed = input.status === "COMPLETED" || input.status === "REJECTED";
  const request = await tx.privacyRequest.create({
    data: {
      contactId: input.contactId,
      subjectRef: input.subjectRef ?? null,
      type: input.type,
      channel: input.channel,
      receivedAt: now,
      dueAt: privacyRequestDueAt(now),
      status: input.status,
      details: input.details ?? null,
      outcome: input.outcome ?? null,
      handlerId: input.handlerId ?? null,
      completedAt: completed ? now : null,
    },
    select: { id: true },
  });
  await recordAuditEvent(
    tx,
    {
      actor: input.actor,
      action: "privacy_request.recorded",
      subject: { type: "PrivacyRequest", id: request.id },
      fields: ["type", "channel", "status"],
    },
    now,
  );
  return request;
}
