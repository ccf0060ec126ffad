// What the new and edit topic pages hand to the form: options and texts in the staff member's language.
import "server-only";
import type { Messages } from "@/lib/i18n/messages";
import type { Language } from "@/lib/i18n/languages";
import { PURPOSES } from "@/lib/policy/purposes";
import { CATEGORIES } from "@/lib/enums";

export function topicFormProps(t: Messages, lang: Language) {
  const f = t.segments.topics.fields;
  return {
    purposes: PURPOSES.map((p) => ({ value: p.key, label: p.name[lang] })),
    categories: CATEGORIES.map((c) => ({ value: c, label: t.register.category[c] })),
    texts: { ...f, save: t.segments.topics.save },
  };
}
