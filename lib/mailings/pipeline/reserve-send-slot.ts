// Paces calls to the mail provider across every worker process: each call reserves the next free slot in one shared
// row (an atomic UPDATE), then waits for it. Resend allows 5 requests per second per team by default.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function reserveSendSlot(db: DbOrTx, ratePerSecond: number): Promise<void> {
  if (ratePerSecond <= 0) return;
  const intervalMs = 1000 / ratePerSecond;
  const rows = await db.$queryRaw<{ wait_ms: number }[]>`
    INSERT INTO "SendPace" ("id", "nextAt") VALUES ('resend', clock_timestamp() + ${intervalMs} * interval '1 millisecond')
    ON CONFLICT ("id") DO UPDATE
      SET "nextAt" = GREATEST("SendPace"."nextAt", clock_timestamp()) + ${intervalMs} * interval '1 millisecond'
    RETURNING (EXTRACT(EPOCH FROM ("nextAt" - clock_timestamp())) * 1000 - ${intervalMs})::float8 AS wait_ms`;
  const wait = rows[0]?.wait_ms ?? 0;
  if (wait > 0) await sleep(wait);
}
