// Every change to an incident after it is recorded leaves two traces in the caller's transaction: a row of the
// incident's own log (shown on its page, with the note) and an audit entry (the trail's hash chain). Both name the
// changed fields, never their values.
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { AuditField } from "@/lib/audit/audit-fields";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";

export async function logIncidentChange(
  tx: Tx,
  change: {
    incidentId: string;
    /** Null: the system did it (a scheduled notification going out). */
    staffId: string | null;
    action: AuditAction;
    fields: readonly AuditField[];
    note?: string | null;
    now: Date;
  },
): Promise<void> {
  await tx.incidentUpdate.create({
    data: {
      incidentId: change.incidentId,
      at: change.now,
      staffId: change.staffId,
      fields: [...change.fields],
      note: change.note ?? null,
    },
  });
  await recordAuditEvent(
    tx,
    {
      actor: change.staffId ? { type: "STAFF", id: change.staffId } : { type: "SYSTEM" },
      action: change.action,
      subject: { type: "Incident", id: change.incidentId },
      fields: change.fields,
    },
    change.now,
  );
}
