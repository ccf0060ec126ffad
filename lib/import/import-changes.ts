// What an import row changes on a contact already in the register: only the fields the file gives a value for and
// that differ from the register. The batch's defaults never apply here (they are for new contacts), and an import
// does not change a contact's category (that changes its legal bases and subscriptions: the contact's own page does
// it). Shared by the preview, which lists the fields, and the import, which writes them, so the two cannot disagree.
import type { DbOrTx } from "@/lib/db/client";
import type { Language } from "@/lib/generated/prisma/enums";
import type { ImportRecord } from "./read-import-row";

export const IMPORT_UPDATABLE_FIELDS = ["name", "phone", "jobTitle", "language"] as const;
export type ImportUpdatableField = (typeof IMPORT_UPDATABLE_FIELDS)[number];

export type ImportUpdateTarget = {
  id: string;
  name: string;
  phone: string | null;
  jobTitle: string | null;
  language: Language;
};

const CHUNK = 5000;

export async function loadImportUpdateTargets(db: DbOrTx, ids: string[]): Promise<Map<string, ImportUpdateTarget>> {
  const byId = new Map<string, ImportUpdateTarget>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const found = await db.contact.findMany({
      where: { id: { in: ids.slice(i, i + CHUNK) } },
      select: { id: true, name: true, phone: true, jobTitle: true, language: true },
    });
    for (const c of found) byId.set(c.id, c);
  }
  return byId;
}

export function changedImportFields(record: ImportRecord, current: ImportUpdateTarget): ImportUpdatableField[] {
  return IMPORT_UPDATABLE_FIELDS.filter((f) => record[f] !== null && record[f] !== current[f]);
}
