// PUT /api/v1/contacts/{id}/subscriptions: a subscription change the person asked for through a connected system
// (WRITE keys). 404 for an unknown contact, 422 for an unknown topic, 409 (conflict) when it would subscribe a person
// who opted out of all marketing: only the person can take that back.
import "server-only";
import { changeSubscriptionByApi } from "@/lib/subscriptions/change-subscription-by-api";
import { apiError, json, parseBody, toApiError, validationFailed, withApiKey, type ApiHandlerOptions } from "./respond";
import { contactIdParamSchema, subscriptionChangeBodySchema } from "./schemas";

export async function handleChangeSubscription(opts: ApiHandlerOptions & { id: string }): Promise<Response> {
  return withApiKey(opts, "WRITE", async (key) => {
    const id = contactIdParamSchema.safeParse(opts.id);
    if (!id.success) return validationFailed(id.error);
    const body = await parseBody(opts.request, subscriptionChangeBodySchema);
    if (!body.ok) return body.response;
    const result = await changeSubscriptionByApi({
      db: opts.db,
      keyId: key.id,
      contactId: id.data,
      input: body.data,
      now: opts.now,
    });
    if (!result.ok)
      return result.code === "conflict" ? apiError("conflict", { reason: result.reason }) : toApiError(result);
    return json({ topic: result.topic, state: result.state, changed: result.changed });
  });
}
