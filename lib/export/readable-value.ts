// The words for a code in the person's own export, so the CSV reads "Legitimate interest" next to
// LEGITIMATE_INTEREST: each (section, field) that holds a code names the catalogue it is translated from; a code
// anywhere else (the values a change recorded) is looked up in the enum catalogues. A value with no words (a name, a
// date, free text) gets none; the code column stays as it is for machines.
import { describeAuditAction, describeAuditFields } from "@/lib/audit/describe-audit-action";
import { auditActionTexts } from "@/lib/i18n/audit-action-texts";
import type { Language } from "@/lib/i18n/languages";
import { textsAt } from "@/lib/i18n/texts-at";
import type { Purpose } from "@/lib/generated/prisma/enums";
import { PURPOSE_KEYS } from "@/lib/enums";
import { getPolicy } from "@/lib/policy/current-policy";
import { purposeName } from "@/lib/policy/policy-labels";
import { translatorFor } from "@/lib/i18n/translator";

/** section → field path (as the export writes it) → catalogue path whose keys are the codes. */
const CODES: Record<string, Record<string, string>> = {
  contact: { language: "register.languages", category: "enums.contactCategory.label" },
  source: { type: "enums.sourceType.label", staffRole: "enums.staffRole.label" },
  roles: { relationship: "enums.relationship.label", type: "enums.roleType.label" },
  purposes: { basis: "enums.legalBasis" },
  subscriptions: { state: "enums.subscriptionState", source: "enums.subscriptionSource" },
  subscriptionHistory: { state: "enums.subscriptionState", source: "enums.subscriptionSource" },
  changes: { "actor.type": "enums.auditActorType", "actor.staffRole": "enums.staffRole.label" },
  privacyRequests: { type: "enums.requestType", status: "enums.requestStatus.label" },
  leavingAnswers: { reason: "enums.leavingReason" },
  evidence: {
    subject: "enums.evidenceSubject",
    state: "enums.subscriptionState",
    legalBasis: "enums.legalBasis",
    channel: "enums.evidenceChannel",
    "actor.type": "enums.evidenceActor",
    "notice.kind": "enums.noticeKind",
    "notice.language": "register.languages",
  },
};

/** Where an unmapped code (inside a change's recorded values, say) is looked for, most specific first. */
const ANY_CODE = [
  "enums.contactCategory.label",
  "enums.sourceType.label",
  "enums.roleType.label",
  "enums.relationship.label",
  "enums.legalBasis",
  "enums.subscriptionState",
  "enums.subscriptionSource",
  "enums.requestType",
  "enums.requestStatus.label",
  "enums.requestChannel",
  "enums.suppressionReason.label",
  "enums.staffRole.label",
  "enums.auditActorType",
  "enums.leavingReason",
];
const CODE_SHAPE = /^[A-Z][A-Z_]+$/;

export function readableValueFor(lang: Language): (section: string, field: string, value: string) => string {
  const cache = new Map<string, Record<string, string>>();
  const texts = (at: string) => {
    let found = cache.get(at);
    if (!found) cache.set(at, (found = textsAt(lang, at as Parameters<typeof textsAt>[1])));
    return found;
  };
  const audit = auditActionTexts(lang);
  const before = translatorFor(lang)("myData.me.policy.before");
  return (section, field, value) => {
    // Collected before policy versions were recorded: the empty value says so in words.
    if (section === "policy" && field === "collectedUnder" && value === "") return before;
    if (value === "") return "";
    // The deployment's name for the purpose (its policy file), as on the person's page.
    if ((section === "purposes" || section === "evidence") && field === "purpose")
      return (PURPOSE_KEYS as readonly string[]).includes(value)
        ? purposeName(getPolicy(), value as Purpose, lang)
        : "";
    if (section === "changes" && field === "action") return describeAuditAction(value, audit).text;
    if (section === "changes" && /^fields\.\d+$/.test(field)) return describeAuditFields([value], audit);
    const at = CODES[section]?.[field];
    if (at) return texts(at)[value] ?? "";
    if (!CODE_SHAPE.test(value)) return "";
    for (const list of ANY_CODE) {
      const words = texts(list)[value];
      if (words) return words;
    }
    return "";
  };
}
