// GET /api/v1/contacts/{id}: the contact's fields, roles and subscriptions (READ keys).
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { apiError, isoDate, json, validationFailed, withApiKey, type ApiHandlerOptions } from "./respond";
import { contactIdParamSchema, type ContactResponse } from "./schemas";

/** What a contact response reads: the row, its roles with their organisations, its subscriptions with topic keys. */
export const API_CONTACT_INCLUDE = {
  roles: { include: { organisation: { select: { id: true, name: true } } }, orderBy: { startsOn: "asc" } },
  subscriptions: { include: { topic: { select: { key: true, isMarketing: true } } } },
} satisfies Prisma.ContactInclude;

export async function loadApiContact(db: DbOrTx, id: string): Promise<ContactResponse | null> {
  const c = await db.contact.findUnique({ where: { id }, include: API_CONTACT_INCLUDE });
  return c ? toApiContact(c) : null;
}

export function toApiContact(c: Prisma.ContactGetPayload<{ include: typeof API_CONTACT_INCLUDE }>): ContactResponse {
  return {
    id: c.id,
    email: c.email,
    name: c.name,
    phone: c.phone,
    jobTitle: c.jobTitle,
    language: c.language,
    category: c.category,
    source: { type: c.sourceType, detail: c.sourceDetail, date: isoDate(c.sourceDate) },
    marketingOptOutAt: c.marketingOptOutAt?.toISOString() ?? null,
    marketingPausedUntil: c.marketingPausedUntil?.toISOString() ?? null,
    crmId: c.crmId,
    supportDeskId: c.supportDeskId,
    roles: c.roles.map((r) => ({
      id: r.id,
      organisation: r.organisation,
      type: r.type,
      title: r.title,
      startsOn: isoDate(r.startsOn) ?? "",
      endsOn: isoDate(r.endsOn),
    })),
    subscriptions: c.subscriptions
      .map((s) => ({
        topic: s.topic.key,
        isMarketing: s.topic.isMarketing,
        state: s.state,
        source: s.source,
        changedAt: s.changedAt.toISOString(),
      }))
      .sort((a, b) => a.topic.localeCompare(b.topic)),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function handleGetContact(opts: ApiHandlerOptions & { id: string }): Promise<Response> {
  return withApiKey(opts, "READ", async () => {
    const id = contactIdParamSchema.safeParse(opts.id);
    if (!id.success) return validationFailed(id.error);
    const contact = await loadApiContact(opts.db, id.data);
    return contact ? json(contact) : apiError("not_found");
  });
}
