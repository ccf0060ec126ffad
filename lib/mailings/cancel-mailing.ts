// Cancel: nothing more goes out. Queued deliveries (and held ones nobody decided on) are marked CANCELLED in the same transaction; a batch already
// handed to the provider cannot be called back and is recorded as sent.
import "server-only";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { Db } from "@/lib/db/client";
import { changeMailingState, type MailingStateResult } from "./change-mailing-state";

export async function cancelMailing(opts: {
  db: Db;
  staff: CurrentStaff;
  mailingId: string;
  now?: Date;
}): Promise<MailingStateResult> {
  const now = opts.now ?? new Date();
  return changeMailingState({
    ...opts,
    now,
    from: ["DRAFT", "SCHEDULED", "SENDING", "PAUSED"],
    data: { status: "CANCELLED", finishedAt: now },
    action: "mailing.cancelled",
    also: async (tx) => {
      await tx.delivery.updateMany({
        where: { mailingId: opts.mailingId, status: { in: ["QUEUED", "HELD"] } },
        data: { status: "CANCELLED", updatedAt: now },
      });
    },
  });
}
