// Runs four times a second in each worker process (several at once are harmless): starts scheduled mailings whose time has
// come, enqueues the expansion of mailings that are sending but not (or no longer) expanded, and closes mailings with
// nothing left to send. The web app only ever changes Mailing rows; this is where they turn into jobs.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { recordPeopleNotificationSent } from "@/lib/incidents/record-people-notification-sent";

export async function dispatchDueMailings(opts: {
  db: Db;
  enqueueExpansion: (mailingId: string) => Promise<void>;
  now?: Date;
}): Promise<void> {
  const { db } = opts;
  const now = opts.now ?? new Date();

  const due = await db.mailing.findMany({
    where: { status: "SCHEDULED", scheduledAt: { lte: now } },
    select: { id: true },
  });
  for (const m of due) {
    await db.$transaction(async (tx) => {
      const started = await tx.mailing.updateMany({
        where: { id: m.id, status: "SCHEDULED" },
        data: { status: "SENDING", startedAt: now },
      });
      if (started.count === 1) {
        await recordAuditEvent(
          tx,
          { actor: { type: "SYSTEM" }, action: "mailing.started", subject: { type: "Mailing", id: m.id } },
          now,
        );
        // A scheduled notification of an incident's people (Art. 34) is recorded on the incident as it goes out.
        await recordPeopleNotificationSent(tx, { mailingId: m.id, staffId: null, now });
      }
    });
  }

  const toExpand = await db.mailing.findMany({ where: { status: "SENDING", expandedAt: null }, select: { id: true } });
  for (const m of toExpand) await opts.enqueueExpansion(m.id);

  const finished = await db.$queryRaw<{ id: string }[]>`
    SELECT m."id" FROM "Mailing" m
    WHERE m."status" = 'SENDING' AND m."expandedAt" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."mailingId" = m."id" AND d."status" IN ('QUEUED', 'SENDING', 'HELD'))`;
  for (const m of finished) {
    await db.$transaction(async (tx) => {
      const done = await tx.mailing.updateMany({
        where: { id: m.id, status: "SENDING", expandedAt: { not: null } },
        data: { status: "SENT", finishedAt: now },
      });
      if (done.count === 1)
        await recordAuditEvent(
          tx,
          { actor: { type: "SYSTEM" }, action: "mailing.finished", subject: { type: "Mailing", id: m.id } },
          now,
        );
    });
  }
}
