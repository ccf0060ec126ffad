// A mailing is rendered once per language with placeholder slots, then personalised per recipient by substituting
// escaped values into the pre-split HTML and text. Rendering react-email per recipient costs milliseconds; this costs
// microseconds, which is what makes 100,000-recipient mailings cheap (bench/mailing.ts measures both paths).
import "server-only";
import { randomBytes } from "node:crypto";
import { createElement, type ReactElement } from "react";
import MailingEmail from "@/emails/mailing";
import MarkdownMailingEmail from "@/emails/markdown-mailing";
import RegistrationNoticeEmail from "@/emails/registration-notice";
import { translatorFor } from "@/lib/i18n/translator";
import { renderMail } from "@/lib/mail/render-mail";
import { REGISTRATION_NOTICE_TEMPLATE } from "@/lib/notices/registration-notice-template";

export type MailingLanguage = "sv" | "en";

/** Templates from emails/ a mailing may use instead of Markdown (null = Markdown in the shared layout). */
export const MAILING_TEMPLATES = [
  { key: "announcement", name: { sv: "Meddelande (rubrik och stycken)", en: "Announcement (heading and paragraphs)" } },
] as const satisfies readonly { key: string; name: { sv: string; en: string } }[];
export type MailingTemplateKey = (typeof MAILING_TEMPLATES)[number]["key"];

export type MailingContent = {
  language: MailingLanguage;
  subject: string;
  preheader?: string | null;
  bodyMarkdown: string;
  template?: string | null;
  topicName: string;
  /** A required notice (Topic.isRequired): no unsubscribe link, as no unsubscribe stops it. */
  required?: boolean;
};

/**
 * What differs between recipients. `name` can be used in subject and body as {{name}}. The registration notice's
 * template also has the person's category, purposes and deletion date (lib/notices/registration-notice-values.ts).
 */
export type RecipientValues = {
  name: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
  reason: string;
  category?: string;
  purposes?: string;
  deleteBy?: string;
};
const SLOTS = [
  "name",
  "preferencesUrl",
  "unsubscribeUrl",
  "reason",
  "category",
  "purposes",
  "deleteBy",
] as const satisfies readonly (keyof RecipientValues)[];

type Part = string | number; // literal text, or the index of a slot
export type CompiledMailing = { subject: Part[]; html: Part[]; text: Part[] };

/** Staff write Markdown, not HTML: raw tags are shown as text so a body can never inject markup into the mail. */
function escapeRawHtml(markdown: string): string {
  return markdown.replace(/</g, "&lt;");
}

function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function element(content: MailingContent, slot: (name: (typeof SLOTS)[number]) => string): ReactElement {
  const withName = (s: string) => s.replace(/\{\{\s*name\s*\}\}/g, slot("name"));
  const footer = {
    preferencesUrl: slot("preferencesUrl"),
    unsubscribeUrl: content.required ? "" : slot("unsubscribeUrl"),
    reason: slot("reason"),
    language: content.language,
  };
  const subject = withName(content.subject);
  const preview = content.preheader?.trim() || subject;
  if (content.template === REGISTRATION_NOTICE_TEMPLATE) {
    return createElement(RegistrationNoticeEmail, {
      ...footer,
      heading: subject,
      preview,
      category: slot("category"),
      purposes: slot("purposes"),
      deleteBy: slot("deleteBy"),
    });
  }
  if (content.template === "announcement") {
    return createElement(MailingEmail, {
      ...footer,
      heading: subject,
      paragraphs: paragraphs(withName(content.bodyMarkdown)),
      preview,
    });
  }
  return createElement(MarkdownMailingEmail, {
    ...footer,
    title: subject,
    preview,
    markdown: withName(escapeRawHtml(content.bodyMarkdown)),
  });
}

/**
 * The naive path, kept only so bench/mailing.ts can measure what compiling once saves: react-email renders the whole
 * mail for one recipient.
 */
export async function renderMailingFor(
  content: MailingContent,
  values: RecipientValues,
): Promise<{ subject: string; html: string; text: string }> {
  const { html, text } = await renderMail(element(content, (name) => values[name] ?? ""));
  return { subject: content.subject.replace(/\{\{\s*name\s*\}\}/g, values.name).replace(/[\r\n]+/g, " "), html, text };
}

/** Split `s` at every slot marker (markers are letters and digits only, so escaping and URL encoding keep them). */
function split(s: string, marker: RegExp): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of s.matchAll(marker)) {
    parts.push(s.slice(last, m.index));
    parts.push(Number(m[1]));
    last = m.index + m[0].length;
  }
  parts.push(s.slice(last));
  return parts;
}

export async function compileMailing(content: MailingContent): Promise<CompiledMailing> {
  const nonce = randomBytes(8).toString("hex");
  const slot = (name: (typeof SLOTS)[number]) => `zq${nonce}s${SLOTS.indexOf(name)}zq`;
  const { html, text } = await renderMail(element(content, slot));
  // Case-insensitive: the plain-text conversion upper-cases headings.
  const marker = new RegExp(`zq${nonce}s(\\d)zq`, "gi");
  return {
    subject: split(content.subject.replace(/\{\{\s*name\s*\}\}/g, slot("name")), marker),
    html: split(html, marker),
    text: split(text, marker),
  };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function fill(parts: Part[], values: string[]): string {
  let out = "";
  for (const p of parts) out += typeof p === "string" ? p : values[p];
  return out;
}

export function personalise(
  compiled: CompiledMailing,
  values: RecipientValues,
): { subject: string; html: string; text: string } {
  const raw = SLOTS.map((s) => values[s] ?? "");
  return {
    // A subject is a header, not HTML; line breaks are removed so a name cannot add headers.
    subject: fill(compiled.subject, raw).replace(/[\r\n]+/g, " "),
    html: fill(compiled.html, raw.map(escapeHtml)),
    text: fill(compiled.text, raw),
  };
}

/** Example recipient values for the compose page's preview. */
function previewValues(language: MailingLanguage, topic: string, required: boolean): RecipientValues {
  const t = translatorFor(language);
  return {
    name: "Anna Andersson",
    preferencesUrl: "#",
    unsubscribeUrl: required ? "" : "#",
    reason: required ? t("emails.mailingReason.required") : t("emails.mailingReason.preview", { topic }),
  };
}

/** The compose page's live preview, with example recipient values. */
export async function renderMailingPreview(
  content: MailingContent,
): Promise<{ subject: string; html: string; text: string }> {
  const compiled = await compileMailing(content);
  return personalise(compiled, previewValues(content.language, content.topicName, content.required ?? false));
}
