// The choices of the incident forms in the reader's language: the closed list of data categories, the policy file's
// categories of people (with the file's names), the risk levels.
import "server-only";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/translator";
import { INCIDENT_DATA_CATEGORIES } from "@/lib/incidents/incident-schema";
import { getPolicy } from "@/lib/policy/current-policy";
import { categoryOptions } from "@/lib/policy/policy-labels";
import type { IncidentOptions } from "./incident-fields";

export function incidentOptions(lang: Language): IncidentOptions {
  const t = translatorFor(lang);
  return {
    dataCategories: INCIDENT_DATA_CATEGORIES.map((c) => ({
      value: c,
      label: t(`accountability.incidents.data.${c}`),
    })),
    peopleCategories: categoryOptions(getPolicy(), lang),
    risks: (["NO_RISK", "RISK", "HIGH_RISK"] as const).map((r) => ({ value: r, label: t(`enums.incidentRisk.${r}`) })),
  };
}
