// The texts lib/audit/describe-audit-action.ts needs to describe an audit action, from the catalogue. Action names
// contain dots ("contact.viewed"), which next-intl reads as nesting: the catalogue keeps them nested, and this puts
// the dotted names back together.
import type { AuditAction } from "@/lib/audit/audit-actions";
import type { AuditField } from "@/lib/audit/audit-fields";
import type { ActionTexts } from "@/lib/audit/describe-audit-action";
import type { Messages } from "./catalogue";
import type { Language } from "./languages";
import { textsAt } from "./texts-at";
import { translatorFor } from "./translator";

export function auditActionTexts(lang: Language): ActionTexts {
  const prefixes = textsAt(lang, "accountability.audit.actionPrefixes");
  return {
    actions: textsAt(lang, "accountability.audit.actions"),
    actionPrefixes: Object.fromEntries(Object.entries(prefixes).map(([family, text]) => [`${family}.`, text])),
    rawAction: translatorFor(lang)("accountability.audit.rawAction"),
    fields: textsAt(lang, "enums.auditField"),
  };
}

// Every action recordAuditEvent accepts has its label: a missing one makes this line a compile error naming it.
type ActionLabels = Messages["accountability"]["audit"]["actions"];
type Unlabelled = {
  [A in AuditAction]: A extends `${infer F}.${infer R}`
    ? F extends keyof ActionLabels
      ? R extends keyof ActionLabels[F]
        ? never
        : A
      : A
    : A;
}[AuditAction];
export const EVERY_AUDIT_ACTION_LABELLED: [Unlabelled] extends [never] ? true : Unlabelled = true;

// Every field name in lib/audit/audit-fields.ts has its label.
type FieldLabels = Messages["enums"]["auditField"];
type UnlabelledField = Exclude<Exclude<AuditField, "*">, keyof FieldLabels>;
export const EVERY_AUDIT_FIELD_LABELLED: [UnlabelledField] extends [never] ? true : UnlabelledField = true;
