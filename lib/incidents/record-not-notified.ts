// Art. 33(1) and (5): an incident unlikely to result in a risk to people need not be reported, but the decision and
// its reason must be documented so the authority can verify it. The reason is required and kept on the incident.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { fail, parseInput, type Because, type Invalid, type NotFound } from "@/lib/result";
import { logIncidentChange } from "./log-incident-change";

export const notNotifiedSchema = z.object({
  reason: z
    .string({ error: "reason_required" })
    .trim()
    .min(10, { error: "reason_required" })
    .max(2000, { error: "reason_too_long" }),
});

export type RecordNotNotifiedResult =
  { ok: true } | Invalid | NotFound | Because<"conflict", "closed" | "already_notified">;

export async function recordNotNotified(opts: {
  db: Db;
  id: string;
  input: unknown;
  staffId: string;
  now?: Date;
}): Promise<RecordNotNotifiedResult> {
  const parsed = parseInput(notNotifiedSchema, opts.input);
  if (!parsed.ok) return parsed;
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({
      where: { id: opts.id },
      select: { id: true, closedAt: true, authorityStatus: true },
    });
    if (!incident) return fail("not_found");
    if (incident.closedAt) return fail("conflict", { reason: "closed" });
    if (incident.authorityStatus === "NOTIFIED") return fail("conflict", { reason: "already_notified" });
    await tx.incident.update({
      where: { id: incident.id },
      data: { authorityStatus: "NOT_NOTIFIED", notNotifiedReason: parsed.data.reason },
    });
    await logIncidentChange(tx, {
      incidentId: incident.id,
      staffId: opts.staffId,
      action: "incident.authority_not_notified",
      fields: ["authorityStatus", "notNotifiedReason"],
      now,
    });
    return { ok: true as const };
  });
}
