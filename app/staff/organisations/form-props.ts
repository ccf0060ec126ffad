// The options and texts the organisation form needs, built once for the new and edit pages.
import "server-only";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Messages } from "@/lib/i18n/messages";
import { RELATIONSHIPS } from "@/lib/enums";

export function organisationFormProps(
  t: Messages,
  staff: StaffPrincipal,
  managers: { id: string; name: string | null; email: string }[],
) {
  const o = t.register.organisations;
  // An account manager can only pick themselves (permissions.ts refuses anything else).
  const choosable = can(staff, "organisations.write", { organisation: { accountManagerId: null } })
    ? managers
    : managers.filter((m) => m.id === staff.id);
  return {
    relationships: RELATIONSHIPS.map((r) => ({ value: r, label: t.register.relationship[r] })),
    managers: [
      ...(choosable.length === managers.length ? [{ value: "", label: o.noAccountManager }] : []),
      ...choosable.map((m) => ({ value: m.id, label: m.name ?? m.email })),
    ],
    texts: {
      name: o.name,
      orgNumber: o.orgNumber,
      orgNumberHint: o.orgNumberHint,
      relationship: o.relationship,
      start: o.start,
      end: o.end,
      endHint: o.endHint,
      dateHint: o.dateHint,
      accountManager: o.accountManager,
      save: t.register.common.save,
    },
  };
}
