// What the new and edit topic pages hand to the form: options in the staff member's language (the form's own texts
// come from the catalogue through TOPIC_FORM_MESSAGES).
import "server-only";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/translator";
import { PURPOSES } from "@/lib/policy/purposes";
import { CATEGORIES } from "@/lib/enums";

export function topicFormProps(lang: Language) {
  const t = translatorFor(lang);
  return {
    purposes: PURPOSES.map((p) => ({ value: p.key, label: t(`enums.purpose.${p.key}.name`) })),
    categories: CATEGORIES.map((c) => ({ value: c, label: t(`enums.contactCategory.label.${c}`) })),
  };
}

export const TOPIC_FORM_MESSAGES = ["segments.topics.fields", "segments.topics.save"];
