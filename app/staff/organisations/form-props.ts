// The options the organisation form needs (its texts come from the catalogue through ORGANISATION_FORM_MESSAGES), built once for the new and edit pages.
import "server-only";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/translator";
import { RELATIONSHIPS } from "@/lib/enums";

export function organisationFormProps(
  lang: Language,
  staff: StaffPrincipal,
  managers: { id: string; name: string | null; email: string }[],
) {
  const t = translatorFor(lang);
  // An account manager can only pick themselves (permissions.ts refuses anything else).
  const choosable = can(staff, "organisations.write", { organisation: { accountManagerId: null } })
    ? managers
    : managers.filter((m) => m.id === staff.id);
  return {
    relationships: RELATIONSHIPS.map((r) => ({ value: r, label: t(`enums.relationship.label.${r}`) })),
    managers: [
      ...(choosable.length === managers.length
        ? [{ value: "", label: t("register.organisations.noAccountManager") }]
        : []),
      ...choosable.map((m) => ({ value: m.id, label: m.name ?? m.email })),
    ],
  };
}

/** The parts of the catalogue the organisation form translates itself. */
export const ORGANISATION_FORM_MESSAGES = ["register.organisations", "register.common.save"];
