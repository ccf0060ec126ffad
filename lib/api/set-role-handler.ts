// PUT /api/v1/contacts/{id}/roles: the contact's role at an organisation as the CRM has it, added, changed or ended
// (WRITE keys). 404 for an unknown contact, 422 for an organisation number the register does not hold.
import "server-only";
import { setRoleByApi } from "@/lib/roles/set-role-by-api";
import { json, parseBody, toApiError, validationFailed, withApiKey, type ApiHandlerOptions } from "./respond";
import { contactIdParamSchema, setRoleBodySchema } from "./schemas";

export async function handleSetRole(opts: ApiHandlerOptions & { id: string }): Promise<Response> {
  return withApiKey(opts, "WRITE", async (key) => {
    const id = contactIdParamSchema.safeParse(opts.id);
    if (!id.success) return validationFailed(id.error);
    const body = await parseBody(opts.request, setRoleBodySchema);
    if (!body.ok) return body.response;
    const r = await setRoleByApi({ db: opts.db, keyId: key.id, contactId: id.data, input: body.data, now: opts.now });
    if (!r.ok) return toApiError(r);
    return json({ roleId: r.roleId, created: r.created, changedFields: r.changed }, r.created ? 201 : 200);
  });
}
