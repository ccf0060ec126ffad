// POST /api/v1/privacy-requests: records a request that reached the organisation by email, phone or letter (WRITE
// keys). Status RECEIVED, due one month from receipt. A request about an address not in the register keeps only a
// non-personal reference (the start of the suppression hash), as erased contacts' requests do.
import "server-only";
import { recordPrivacyRequest } from "@/lib/privacy-requests/record-privacy-request";
import { hashAddress } from "@/lib/suppression/hash-address";
import { apiError, json, parseBody, withApiKey, type ApiHandlerOptions } from "./respond";
import { privacyRequestBodySchema } from "./schemas";

export async function handleRecordPrivacyRequest(
  opts: ApiHandlerOptions & { suppressionKey: string },
): Promise<Response> {
  return withApiKey(opts, "WRITE", async (key) => {
    const body = await parseBody(opts.request, privacyRequestBodySchema);
    if (!body.ok) return body.response;
    const input = body.data;
    const now = opts.now ?? new Date();
    const result = await opts.db.$transaction(async (tx) => {
      const contact = input.contactId
        ? await tx.contact.findUnique({ where: { id: input.contactId }, select: { id: true } })
        : await tx.contact.findUnique({ where: { email: input.email ?? "" }, select: { id: true } });
      if (input.contactId && !contact) return null;
      const subjectRef =
        !contact && input.email ? hashAddress(input.email, opts.suppressionKey).slice(0, 12) : undefined;
      const request = await recordPrivacyRequest(tx, {
        contactId: contact?.id ?? null,
        subjectRef,
        type: input.type,
        channel: input.channel,
        status: "RECEIVED",
        details: input.details,
        actor: { type: "API", id: key.id },
        now,
      });
      return tx.privacyRequest.findUniqueOrThrow({
        where: { id: request.id },
        select: { id: true, type: true, channel: true, status: true, contactId: true, receivedAt: true, dueAt: true },
      });
    });
    if (!result) return apiError("not_found");
    return json({ ...result, receivedAt: result.receivedAt.toISOString(), dueAt: result.dueAt.toISOString() }, 201);
  });
}
