// JSON view of the outbox for tests and developers. Exists only while the outbox transport is active.
import { connection } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { isDevMailboxEnabled } from "@/lib/mail/is-dev-mailbox-enabled";
import { listOutboxMessages, OUTBOX_LIST_MAX_LIMIT } from "@/lib/mail/list-outbox-messages";

const querySchema = z.object({
  to: z.string().trim().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(OUTBOX_LIST_MAX_LIMIT).optional(),
});

const noStore = { "Cache-Control": "no-store" };

export async function GET(request: Request) {
  await connection();
  if (!isDevMailboxEnabled()) return Response.json({ error: "not_found" }, { status: 404, headers: noStore });

  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return Response.json(
      { error: "invalid_query", fields: z.flattenError(query.error).fieldErrors },
      { status: 400, headers: noStore },
    );
  }
  const messages = await listOutboxMessages({ db: await getDb(), ...query.data });
  return Response.json(messages, { headers: noStore });
}
