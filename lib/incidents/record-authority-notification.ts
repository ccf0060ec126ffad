// Art. 33: the incident was reported to the supervisory authority, when, and under the authority's reference. A
// decision not to report (record-not-notified.ts) can be overturned by reporting after all; a report cannot be undone.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { fail, invalid, parseInput, type Because, type Invalid, type NotFound } from "@/lib/result";
import { text } from "@/lib/validation/form-fields";
import { localTime } from "./incident-schema";
import { logIncidentChange } from "./log-incident-change";

export const authorityNotificationSchema = z.object({
  notifiedAt: localTime("notified_at_required"),
  reference: text(200, "reference_required", "reference_too_long"),
});

export type RecordAuthorityNotificationResult =
  { ok: true } | Invalid | NotFound | Because<"conflict", "closed" | "already_notified">;

const FUTURE_TOLERANCE_MS = 5 * 60_000;

export async function recordAuthorityNotification(opts: {
  db: Db;
  id: string;
  input: unknown;
  staffId: string;
  now?: Date;
}): Promise<RecordAuthorityNotificationResult> {
  const parsed = parseInput(authorityNotificationSchema, opts.input);
  if (!parsed.ok) return parsed;
  const now = opts.now ?? new Date();
  const { notifiedAt, reference } = parsed.data;
  if (notifiedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return invalid({ notifiedAt: "in_future" });
  return opts.db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: opts.id } });
    if (!incident) return fail("not_found");
    if (incident.closedAt) return fail("conflict", { reason: "closed" });
    if (incident.authorityStatus === "NOTIFIED") return fail("conflict", { reason: "already_notified" });
    if (notifiedAt.getTime() < incident.discoveredAt.getTime()) return invalid({ notifiedAt: "before_discovery" });
    await tx.incident.update({
      where: { id: incident.id },
      data: { authorityStatus: "NOTIFIED", authorityNotifiedAt: notifiedAt, authorityReference: reference },
    });
    await logIncidentChange(tx, {
      incidentId: incident.id,
      staffId: opts.staffId,
      action: "incident.authority_notified",
      fields: ["authorityStatus", "authorityNotifiedAt", "authorityReference"],
      now,
    });
    return { ok: true as const };
  });
}
