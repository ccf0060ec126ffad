// PUT /api/v1/organisations: create or update an organisation by organisation number (WRITE keys).
import "server-only";
import { upsertOrganisationByApi } from "@/lib/organisations/upsert-organisation-by-api";
import { json, parseBody, withApiKey, type ApiHandlerOptions } from "./respond";
import { upsertOrganisationBodySchema } from "./schemas";

export async function handleUpsertOrganisation(opts: ApiHandlerOptions): Promise<Response> {
  return withApiKey(opts, "WRITE", async (key) => {
    const body = await parseBody(opts.request, upsertOrganisationBodySchema);
    if (!body.ok) return body.response;
    const r = await upsertOrganisationByApi({ db: opts.db, keyId: key.id, input: body.data, now: opts.now });
    return json({ id: r.id, created: r.created, changedFields: r.changed }, r.created ? 201 : 200);
  });
}
