// POST /api/v1/suppressions/check {email}: whether an address is suppressed, why and since when. Nothing else about
// the address is revealed (the list holds only keyed hashes anyway). POST so the address is not in URLs and logs.
import "server-only";
import { findSuppression } from "@/lib/suppression/find-suppression";
import { json, parseBody, withApiKey, type ApiHandlerOptions } from "./respond";
import { suppressionCheckBodySchema } from "./schemas";

export async function handleCheckSuppression(opts: ApiHandlerOptions & { suppressionKey: string }): Promise<Response> {
  return withApiKey(opts, "READ", async () => {
    const body = await parseBody(opts.request, suppressionCheckBodySchema);
    if (!body.ok) return body.response;
    const result = await findSuppression({ db: opts.db, email: body.data.email, key: opts.suppressionKey });
    return json({
      suppressed: result.suppressed,
      reasons: result.matches.map((m) => ({ reason: m.reason, scope: m.scope, since: m.since.toISOString() })),
    });
  });
}
