// The one schema for an import batch's settings: where the contacts came from, on what legal basis, and what to do
// with addresses already in the register or on the suppression list. Shared by the preview and the import.
import { z } from "zod";
import { ContactCategory, LegalBasis, Purpose } from "@/lib/generated/prisma/enums";

export const importOptionsSchema = z
  .object({
    /** For rows whose category cell is empty: the file's own category wins (resolve-import-defaults.ts). */
    category: z.enum(ContactCategory),
    sourceType: z.enum(["IMPORTED", "MET_AT_EVENT"]),
    /** The fair, the CRM, the file: how we got the data. */
    sourceDetail: z.string().trim().min(1, { error: "source_detail_required" }).max(200),
    sourceDate: z.iso.date({ error: "source_date_invalid" }).optional(),
    /** Per purpose, for every new contact; left out, each gets the policy's defaults for its own category. */
    legalBases: z
      .array(z.object({ purpose: z.enum(Purpose), basis: z.enum(LegalBasis) }))
      .min(1)
      .optional(),
    duplicates: z.enum(["skip", "update"]),
    /** For rows whose language cell is empty. */
    defaultLanguage: z.enum(["sv", "en"]).default("sv"),
    /**
     * Staff's deliberate decision to import addresses that have a suppression tombstone, row by row: the rows named
     * here (file row numbers, as the preview shows them), with the reason and the batch's new source, date and basis
     * ("met again at Cloud Summit 2026"). Every other suppressed row is refused with its reason, as creating a
     * contact by hand would refuse it (lib/suppression/check-address-admission.ts).
     */
    suppressionOverride: z
      .object({
        reason: z.string().trim().min(1, { error: "override_reason_required" }).max(500),
        rows: z
          .array(z.number().int().positive(), { error: "override_rows_required" })
          .min(1, { error: "override_rows_required" })
          .max(10_000),
      })
      .optional(),
  })
  // As for a contact created by hand over a tombstone: the new source needs its date.
  .refine((o) => !o.suppressionOverride || o.sourceDate, { error: "date_required", path: ["sourceDate"] });

export type ImportOptionsInput = z.input<typeof importOptionsSchema>;
export type ImportOptions = z.output<typeof importOptionsSchema>;
