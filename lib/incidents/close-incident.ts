// Closes an incident once it is handled. Not while the authority question is open: Art. 33 wants either a report or
// a documented reason for not reporting, so an incident cannot be closed with its 72-hour clock still pending.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { fail, parseInput, type Because, type Invalid, type NotFound } from "@/lib/result";
import { optionalText } from "@/lib/validation/form-fields";
import { logIncidentChange } from "./log-incident-change";

export const closeIncidentSchema = z.object({ note: optionalText(2000, "note_too_long") });

export type CloseIncidentResult =
  { ok: true } | Invalid | NotFound | Because<"conflict", "closed" | "authority_pending">;

export async function closeIncident(opts: {
  db: Db;
  id: string;
  input: unknown;
  staffId: string;
  now?: Date;
}): Promise<CloseIncidentResult> {
  const parsed = parseInput(closeIncidentSchema, opts.input);
  if (!parsed.ok) return parsed;
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({
      where: { id: opts.id },
      select: { id: true, closedAt: true, authorityStatus: true },
    });
    if (!incident) return fail("not_found");
    if (incident.closedAt) return fail("conflict", { reason: "closed" });
    if (incident.authorityStatus === "PENDING") return fail("conflict", { reason: "authority_pending" });
    await tx.incident.update({ where: { id: incident.id }, data: { closedAt: now } });
    await logIncidentChange(tx, {
      incidentId: incident.id,
      staffId: opts.staffId,
      action: "incident.closed",
      fields: ["closedAt"],
      note: parsed.data.note,
      now,
    });
    return { ok: true as const };
  });
}
