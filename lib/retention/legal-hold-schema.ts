// What the privacy officer enters to place a legal hold: on one contact (by address) or on an organisation (every
// contact with a role there), why, and until when. Field errors are codes the form turns into texts.
import { z } from "zod";
import { blankToNull } from "@/lib/validation/form-fields";

/** A hold is for a dispute or an audit, not a way round the policy: at most five years at a time, then renewed. */
export const MAX_HOLD_YEARS = 5;

export const placeLegalHoldSchema = z
  .object({
    target: z.enum(["contact", "organisation"], { error: "target_invalid" }),
    email: z.preprocess(blankToNull, z.string().trim().max(320).nullable()),
    organisationId: z.preprocess(blankToNull, z.string().max(64).nullable()),
    reason: z
      .string({ error: "reason_required" })
      .trim()
      .min(3, { error: "reason_required" })
      .max(500, { error: "reason_too_long" }),
    endsOn: z.iso.date({ error: "ends_on_invalid" }),
  })
  .superRefine((v, ctx) => {
    if (v.target === "contact" && !v.email)
      ctx.addIssue({ code: "custom", path: ["email"], message: "email_required" });
    if (v.target === "organisation" && !v.organisationId)
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "organisation_required" });
  });

export type PlaceLegalHoldInput = z.infer<typeof placeLegalHoldSchema>;
