// One incident for its page: every field, its authority clock, how many contacts it concerns and the first few of
// them, and its log, newest first, with who made each change.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { authorityClockStatus } from "./authority-clock";

export const AFFECTED_SHOWN = 20;

export async function getIncident(opts: { db: DbOrTx; id: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const incident = await opts.db.incident.findUnique({
    where: { id: opts.id },
    include: {
      createdBy: { select: { name: true, email: true } },
      notificationMailing: { select: { id: true, name: true, status: true } },
      updates: {
        orderBy: [{ at: "desc" }, { id: "desc" }],
        select: { id: true, at: true, fields: true, note: true, staff: { select: { name: true, email: true } } },
      },
      _count: { select: { contacts: true } },
    },
  });
  if (!incident) return null;
  const affected = await opts.db.incidentContact.findMany({
    where: { incidentId: incident.id },
    orderBy: [{ contact: { name: "asc" } }, { contactId: "asc" }],
    take: AFFECTED_SHOWN,
    select: { contact: { select: { id: true, name: true, email: true } } },
  });
  const { _count, ...rest } = incident;
  return {
    ...rest,
    affectedCount: _count.contacts,
    affected: affected.map((a) => a.contact),
    clock: authorityClockStatus(incident, now),
  };
}

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof getIncident>>>;
