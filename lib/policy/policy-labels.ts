// The names people see for the policy's categories and purposes, and the lists staff pick from, all from the
// deployment's policy file: a category or purpose the file does not define is not offered, and its name is the one
// the file gives. Names of keys the file no longer defines (a record collected under an earlier version) fall back to
// the message catalogue, so an old record still reads.
import type { ContactCategory, Purpose } from "@/lib/generated/prisma/enums";
import { CATEGORIES, PURPOSE_KEYS } from "@/lib/enums";
import { translatorFor } from "@/lib/i18n/translator";
import type { Language } from "@/lib/i18n/languages";
import type { Policy } from "./file/load-policy-file";

type PolicyText = Partial<Record<Language, string>>;

/** A text of the policy file in `lang`, or in the file's first language when the file does not offer `lang`. */
export function inPolicyLanguage(policy: Pick<Policy, "languages">, text: PolicyText, lang: Language): string {
  return text[lang] ?? text[policy.languages[0]!] ?? "";
}

/** The policy's categories, in the app's fixed order. */
export function policyCategories(policy: Pick<Policy, "categories">): ContactCategory[] {
  return CATEGORIES.filter((c) => policy.categories[c] !== undefined);
}

/** The policy's purposes, in the app's fixed order. */
export function policyPurposes(policy: Pick<Policy, "purposes">): Purpose[] {
  return PURPOSE_KEYS.filter((p) => policy.purposes[p] !== undefined);
}

export function categoryName(
  policy: Pick<Policy, "categories" | "languages">,
  category: ContactCategory,
  lang: Language,
): string {
  const defined = policy.categories[category];
  return defined
    ? inPolicyLanguage(policy, defined.name, lang)
    : translatorFor(lang)(`enums.contactCategory.label.${category}`);
}

export function purposeName(policy: Pick<Policy, "purposes" | "languages">, purpose: Purpose, lang: Language): string {
  const defined = policy.purposes[purpose];
  return defined ? inPolicyLanguage(policy, defined.name, lang) : translatorFor(lang)(`enums.purpose.${purpose}.name`);
}

export function purposeDescription(
  policy: Pick<Policy, "purposes" | "languages">,
  purpose: Purpose,
  lang: Language,
): string {
  const defined = policy.purposes[purpose];
  return defined
    ? inPolicyLanguage(policy, defined.description, lang)
    : translatorFor(lang)(`enums.purpose.${purpose}.description`);
}

/**
 * The options of a category picker: the policy's categories with the policy's names, plus `keep` (a record's current
 * category) when the policy no longer defines it, so that editing the record never changes it silently.
 */
export function categoryOptions(policy: Policy, lang: Language, keep?: ContactCategory) {
  const keys = policyCategories(policy);
  if (keep && !keys.includes(keep)) keys.push(keep);
  return keys.map((value) => ({ value, label: categoryName(policy, value, lang) }));
}

/** The options of a purpose picker. */
export function purposeOptions(policy: Policy, lang: Language) {
  return policyPurposes(policy).map((value) => ({ value, label: purposeName(policy, value, lang) }));
}
