// Resume: back to SENDING with expandedAt cleared, so the dispatcher runs the (idempotent) expansion again, which
// finishes any unexpanded part and re-enqueues every batch that still has queued deliveries.
import "server-only";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { Db } from "@/lib/db/client";
import { changeMailingState, type MailingStateResult } from "./change-mailing-state";

export async function resumeMailing(opts: {
  db: Db;
  staff: CurrentStaff;
  mailingId: string;
  now?: Date;
}): Promise<MailingStateResult> {
  const now = opts.now ?? new Date();
  const mailing = await opts.db.mailing.findUnique({ where: { id: opts.mailingId }, select: { startedAt: true } });
  return changeMailingState({
    ...opts,
    now,
    from: ["PAUSED"],
    // A mailing paused before its scheduled time starts now; links keep the first start time once there is one.
    data: {
      status: "SENDING",
      pausedAt: null,
      expandedAt: null,
      scheduledAt: null,
      startedAt: mailing?.startedAt ?? now,
    },
    action: "mailing.resumed",
  });
}
