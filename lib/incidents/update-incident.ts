// Changes an open incident's description, risk and Art. 34 notification of the people, with a note saying why. Only
// the fields that changed are named in the incident's log and the audit entry, written in the same transaction; an
// update that changes nothing but carries a note is logged too (what was learnt), one with neither is not.
import "server-only";
import type { Db } from "@/lib/db/client";
import { fail, parseInput, type Because, type Invalid, type NotFound } from "@/lib/result";
import { INCIDENT_FIELDS, updateIncidentSchema } from "./incident-schema";
import { logIncidentChange } from "./log-incident-change";

export type UpdateIncidentResult = { ok: true; changed: string[] } | Invalid | NotFound | Because<"conflict", "closed">;

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
    : JSON.stringify(a) === JSON.stringify(b);

export async function updateIncident(opts: {
  db: Db;
  id: string;
  input: unknown;
  staffId: string;
  now?: Date;
}): Promise<UpdateIncidentResult> {
  const parsed = parseInput(updateIncidentSchema, opts.input);
  if (!parsed.ok) return parsed;
  const now = opts.now ?? new Date();
  const { note, ...input } = parsed.data;
  const next = { ...input, peopleNotifiedAt: input.peopleStatus === "NOTIFIED" ? input.peopleNotifiedAt : null };
  return opts.db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: opts.id } });
    if (!incident) return fail("not_found");
    if (incident.closedAt) return fail("conflict", { reason: "closed" });
    const changed = INCIDENT_FIELDS.filter((f) => !same(incident[f], next[f]));
    if (changed.length === 0 && !note) return { ok: true as const, changed: [] };
    if (changed.length > 0) await tx.incident.update({ where: { id: incident.id }, data: next });
    await logIncidentChange(tx, {
      incidentId: incident.id,
      staffId: opts.staffId,
      action: "incident.updated",
      fields: changed,
      note,
      now,
    });
    return { ok: true as const, changed: [...changed] };
  });
}
