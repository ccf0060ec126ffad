// Which sections a staff member sees in the side navigation: one entry per page their role may open, grouped by the
// work it belongs to (the register, marketing, data protection, administration). Empty groups are left out.
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Translator } from "@/lib/i18n/translator";
import type { NavGroup } from "./staff-nav";

type Entry = { href: string; permission: Permission | null; label: string };

export function navGroups(staff: CurrentStaff, t: Translator): NavGroup[] {
  const groups: { label: string | null; entries: Entry[] }[] = [
    { label: null, entries: [{ href: "/staff", permission: null, label: t("staff.nav.home") }] },
    {
      label: t("staff.nav.groups.register"),
      entries: [
        { href: "/staff/organisations", permission: "organisations.read", label: t("register.nav.organisations") },
        { href: "/staff/contacts", permission: "contacts.read", label: t("register.nav.contacts") },
        { href: "/staff/import", permission: "contacts.import", label: t("staffImport.title") },
      ],
    },
    {
      label: t("staff.nav.groups.marketing"),
      entries: [
        { href: "/staff/topics", permission: "topics.manage", label: t("segments.topicsNav") },
        { href: "/staff/segments", permission: "segments.manage", label: t("segments.segmentsNav") },
        { href: "/staff/mailings", permission: "mailings.send", label: t("mailings.title") },
      ],
    },
    {
      label: t("staff.nav.groups.privacy"),
      entries: [
        {
          href: "/staff/privacy-requests",
          permission: "privacyRequests.read",
          label: t("accountability.requests.heading"),
        },
        { href: "/staff/audit", permission: "audit.read", label: t("accountability.audit.heading") },
        { href: "/staff/policy", permission: "policy.read", label: t("accountability.policy.heading") },
        { href: "/staff/records", permission: "records.read", label: t("accountability.records.heading") },
        { href: "/staff/retention", permission: "retention.manage", label: t("accountability.retention.heading") },
        { href: "/staff/incidents", permission: "incidents.manage", label: t("accountability.incidents.title") },
      ],
    },
    {
      label: t("staff.nav.groups.admin"),
      entries: [
        { href: "/staff/users", permission: "staff.manage", label: t("staffAdmin.title") },
        { href: "/staff/api-keys", permission: "apiKeys.manage", label: t("accountability.apiKeys.heading") },
        { href: "/staff/webhooks", permission: "webhooks.manage", label: t("accountability.webhooks.title") },
      ],
    },
  ];
  return groups
    .map((g) => ({
      label: g.label,
      links: g.entries
        .filter((e) => e.permission === null || can(staff, e.permission))
        .map(({ href, label }) => ({ href, label })),
    }))
    .filter((g) => g.links.length > 0);
}
