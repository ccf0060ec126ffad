// The incident register: open incidents first (the oldest discovery first, whose clock runs out soonest), then the
// closed ones, newest first; each with its authority clock as of `now`. Incidents are few (a handful a year), so the
// list is not paged; `openOnly` is the staff dashboard's view.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { IncidentRisk, PeopleNotificationStatus } from "@/lib/generated/prisma/enums";
import { authorityClockStatus, type AuthorityClockStatus } from "./authority-clock";

export type IncidentSummary = {
  id: string;
  reference: string;
  title: string;
  discoveredAt: Date;
  risk: IncidentRisk;
  peopleStatus: PeopleNotificationStatus;
  closedAt: Date | null;
  clock: AuthorityClockStatus;
};

export async function listIncidents(opts: { db: DbOrTx; now?: Date; openOnly?: boolean }): Promise<IncidentSummary[]> {
  const now = opts.now ?? new Date();
  const rows = await opts.db.incident.findMany({
    where: opts.openOnly ? { closedAt: null } : undefined,
    orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { discoveredAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      reference: true,
      title: true,
      discoveredAt: true,
      risk: true,
      peopleStatus: true,
      closedAt: true,
      authorityStatus: true,
      authorityNotifiedAt: true,
      authorityReference: true,
      notNotifiedReason: true,
    },
  });
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    discoveredAt: r.discoveredAt,
    risk: r.risk,
    peopleStatus: r.peopleStatus,
    closedAt: r.closedAt,
    clock: authorityClockStatus(r, now),
  }));
}
