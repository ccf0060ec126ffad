// Organisations as options of a filter picker (the segment editor): those a saved filter already names, then the first
// ones by name, so a chosen organisation is never dropped from the form. Names only; nothing personal.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

export type OrganisationOption = { id: string; name: string };

export async function listOrganisationOptions(opts: {
  db: DbOrTx;
  take: number;
  /** Ids already chosen, always included. */
  include?: string[];
}): Promise<OrganisationOption[]> {
  const first = await opts.db.organisation.findMany({
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: opts.take,
  });
  const missing = (opts.include ?? []).filter((id) => !first.some((o) => o.id === id));
  const extra = missing.length
    ? await opts.db.organisation.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })
    : [];
  return [...extra, ...first];
}
