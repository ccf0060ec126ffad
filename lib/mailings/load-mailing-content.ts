// A mailing's content for one language, as the renderer takes it, with the topic's name in that language.
import "server-only";
import type { Mailing, Topic } from "@/lib/generated/prisma/client";
import type { MailingContent, MailingLanguage } from "./render-mailing";

export function mailingContent(
  mailing: Pick<Mailing, "subjectSv" | "subjectEn" | "preheaderSv" | "preheaderEn" | "bodySv" | "bodyEn" | "template">,
  topic: Pick<Topic, "nameSv" | "nameEn"> & Partial<Pick<Topic, "isRequired">>,
  language: MailingLanguage,
): MailingContent {
  const sv = language === "sv";
  return {
    language,
    subject: sv ? mailing.subjectSv : mailing.subjectEn,
    preheader: sv ? mailing.preheaderSv : mailing.preheaderEn,
    bodyMarkdown: sv ? mailing.bodySv : mailing.bodyEn,
    template: mailing.template,
    topicName: sv ? topic.nameSv : topic.nameEn,
    required: topic.isRequired ?? false,
  };
}
