// When the notification of an incident's affected people (draft-people-notification.ts) starts sending, the incident
// says so: people NOTIFIED on that day, a row in its log and an audit entry, in the transaction that starts the
// mailing: start-mailing.ts when staff send it now (their name in the log), dispatch-due-mailings.ts when a scheduled
// one goes out (the system's). A mailing that notifies no incident changes nothing here.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { logIncidentChange } from "./log-incident-change";

export async function recordPeopleNotificationSent(
  tx: Tx,
  opts: { mailingId: string; staffId: string | null; now: Date },
): Promise<void> {
  const incident = await tx.incident.findUnique({
    where: { notificationMailingId: opts.mailingId },
    select: { id: true },
  });
  if (!incident) return;
  await tx.incident.update({
    where: { id: incident.id },
    data: { peopleStatus: "NOTIFIED", peopleNotifiedAt: opts.now },
  });
  await logIncidentChange(tx, {
    incidentId: incident.id,
    staffId: opts.staffId,
    action: "incident.people_notification_sent",
    fields: ["peopleStatus", "peopleNotifiedAt"],
    now: opts.now,
  });
}
