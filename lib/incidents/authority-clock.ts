// Art. 33(1): the supervisory authority is to be told without undue delay and where feasible within 72 hours of the
// controller becoming aware of the breach, so the clock runs from discoveredAt, not from when it happened. Pure: the
// list, the incident page and the staff dashboard all word the same status.
import type { AuthorityNotificationStatus } from "@/lib/generated/prisma/enums";

export const AUTHORITY_HOURS = 72;
const HOUR = 3_600_000;

export function authorityDeadline(discoveredAt: Date): Date {
  return new Date(discoveredAt.getTime() + AUTHORITY_HOURS * HOUR);
}

export type AuthorityClockStatus =
  | { state: "due"; hoursLeft: number; deadline: Date }
  | { state: "overdue"; hoursOver: number; deadline: Date }
  | { state: "notified"; at: Date; reference: string }
  | { state: "not_notified"; reason: string };

export type ClockedIncident = {
  discoveredAt: Date;
  authorityStatus: AuthorityNotificationStatus;
  authorityNotifiedAt: Date | null;
  authorityReference: string | null;
  notNotifiedReason: string | null;
};

/** Hours are whole and rounded up while due (30 minutes left is "1 hour"), so "0 hours left" is never shown. */
export function authorityClockStatus(incident: ClockedIncident, now: Date): AuthorityClockStatus {
  if (incident.authorityStatus === "NOTIFIED" && incident.authorityNotifiedAt)
    return { state: "notified", at: incident.authorityNotifiedAt, reference: incident.authorityReference ?? "" };
  if (incident.authorityStatus === "NOT_NOTIFIED")
    return { state: "not_notified", reason: incident.notNotifiedReason ?? "" };
  const deadline = authorityDeadline(incident.discoveredAt);
  const left = deadline.getTime() - now.getTime();
  if (left > 0) return { state: "due", hoursLeft: Math.ceil(left / HOUR), deadline };
  return { state: "overdue", hoursOver: Math.floor(-left / HOUR), deadline };
}
