// What the preview shows before anything is saved: how many rows create a contact, update one (and which fields
// change), are skipped as already in the register, are rejected (and why) and carry a suppressed address (refused, or
// admitted by the override), with the first rows of each kind. Reads the register only to compare update rows with
// their contact; the classification itself is validate-import-rows.ts's.
import type { DbOrTx } from "@/lib/db/client";
import type { PreviewRow } from "./classify-import-rows";
import { changedImportFields, loadImportUpdateTargets, type ImportUpdatableField } from "./import-changes";
import { resolveImportDefaults, type ResolvedImportValues } from "./resolve-import-defaults";
import type { ImportPreview } from "./validate-import-rows";
import type { RowError } from "./read-import-row";

export type PreviewKind = "create" | "update" | "skip" | "rejected" | "suppressed";

export type ImportPreviewSummary = {
  /** Disjoint: suppressed counts the refused ones; overridden ones count as create and again under overridden. */
  counts: Record<PreviewKind | "overridden", number>;
  create: ({ rowNumber: number; email: string; name: string; overridden: boolean } & ResolvedImportValues)[];
  update: { rowNumber: number; email: string; changes: ImportUpdatableField[] }[];
  skip: { rowNumber: number; email: string }[];
  rejected: { rowNumber: number; errors: RowError[] }[];
  /** Suppressed addresses: refused, or named in the override and admitted (those also count as create). */
  suppressed: ({ rowNumber: number; email: string; overridden: boolean } & Required<Pick<PreviewRow, "suppression">>)[];
  /** New contacts the retention job deleted before: created if imported, shown so that is a decision. */
  reregistered: { total: number; rows: { rowNumber: number; email: string; deletedOn: string }[] };
};

/** A row refused because its address is suppressed, as opposed to one refused for its own content. */
export const isSuppressedRow = (r: Pick<PreviewRow, "errors">) => r.errors.some((e) => e.code === "suppressed");

export async function summariseImportPreview(opts: {
  db: DbOrTx;
  preview: ImportPreview;
  /** How many rows of each kind to show. */
  sample: number;
}): Promise<ImportPreviewSummary> {
  const { rows, options } = opts.preview;
  const of = (f: (r: PreviewRow) => boolean) => rows.filter(f);
  const creates = of((r) => r.status === "create");
  const updates = of((r) => r.status === "update");
  const skips = of((r) => r.status === "skip");
  const rejected = of((r) => r.status === "invalid" && !isSuppressedRow(r));
  const suppressed = of((r) => r.suppression !== undefined);
  const first = <T>(list: T[]) => list.slice(0, opts.sample);

  const shownUpdates = first(updates);
  const current = await loadImportUpdateTargets(
    opts.db,
    shownUpdates.map((r) => r.contactId!),
  );
  return {
    counts: {
      create: creates.length,
      update: updates.length,
      skip: skips.length,
      rejected: rejected.length,
      suppressed: suppressed.filter((r) => !r.suppression!.overridden).length,
      overridden: suppressed.filter((r) => r.suppression!.overridden).length,
    },
    create: first(creates).map((r) => ({
      rowNumber: r.rowNumber,
      email: r.record!.email,
      name: r.record!.name ?? "",
      overridden: r.suppression?.overridden === true,
      ...resolveImportDefaults(r.record!, options),
    })),
    update: shownUpdates.map((r) => {
      const contact = current.get(r.contactId!);
      return {
        rowNumber: r.rowNumber,
        email: r.record!.email,
        changes: contact ? changedImportFields(r.record!, contact) : [],
      };
    }),
    skip: first(skips).map((r) => ({ rowNumber: r.rowNumber, email: r.record!.email })),
    rejected: first(rejected).map((r) => ({ rowNumber: r.rowNumber, errors: r.errors })),
    reregistered: {
      total: creates.filter((r) => r.retentionDeletedOn).length,
      rows: first(creates.filter((r) => r.retentionDeletedOn)).map((r) => ({
        rowNumber: r.rowNumber,
        email: r.record!.email,
        deletedOn: r.retentionDeletedOn!,
      })),
    },
    suppressed: first(suppressed).map((r) => ({
      rowNumber: r.rowNumber,
      email: r.record!.email,
      overridden: r.suppression!.overridden,
      suppression: r.suppression!,
    })),
  };
}
