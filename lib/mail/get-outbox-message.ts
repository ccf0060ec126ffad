import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { outboxMessageSelect, toView, type OutboxMessageView } from "./list-outbox-messages";

/** One message kept by the outbox transport, or null. */
export async function getOutboxMessage({ db, id }: { db: DbOrTx; id: string }): Promise<OutboxMessageView | null> {
  const row = await db.outboxMessage.findUnique({ where: { id }, select: outboxMessageSelect });
  return row ? toView(row) : null;
}
