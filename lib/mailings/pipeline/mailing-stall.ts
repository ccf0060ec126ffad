// What the mailing page shows while the provider keeps failing a mailing's batches ("Resend has answered 503 for 12
// minutes"): the first failure's time stays until a batch goes out again, the code and status are the latest.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { MailErrorCode } from "@/lib/mail/types";

export async function recordMailingStall(
  db: DbOrTx,
  mailingId: string,
  stall: { code: MailErrorCode | "paced"; status: number | null; retryAt: Date | null; now: Date },
): Promise<void> {
  await db.$executeRaw`
    UPDATE "Mailing" SET "stallCode" = ${stall.code}, "stallStatus" = ${stall.status},
           "stallSince" = COALESCE("stallSince", ${stall.now}), "stallRetryAt" = ${stall.retryAt}
    WHERE "id" = ${mailingId}`;
}

/** After a batch went out: one indexed update that writes nothing while the mailing is not stalled. */
export async function clearMailingStall(db: DbOrTx, mailingId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Mailing" SET "stallCode" = NULL, "stallStatus" = NULL, "stallSince" = NULL, "stallRetryAt" = NULL
    WHERE "id" = ${mailingId} AND "stallSince" IS NOT NULL`;
}
