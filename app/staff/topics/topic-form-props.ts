// What the new and edit topic pages hand to the form: options in the staff member's language (the form's own texts
// come from the catalogue through TOPIC_FORM_MESSAGES). Purposes and categories are the deployment's policy file's,
// with its names; an edited topic keeps its purpose in the list even when the current policy no longer defines it,
// so saving the form never changes it silently.
import "server-only";
import type { Purpose } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/languages";
import { getPolicy } from "@/lib/policy/current-policy";
import { categoryOptions, purposeName, purposeOptions } from "@/lib/policy/policy-labels";

export function topicFormProps(lang: Language, current?: { purpose: Purpose }) {
  const policy = getPolicy();
  const purposes = purposeOptions(policy, lang);
  if (current && !purposes.some((p) => p.value === current.purpose))
    purposes.push({ value: current.purpose, label: purposeName(policy, current.purpose, lang) });
  return { purposes, categories: categoryOptions(policy, lang) };
}

export const TOPIC_FORM_MESSAGES = ["segments.topics.fields", "segments.topics.save"];
