// Pause: workers stop taking this mailing's batches (batches in flight finish); queued deliveries wait.
import "server-only";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { Db } from "@/lib/db/client";
import { changeMailingState, type MailingStateResult } from "./change-mailing-state";

export async function pauseMailing(opts: {
  db: Db;
  staff: CurrentStaff;
  mailingId: string;
  now?: Date;
}): Promise<MailingStateResult> {
  const now = opts.now ?? new Date();
  return changeMailingState({
    ...opts,
    now,
    from: ["SENDING", "SCHEDULED"],
    data: { status: "PAUSED", pausedAt: now },
    action: "mailing.paused",
  });
}
