// GET /api/v1/changes?since=<ISO time>&cursor=<seq>&limit=: what changed, for mirroring opt-outs and erasures.
import "server-only";
import { listContactChanges } from "@/lib/contacts/list-contact-changes";
import { json, validationFailed, withApiKey, type ApiHandlerOptions } from "./respond";
import { changesQuerySchema, type ChangesResponse } from "./schemas";

export async function handleListChanges(opts: ApiHandlerOptions): Promise<Response> {
  return withApiKey(opts, "READ", async () => {
    const params = Object.fromEntries(new URL(opts.request.url).searchParams);
    const query = changesQuerySchema.safeParse(params);
    if (!query.success) return validationFailed(query.error);
    const result = await listContactChanges({
      db: opts.db,
      since: query.data.since ? new Date(query.data.since) : undefined,
      after: query.data.cursor !== undefined ? BigInt(query.data.cursor) : undefined,
      limit: query.data.limit,
    });
    const body: ChangesResponse = {
      changes: result.changes.map((c) => ({
        seq: c.seq.toString(),
        at: c.at.toISOString(),
        change: c.change,
        contactId: c.contactId,
        ...(c.fields ? { fields: c.fields } : {}),
        ...(c.privacyRequest ? { privacyRequest: c.privacyRequest } : {}),
      })),
      next: result.next?.toString() ?? null,
      hasMore: result.hasMore,
    };
    return json(body);
  });
}
