// PUT /api/v1/contacts: create or update a contact by address (WRITE keys).
import "server-only";
import { upsertContact } from "@/lib/contacts/upsert-contact";
import { getPolicy } from "@/lib/policy/current-policy";
import { apiError, json, parseBody, toApiError, withApiKey, type ApiHandlerOptions } from "./respond";
import { upsertContactBodySchema } from "./schemas";

export async function handleUpsertContact(opts: ApiHandlerOptions & { suppressionKey: string }): Promise<Response> {
  return withApiKey(opts, "WRITE", async (key) => {
    const body = await parseBody(opts.request, upsertContactBodySchema);
    if (!body.ok) return body.response;
    // Only a category the deployment's policy defines: it gives the person's legal bases and deletion date.
    if (!getPolicy().categories[body.data.category])
      return apiError("validation_failed", { fields: { category: ["category_not_in_policy"] } });
    const result = await upsertContact({
      db: opts.db,
      input: body.data,
      actor: { type: "API", id: key.id },
      suppressionKey: opts.suppressionKey,
      now: opts.now,
    });
    if (!result.ok) return toApiError(result);
    return json(
      { id: result.id, created: result.created, changedFields: result.changedFields },
      result.created ? 201 : 200,
    );
  });
}
