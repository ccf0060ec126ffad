// The one input schema of "Why are you leaving?" (the survey shown after an unsubscribe on the preference page),
// shared by the form (field names, the text's limit) and the use-case (parsing). Messages are codes; the page words
// them per field in the reader's language (linkPages.leaving.errors).
import { z } from "zod";
import { optionalText } from "@/lib/validation/form-fields";
import { LEAVING_REASONS, LEAVING_TEXT_MAX } from "./leaving-reasons";

export { LEAVING_REASONS, LEAVING_TEXT_MAX };

export const leavingSurveyInput = z.object({
  // The unsubscribe being answered, as the page's answer to the unsubscribe gave it (checked against the register).
  unsubscribedAt: z.iso.datetime({ error: "unsubscribe_unknown" }).transform((v) => new Date(v)),
  // The topic left; blank for "unsubscribe from all marketing".
  topicId: z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : v),
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "unsubscribe_unknown" })
      .nullable(),
  ),
  reason: z.enum(LEAVING_REASONS, { error: "reason_required" }),
  text: optionalText(LEAVING_TEXT_MAX, "text_too_long"),
});

export type LeavingSurveyInput = z.input<typeof leavingSurveyInput>;
