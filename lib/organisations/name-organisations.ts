// Names the organisations a form already holds (a saved segment's filter, a filter in the URL), for the pickers that
// search the rest (lib/organisations/search-organisations.ts). Names and numbers only; nothing personal.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

export type NamedOrganisation = { id: string; name: string; orgNumber: string | null };

export async function nameOrganisations(opts: { db: DbOrTx; ids: readonly string[] }): Promise<NamedOrganisation[]> {
  if (opts.ids.length === 0) return [];
  const rows = await opts.db.organisation.findMany({
    where: { id: { in: [...opts.ids] } },
    select: { id: true, name: true, orgNumber: true },
  });
  // In the order the form holds them, so the picker shows them as chosen.
  return opts.ids.flatMap((id) => rows.filter((r) => r.id === id));
}
