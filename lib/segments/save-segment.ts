// Marketing save a segment: a name and a filter. Create or edit, one transaction with its audit entry
// ("segment.created" / "segment.updated", changed field names). A segment holds no personal data, only conditions.
import "server-only";
import type { Forbidden, Invalid, NotFound } from "@/lib/result";
import { isDeepStrictEqual } from "node:util";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseSegmentFilter } from "./parse-segment-filter";
import { parseStoredFilter } from "./segment-filter";
import { segmentNameSchema } from "./segment-schema";
import { loadSegmentForStaff } from "@/lib/access/load-segment-for-staff";
import type { AuditField } from "@/lib/audit/audit-fields";

export type SaveSegmentResult =
  { ok: true; id: string; created: boolean; changed: AuditField[] } | Invalid | Forbidden | NotFound;

export async function saveSegment(opts: {
  db: Db;
  staff: StaffPrincipal;
  /** Absent to create a segment. */
  id?: string;
  input: { name: unknown; filter: unknown };
  now?: Date;
}): Promise<SaveSegmentResult> {
  if (!can(opts.staff, "segments.manage")) return { ok: false, code: "forbidden" };
  const name = segmentNameSchema.safeParse(opts.input.name);
  const filter = parseSegmentFilter(opts.input.filter);
  if (!name.success || !filter.ok) {
    const fieldErrors = filter.ok ? {} : { ...filter.fieldErrors };
    if (!name.success) fieldErrors.name = name.error.issues[0]?.message ?? "name_required";
    return { ok: false, code: "invalid", fieldErrors };
  }
  const now = opts.now ?? new Date();
  const actor = { type: "STAFF" as const, id: opts.staff.id };
  const stored = filter.filter as unknown as Prisma.InputJsonValue;
  return opts.db.$transaction(async (tx) => {
    if (!opts.id) {
      const segment = await tx.segment.create({
        data: { name: name.data, filter: stored, createdById: opts.staff.id, createdAt: now },
        select: { id: true },
      });
      const fields: AuditField[] = ["name", "filter"];
      await recordAuditEvent(
        tx,
        { actor, action: "segment.created", subject: { type: "Segment", id: segment.id }, fields },
        now,
      );
      return { ok: true as const, id: segment.id, created: true, changed: fields };
    }
    const loaded = await loadSegmentForStaff({ db: tx, staff: opts.staff, id: opts.id });
    if (!loaded.ok) return loaded;
    const current = loaded.value;
    const changed: AuditField[] = [];
    if (current.name !== name.data) changed.push("name");
    // jsonb does not keep key order: compare the parsed values.
    if (!isDeepStrictEqual(parseStoredFilter(current.filter), filter.filter)) changed.push("filter");
    if (changed.length === 0) return { ok: true as const, id: opts.id, created: false, changed };
    await tx.segment.update({ where: { id: opts.id }, data: { name: name.data, filter: stored } });
    await recordAuditEvent(
      tx,
      { actor, action: "segment.updated", subject: { type: "Segment", id: opts.id }, fields: changed },
      now,
    );
    return { ok: true as const, id: opts.id, created: false, changed };
  });
}
