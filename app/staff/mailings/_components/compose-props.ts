// The options the compose form needs, built once for the new and edit pages. The form translates itself with the
// parts of the catalogue in COMPOSE_FORM_MESSAGES.
import "server-only";
import type { Language } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import { defaultSender } from "@/lib/mail/default-sender";
import { MAILING_TEMPLATES } from "@/lib/mailings/render-mailing";
import { dateToStockholmLocal } from "@/lib/mailings/stockholm-time";

type Targets = {
  topics: { id: string; nameSv: string; nameEn: string }[];
  segments: { id: string; name: string }[];
};

export function composeProps(lang: Language, targets: Targets) {
  const m = translatorFor(lang);
  return {
    /** Who the mailing comes from when it names no sender, shown in the sender field's hint. */
    defaultSender: defaultSender(),
    /** The deployment's languages (policy file): a subject and body for each, and nothing for the others. */
    languages: offeredLanguages(),
    topics: [
      { value: "", label: m("mailings.form.chooseTopic") },
      ...targets.topics.map((topic) => ({ value: topic.id, label: lang === "sv" ? topic.nameSv : topic.nameEn })),
    ],
    segments: [
      { value: "", label: m("mailings.form.chooseSegment") },
      ...targets.segments.map((s) => ({ value: s.id, label: s.name })),
    ],
    templates: [
      { value: "", label: m("mailings.form.templateMarkdown") },
      ...MAILING_TEMPLATES.map((tpl) => ({ value: tpl.key, label: tpl.name[lang] })),
    ],
  };
}

/** What the compose form and its preview and confirmation dialogs translate on the client. */
export const COMPOSE_FORM_MESSAGES = ["mailings.form", "mailings.timeZoneNote", "mailings.preview", "mailings.confirm"];

/** The form's values for a stored mailing (every field a string, as the form sends them back). */
export function mailingValues(m: {
  name: string;
  topicId: string;
  segmentId: string;
  fromName: string | null;
  replyTo: string | null;
  subjectSv: string;
  subjectEn: string;
  preheaderSv: string | null;
  preheaderEn: string | null;
  bodySv: string;
  bodyEn: string;
  template: string | null;
  scheduledAt: Date | null;
}): Record<string, string> {
  return {
    name: m.name,
    topicId: m.topicId,
    segmentId: m.segmentId,
    fromName: m.fromName ?? "",
    replyTo: m.replyTo ?? "",
    subjectSv: m.subjectSv,
    subjectEn: m.subjectEn,
    preheaderSv: m.preheaderSv ?? "",
    preheaderEn: m.preheaderEn ?? "",
    bodySv: m.bodySv,
    bodyEn: m.bodyEn,
    template: m.template ?? "",
    sendAt: m.scheduledAt ? dateToStockholmLocal(m.scheduledAt) : "",
  };
}
