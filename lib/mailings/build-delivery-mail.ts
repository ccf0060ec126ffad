// One recipient's mail of a mailing: personalised content, the two RFC 8058 headers bound to the mailing's topic, the
// footer's preference link, why they get it, and the mailing's tag. Used by the workers and by "send a test to me".
import "server-only";
import { buildUnsubscribeHeaders } from "@/lib/mail/build-unsubscribe-headers";
import type { BatchMailMessage } from "@/lib/mail/types";
import { translatorFor } from "@/lib/i18n/translator";
import type { MailingLanguage, RecipientValues } from "./render-mailing";

/** Turns one recipient's values into subject, HTML and text: `personalise` on a compiled mailing, normally. */
export type RenderFor = (
  values: RecipientValues,
) => { subject: string; html: string; text: string } | Promise<{ subject: string; html: string; text: string }>;

export type DeliveryRecipient = {
  email: string;
  name: string;
  language: MailingLanguage;
  /** The organisation of a current role, for the "why you get this" line. */
  organisation: string | null;
};

export function recipientReason(language: MailingLanguage, topicName: string, organisation: string | null): string {
  const t = translatorFor(language);
  return organisation
    ? t("emails.mailingReason.subscriberAtOrganisation", { topic: topicName, organisation })
    : t("emails.mailingReason.subscriber", { topic: topicName });
}

/** "Name <address>" with the configured address and the mailing's display name (quotes and brackets removed). */
export function senderFor(mailFrom: string, fromName: string | null | undefined): string | undefined {
  if (!fromName?.trim()) return undefined;
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const display = fromName.replace(/["<>\\\r\n]/g, "").trim();
  return display ? `"${display}" <${address}>` : undefined;
}

export async function buildDeliveryMail(opts: {
  render: RenderFor;
  recipient: DeliveryRecipient;
  topicName: string;
  mailingId: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
  from?: string;
  replyTo?: string | null;
  /** A required notice (Topic.isRequired): its own reason line, and no List-Unsubscribe headers (nothing stops it). */
  required?: boolean;
  /** The registration notice's values for this recipient (lib/notices/registration-notice-values.ts). */
  extra?: Pick<RecipientValues, "category" | "purposes" | "deleteBy">;
}): Promise<BatchMailMessage> {
  const { recipient } = opts;
  const content = await opts.render({
    name: recipient.name,
    preferencesUrl: opts.preferencesUrl,
    unsubscribeUrl: opts.required ? "" : opts.unsubscribeUrl,
    reason: opts.required
      ? translatorFor(recipient.language)("emails.mailingReason.required")
      : recipientReason(recipient.language, opts.topicName, recipient.organisation),
    ...opts.extra,
  });
  return {
    to: recipient.email,
    from: opts.from,
    ...(opts.replyTo ? { replyTo: opts.replyTo } : {}),
    subject: content.subject,
    html: content.html,
    text: content.text,
    headers: opts.required ? {} : buildUnsubscribeHeaders(opts.unsubscribeUrl),
    tags: [{ name: "mailing", value: opts.mailingId }],
  };
}
