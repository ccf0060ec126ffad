// The one schema of a mailing draft, shared by the compose form (field names, error codes), the preview and
// save-mailing-draft.ts. A draft may be incomplete (empty subjects or bodies); start-mailing.ts refuses to send one.
// Error messages are codes; the pages show them in the staff member's language (lib/i18n/messages/<lang>/mailings.json).
import { z } from "zod";
import { MAILING_TEMPLATES } from "./render-mailing";

export const MAILING_TEXT_MAX = 200;
/** Markdown bodies are stored and rendered whole; 100 KB is far beyond any real mailing. */
export const MAILING_BODY_MAX_BYTES = 100 * 1024;

const blankToNull = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v;
const blankToEmpty = (v: unknown) => (v === undefined || v === null ? "" : v);

// Subjects, preheaders and the sender's name end up in mail headers: a line break would inject a header.
const NO_LINE_BREAKS = /^[^\r\n]*$/;

const headerText = (tooLong: string, invalid: string) =>
  z.preprocess(
    blankToEmpty,
    z
      .string({ error: invalid })
      .trim()
      .max(MAILING_TEXT_MAX, { error: tooLong })
      .regex(NO_LINE_BREAKS, { error: invalid }),
  );

const optionalHeaderText = (tooLong: string, invalid: string) =>
  z.preprocess(
    blankToNull,
    z
      .string({ error: invalid })
      .trim()
      .max(MAILING_TEXT_MAX, { error: tooLong })
      .regex(NO_LINE_BREAKS, { error: invalid })
      .nullable(),
  );

const body = z.preprocess(
  blankToEmpty,
  z
    .string({ error: "body_invalid" })
    .refine((v) => new TextEncoder().encode(v).length <= MAILING_BODY_MAX_BYTES, { error: "body_too_long" }),
);

const id = (required: string) => z.string({ error: required }).trim().min(1, { error: required }).max(64);

export const mailingDraftSchema = z.object({
  name: z
    .string({ error: "name_required" })
    .trim()
    .min(1, { error: "name_required" })
    .max(MAILING_TEXT_MAX, { error: "name_too_long" }),
  topicId: id("topic_required"),
  segmentId: id("segment_required"),
  // A display name only: the address is always the default sender's (MAIL_FROM or the policy file's brand.sender).
  fromName: z.preprocess(
    blankToNull,
    z
      .string({ error: "from_name_invalid" })
      .trim()
      .max(100, { error: "from_name_too_long" })
      .regex(/^[^\r\n<>"]*$/, { error: "from_name_invalid" })
      .nullable(),
  ),
  replyTo: z.preprocess(
    blankToNull,
    z
      .string({ error: "reply_to_invalid" })
      .trim()
      .toLowerCase()
      .max(254, { error: "reply_to_invalid" })
      .pipe(z.email({ error: "reply_to_invalid" }))
      .nullable(),
  ),
  subjectSv: headerText("subject_too_long", "subject_invalid"),
  subjectEn: headerText("subject_too_long", "subject_invalid"),
  preheaderSv: optionalHeaderText("preheader_too_long", "preheader_invalid"),
  preheaderEn: optionalHeaderText("preheader_too_long", "preheader_invalid"),
  bodySv: body,
  bodyEn: body,
  // null: the Markdown bodies; otherwise a react-email template from emails/ (the bodies are then ignored).
  template: z.preprocess(
    blankToNull,
    z
      .string({ error: "template_invalid" })
      .refine((key) => MAILING_TEMPLATES.some((t) => t.key === key), { error: "template_invalid" })
      .nullable(),
  ),
});

export type MailingDraft = z.output<typeof mailingDraftSchema>;

export const MAILING_DRAFT_FIELDS = [
  "name",
  "topicId",
  "segmentId",
  "fromName",
  "replyTo",
  "subjectSv",
  "subjectEn",
  "preheaderSv",
  "preheaderEn",
  "bodySv",
  "bodyEn",
  "template",
] as const satisfies readonly (keyof MailingDraft)[];

/** What the live preview needs: the content fields, without name, topic, segment or sender. */
export const mailingPreviewSchema = mailingDraftSchema.pick({
  subjectSv: true,
  subjectEn: true,
  preheaderSv: true,
  preheaderEn: true,
  bodySv: true,
  bodyEn: true,
  template: true,
});
