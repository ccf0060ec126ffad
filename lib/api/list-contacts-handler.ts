// GET /api/v1/contacts?updatedSince=&cursor=&limit=: contacts whose own fields changed since a time (or every contact,
// without updatedSince), oldest change first, in keyset pages by (updatedAt, id), for a CRM's first load and its
// periodic reconciliation (READ keys). A subscription or role change does not move a contact's updatedAt: the changes
// feed (/changes) has those, and erasures, in order.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/pagination/keyset-cursor";
import { API_CONTACT_INCLUDE, toApiContact } from "./get-contact-handler";
import { apiError, json, validationFailed, withApiKey, type ApiHandlerOptions } from "./respond";
import { listContactsQuerySchema, type ContactListResponse } from "./schemas";

export async function handleListContacts(opts: ApiHandlerOptions): Promise<Response> {
  return withApiKey(opts, "READ", async () => {
    const query = listContactsQuerySchema.safeParse(Object.fromEntries(new URL(opts.request.url).searchParams));
    if (!query.success) return validationFailed(query.error);
    const { updatedSince, cursor: rawCursor, limit } = query.data;
    const cursor = rawCursor === undefined ? null : decodeCursor(rawCursor, "date");
    if (rawCursor !== undefined && !cursor)
      return apiError("validation_failed", { fields: { cursor: ["cursor_invalid"] } });
    // Prisma stores DateTime as UTC timestamp without zone: compared as such. One index range on (updatedAt, id).
    const after = cursor
      ? Prisma.sql`("updatedAt", id) > (${(cursor.value as Date).toISOString()}::timestamp, ${cursor.id})`
      : updatedSince
        ? Prisma.sql`"updatedAt" >= ${new Date(updatedSince).toISOString()}::timestamp`
        : Prisma.sql`TRUE`;
    const ids = await opts.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Contact" WHERE ${after} ORDER BY "updatedAt", id LIMIT ${limit + 1}`;
    const page = ids.slice(0, limit).map((r) => r.id);
    const rows = await opts.db.contact.findMany({ where: { id: { in: page } }, include: API_CONTACT_INCLUDE });
    const byId = new Map(rows.map((c) => [c.id, c]));
    // A contact erased between the two reads is simply not in the page; the changes feed reports the erasure.
    const contacts = page.flatMap((id) => {
      const c = byId.get(id);
      return c ? [c] : [];
    });
    const last = contacts.at(-1);
    const body: ContactListResponse = {
      contacts: contacts.map(toApiContact),
      next: ids.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
    };
    return json(body);
  });
}
