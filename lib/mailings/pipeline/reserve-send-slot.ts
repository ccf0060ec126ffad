// Paces calls to the mail provider across every worker process: each call reserves the next free slot in one shared
// row (an atomic UPDATE), then waits for it. Resend allows 5 requests per second per team by default. A Retry-After
// from the provider moves the shared row forward (deferSendSlots), so every worker waits it out, not only the one
// that was told.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The next free slot is further away than a caller may wait while holding a job: give the job back and retry. */
export class SendSlotTooFar extends Error {
  constructor(readonly waitMs: number) {
    super(`the provider's limit leaves no slot for ${Math.round(waitMs / 1000)} s`);
  }
}

export async function reserveSendSlot(
  db: DbOrTx,
  ratePerSecond: number,
  opts: { maxWaitMs?: number } = {},
): Promise<void> {
  if (ratePerSecond <= 0) return;
  const intervalMs = 1000 / ratePerSecond;
  const maxWaitMs = opts.maxWaitMs ?? 24 * 60 * 60 * 1000;
  // A slot further than maxWaitMs is not taken (the row is left as it is), so jobs that give up do not push the
  // queue of slots further for everyone.
  const rows = await db.$queryRaw<{ wait_ms: number; taken: boolean }[]>`
    INSERT INTO "SendPace" ("id", "nextAt") VALUES ('resend', clock_timestamp() + ${intervalMs} * interval '1 millisecond')
    ON CONFLICT ("id") DO UPDATE
      SET "nextAt" = CASE
        WHEN "SendPace"."nextAt" > clock_timestamp() + ${maxWaitMs} * interval '1 millisecond' THEN "SendPace"."nextAt"
        ELSE GREATEST("SendPace"."nextAt", clock_timestamp()) + ${intervalMs} * interval '1 millisecond' END
    RETURNING (EXTRACT(EPOCH FROM ("nextAt" - clock_timestamp())) * 1000 - ${intervalMs})::float8 AS wait_ms,
              ("nextAt" <= clock_timestamp() + (${maxWaitMs}::float8 + ${intervalMs}::float8) * interval '1 millisecond') AS taken`;
  const row = rows[0];
  if (row && !row.taken) throw new SendSlotTooFar(row.wait_ms + intervalMs);
  const wait = row?.wait_ms ?? 0;
  if (wait > 0) await sleep(wait);
}

/** No call to the provider before `ms` from now, from any worker (the provider's Retry-After). */
export async function deferSendSlots(db: DbOrTx, ms: number): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "SendPace" ("id", "nextAt") VALUES ('resend', clock_timestamp() + ${ms} * interval '1 millisecond')
    ON CONFLICT ("id") DO UPDATE
      SET "nextAt" = GREATEST("SendPace"."nextAt", clock_timestamp() + ${ms} * interval '1 millisecond')`;
}
