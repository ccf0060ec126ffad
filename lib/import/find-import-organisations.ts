// The register's organisations that import rows name, by number, else by name (case-insensitive; the oldest wins
// when several share a name). Used by the classification (who may import into them) and by the import itself (which
// organisation a row's role goes to), so both resolve a row to the same organisation.
import type { DbOrTx } from "@/lib/db/client";
import type { ImportRecord } from "./read-import-row";

export type ImportOrganisation = { id: string; accountManagerId: string | null };

export const orgKey = (r: ImportRecord): string | null =>
  r.orgNumber ? `nr:${r.orgNumber}` : r.organisationName ? `name:${r.organisationName.toLowerCase()}` : null;

export async function findImportOrganisations(
  db: DbOrTx,
  records: ImportRecord[],
): Promise<Map<string, ImportOrganisation>> {
  const numbers = new Set<string>();
  const names = new Set<string>();
  for (const r of records) {
    if (r.orgNumber) numbers.add(r.orgNumber);
    else if (r.organisationName) names.add(r.organisationName.toLowerCase());
  }
  const byKey = new Map<string, ImportOrganisation>();
  if (numbers.size === 0 && names.size === 0) return byKey;
  const found = await db.$queryRawUnsafe<
    { id: string; orgNumber: string | null; lname: string; accountManagerId: string | null }[]
  >(
    `SELECT id, "orgNumber", lower(name) AS lname, "accountManagerId" FROM "Organisation"
     WHERE "orgNumber" = ANY($1::text[]) OR lower(name) = ANY($2::text[]) ORDER BY "createdAt", id`,
    [...numbers],
    [...names],
  );
  for (const o of found) {
    const org = { id: o.id, accountManagerId: o.accountManagerId };
    if (o.orgNumber) byKey.set(`nr:${o.orgNumber}`, org);
    if (!byKey.has(`name:${o.lname}`)) byKey.set(`name:${o.lname}`, org);
  }
  return byKey;
}
