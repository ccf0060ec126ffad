// The contact list as a spreadsheet: the rows staff selected, or every contact the list's filters match. The same
// fields the list shows (never a phone number or a note, so no role-dependent redaction), each code next to its
// words in the staff member's language. Streamed in keyset batches, so 1,000,000 rows never sit in memory. The
// export is audited before the first row leaves ("contacts.exported": the filter names, or the ids chosen, and the
// count), so a person can later be told who took a copy of their data.
import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/translator";
import { CSV_BOM, spreadsheetCsvLines } from "@/lib/csv/spreadsheet-csv";
import { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorCodes, invalid, type Forbidden, type Invalid } from "@/lib/result";
import { contactFromSql } from "./contact-list-sql";
import { CONTACT_FILTER_KEYS, contactRows } from "./list-contacts";

/** Rows read per query; the stream asks for the next batch only when the previous one is sent. */
const BATCH = 1000;
/** At most one page's worth of rows a person can tick, with room for a longer page later. */
export const MAX_SELECTED = 500;

const text = z.string().trim().max(200).optional();
export const contactExportSchema = z.object({
  ids: z.array(z.string().min(1).max(64)).max(MAX_SELECTED, "too_many").optional(),
  /** "selected": the ticked rows only, and none ticked is an error (never "everyone" by accident). */
  only: z.literal("selected").optional(),
  ...Object.fromEntries(CONTACT_FILTER_KEYS.map((k) => [k, text])),
}) as z.ZodType<{ ids?: string[]; only?: "selected" } & Partial<Record<(typeof CONTACT_FILTER_KEYS)[number], string>>>;

export type ExportContactsResult =
  { ok: true; filename: string; count: number; chunks: AsyncIterable<string> } | Forbidden | Invalid;

export async function exportContacts(opts: {
  db: Db;
  staff: StaffPrincipal;
  input: unknown;
  lang: Language;
  now?: Date;
}): Promise<ExportContactsResult> {
  if (!can(opts.staff, "contacts.export")) return { ok: false, code: "forbidden" };
  const parsed = contactExportSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const { ids, only, ...filter } = parsed.data;
  if (only === "selected" && !ids?.length) return invalid({ ids: "nothing_selected" });
  const now = opts.now ?? new Date();
  const selected = ids && ids.length > 0 ? [...new Set(ids)] : null;
  const from = selected ? Prisma.sql`FROM "Contact" c WHERE c.id = ANY(${selected})` : contactFromSql(filter);
  // Which filters were used, and with what (a search term may be a name: kept outside the hash, erasable).
  const filterNames = Object.fromEntries(CONTACT_FILTER_KEYS.filter((k) => filter[k]).map((k) => [k, filter[k]]));

  const count = await opts.db.$transaction(async (tx) => {
    const [counted] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n ${from}`;
    const n = counted?.n ?? 0;
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "contacts.exported",
        subject: { type: "ContactList", id: selected ? "selection" : "filter" },
        fields: [selected ? "id" : "filter"],
        personalValues: selected ? { count: n, contactIds: selected } : { count: n, filter: filterNames },
      },
      now,
    );
    return n;
  });
  return {
    ok: true,
    count,
    filename: `contacts-${now.toISOString().slice(0, 10)}.csv`,
    chunks: csvChunks(opts.db, from, opts.lang),
  };
}

async function* csvChunks(db: Db, from: Prisma.Sql, lang: Language): AsyncIterable<string> {
  const t = translatorFor(lang);
  yield (
    CSV_BOM +
    spreadsheetCsvLines([
      [
        "id",
        t("register.contacts.columns.name"),
        t("register.contacts.columns.email"),
        t("register.contacts.columns.organisation"),
        t("register.contacts.columns.category"),
        t("register.contacts.export.categoryCode"),
        t("register.contacts.columns.language"),
        t("register.contacts.export.optedOutAt"),
        t("register.contacts.columns.created"),
      ],
    ])
  );
  let after = Prisma.empty;
  for (;;) {
    // Ids in (name, id) order from the cursor on (the index on (name, id) serves the seek), then their rows.
    const ids = await db.$queryRaw<
      { id: string; name: string }[]
    >`SELECT c.id, c.name ${from} ${after} ORDER BY c.name, c.id LIMIT ${BATCH}`;
    const rows = await contactRows(
      db,
      ids.map((r) => r.id),
    );
    if (rows.length === 0) return;
    yield spreadsheetCsvLines(
      rows.map((c) => [
        c.id,
        c.name,
        c.email,
        [...new Set(c.roles.map((r) => r.organisation.name))].join(", "),
        t(`enums.contactCategory.label.${c.category}`),
        c.category,
        t(`register.languages.${c.language}`),
        c.marketingOptOutAt?.toISOString() ?? "",
        c.createdAt.toISOString(),
      ]),
    );
    if (ids.length < BATCH) return;
    const last = ids[ids.length - 1]!;
    after = Prisma.sql`AND (c.name, c.id) > (${last.name}, ${last.id})`;
  }
}
