// The texts lib/audit/describe-audit-action.ts needs to describe an audit action, from the catalogue. Action names
// contain dots ("contact.viewed"), which next-intl reads as nesting: the catalogue keeps them nested, and this puts
// the dotted names back together.
import type { ActionTexts } from "@/lib/audit/describe-audit-action";
import type { Language } from "./languages";
import { textsAt } from "./texts-at";
import { translatorFor } from "./translator";

export function auditActionTexts(lang: Language): ActionTexts {
  const prefixes = textsAt(lang, "accountability.audit.actionPrefixes");
  return {
    actions: textsAt(lang, "accountability.audit.actions"),
    actionPrefixes: Object.fromEntries(Object.entries(prefixes).map(([family, text]) => [`${family}.`, text])),
    rawAction: translatorFor(lang)("accountability.audit.rawAction"),
  };
}
