// Who may do what, decided here and nowhere else. Pages, server actions and API routes ask `can`; the field filter
// `visibleContactFields` decides which contact fields a role may ever receive.
import type { StaffRole } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = [
  "contacts.read",
  /** Take the contact list out as a file (the list's fields only); audited. */
  "contacts.export",
  "contacts.readFull",
  "contacts.readPhone",
  "contacts.readNotes",
  "contacts.write",
  "contacts.erase",
  "contacts.import",
  "organisations.read",
  "organisations.write",
  "roles.write",
  "notes.write",
  "subscriptions.read",
  "topics.manage",
  "segments.manage",
  "mailings.send",
  "audit.read",
  "privacyRequests.read",
  "privacyRequests.write",
  "retention.manage",
  /** Read the deployment's policy file as a page, its recorded versions and their differences (/staff/policy). */
  "policy.read",
  /** Read and export the record of processing activities (Art. 30) generated from the policy file (/staff/records). */
  "records.read",
  /** Record and handle personal data incidents (Art. 33/34): the register, its 72-hour clock, notifications. */
  "incidents.manage",
  "staff.manage",
  "config.manage",
  "apiKeys.manage",
  /** Configure outbound webhooks to downstream systems, see their failures and replay dead letters (/staff/webhooks). */
  "webhooks.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const STAFF_ROLES = [
  "ADMIN",
  "PRIVACY_OFFICER",
  "ACCOUNT_MANAGER",
  "MARKETING",
  "SUPPORT",
] as const satisfies readonly StaffRole[];

/** Permissions an account manager holds only for organisations they manage (read-only elsewhere). */
const OWN_ORGANISATION_ONLY: ReadonlySet<Permission> = new Set([
  "contacts.write",
  "organisations.write",
  "roles.write",
  "notes.write",
]);

const ALL: readonly Permission[] = PERMISSIONS;

const TABLE: Record<StaffRole, readonly Permission[]> = {
  ADMIN: ALL,
  // Everything about personal data, the audit trail, privacy requests and retention; not staff or configuration.
  PRIVACY_OFFICER: ALL.filter(
    (p) => p !== "staff.manage" && p !== "config.manage" && p !== "apiKeys.manage" && p !== "webhooks.manage",
  ),
  // No contacts.export: they keep their organisations' people in the register, and a file of everyone's would leave it.
  ACCOUNT_MANAGER: [
    "contacts.read",
    "contacts.readFull",
    "contacts.readPhone",
    "contacts.readNotes",
    "contacts.write",
    "contacts.import",
    "organisations.read",
    "organisations.write",
    "roles.write",
    "notes.write",
    "subscriptions.read",
  ],
  // Names, addresses, language and subscription state; never phone numbers or notes.
  MARKETING: [
    "contacts.read",
    "contacts.export",
    "organisations.read",
    "subscriptions.read",
    "topics.manage",
    "segments.manage",
    "mailings.send",
  ],
  // Looks a contact up to handle a request; changes only through a recorded privacy request.
  SUPPORT: [
    "contacts.read",
    "contacts.readFull",
    "contacts.readPhone",
    "organisations.read",
    "subscriptions.read",
    "privacyRequests.read",
    "privacyRequests.write",
  ],
};

const GRANTED: Record<StaffRole, ReadonlySet<Permission>> = {
  ADMIN: new Set(TABLE.ADMIN),
  PRIVACY_OFFICER: new Set(TABLE.PRIVACY_OFFICER),
  ACCOUNT_MANAGER: new Set(TABLE.ACCOUNT_MANAGER),
  MARKETING: new Set(TABLE.MARKETING),
  SUPPORT: new Set(TABLE.SUPPORT),
};

export type StaffPrincipal = { id: string; role: StaffRole };

/** The organisation a change concerns; omit it for actions that concern no particular organisation. */
export type Resource = { organisation: { accountManagerId: string | null } };

export type AccessOptions = {
  /** Account managers may change organisations they do not manage (the "configurable" of the issue); off by default. */
  accountManagersWriteAll?: boolean;
};

/** Permissions a role holds in general (before the per-organisation rule). */
export function permissionsOf(role: StaffRole): Permission[] {
  return PERMISSIONS.filter((p) => GRANTED[role].has(p));
}

/** Whether the role holds `permission` only for the organisations it manages (account managers' write rights). */
export function limitedToOwnOrganisations(user: StaffPrincipal, permission: Permission): boolean {
  return user.role === "ACCOUNT_MANAGER" && OWN_ORGANISATION_ONLY.has(permission);
}

export function can(
  user: StaffPrincipal,
  permission: Permission,
  resource?: Resource,
  options: AccessOptions = {},
): boolean {
  if (!GRANTED[user.role].has(permission)) return false;
  if (user.role !== "ACCOUNT_MANAGER" || !OWN_ORGANISATION_ONLY.has(permission)) return true;
  if (options.accountManagersWriteAll) return true;
  // Creating something that belongs to no organisation yet is allowed; changing someone else's is not.
  if (!resource) return true;
  return resource.organisation.accountManagerId === user.id;
}

export const CONTACT_FIELDS = [
  "id",
  "name",
  "email",
  "language",
  "category",
  "jobTitle",
  "organisation",
  "subscriptions",
  "phone",
  "notes",
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The contact fields a role may receive in any page or response. */
export function visibleContactFields(role: StaffRole): ContactField[] {
  return CONTACT_FIELDS.filter((field) => {
    if (field === "phone") return GRANTED[role].has("contacts.readPhone");
    if (field === "notes") return GRANTED[role].has("contacts.readNotes");
    return GRANTED[role].has("contacts.read");
  });
}

/** A copy of `contact` without the fields the role may not see (phone, notes for marketing). */
export function redactContact<T extends Record<string, unknown>>(role: StaffRole, contact: T): Partial<T> {
  const visible = new Set<string>(visibleContactFields(role));
  const hidden = CONTACT_FIELDS.filter((f) => !visible.has(f));
  const copy: Record<string, unknown> = { ...contact };
  for (const field of hidden) delete copy[field];
  return copy as Partial<T>;
}
