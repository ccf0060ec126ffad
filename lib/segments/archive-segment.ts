// Archive a segment (or bring it back): it leaves the list and the mailing form's picker; mailings that used it keep
// it. Audited ("segment.archived" / "segment.restored").
import "server-only";
import type { Forbidden, NotFound } from "@/lib/result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { loadSegmentForStaff } from "@/lib/access/load-segment-for-staff";

export type ArchiveSegmentResult = { ok: true; changed: boolean } | Forbidden | NotFound;

export async function archiveSegment(opts: {
  db: Db;
  staff: StaffPrincipal;
  id: string;
  archived: boolean;
  now?: Date;
}): Promise<ArchiveSegmentResult> {
  if (!can(opts.staff, "segments.manage")) return { ok: false, code: "forbidden" };
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const loaded = await loadSegmentForStaff({ db: tx, staff: opts.staff, id: opts.id });
    if (!loaded.ok) return loaded;
    const current = loaded.value;
    if ((current.archivedAt !== null) === opts.archived) return { ok: true as const, changed: false };
    await tx.segment.update({ where: { id: opts.id }, data: { archivedAt: opts.archived ? now : null } });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: opts.archived ? "segment.archived" : "segment.restored",
        subject: { type: "Segment", id: opts.id },
        fields: ["archivedAt"],
      },
      now,
    );
    return { ok: true as const, changed: true };
  });
}
