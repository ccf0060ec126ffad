// Test data made for the test that needs it: each factory writes one resource with unique names and addresses (so
// tests in a file never meet each other's rows) and the defaults a real one has. A contact is born through the same
// createContactsWithDefaults as every real path, so its legal bases, subscriptions and facts are the real ones.
// Everything can be overridden; pass only what the test is about.
import { randomBytes } from "node:crypto";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { createContactsWithDefaults, sqlOf, type NewContact } from "@/lib/contacts/create-contacts-with-defaults";
import type { Db } from "@/lib/db/client";
import type { ContactCategory, Purpose, Relationship, RoleType, StaffRole } from "@/lib/generated/prisma/enums";
import type { SegmentFilter } from "@/lib/segments/segment-filter";

export const TEST_SUPPRESSION_KEY = "factory-suppression-key-0123456789abcdef";

let counter = 0;
/** A short string no other call in this process (or another test file's process) returns. */
export const unique = (): string => `${(++counter).toString(36)}${randomBytes(3).toString("hex")}`;

export async function makeStaffUser(
  db: Db,
  role: StaffRole,
  over: { name?: string; email?: string; active?: boolean } = {},
): Promise<StaffPrincipal & { email: string; name: string | null }> {
  const u = unique();
  const user = await db.staffUser.create({
    data: {
      email: over.email ?? `staff.${u}@company.example`,
      name: over.name ?? `Staff ${u}`,
      role,
      active: over.active ?? true,
    },
    select: { id: true, role: true, email: true, name: true },
  });
  return user;
}

/** A valid Swedish organisation number (NNNNNN-NNNN, Luhn digit last) that is very unlikely to be taken. */
export function orgNumber(): string {
  const digits = `556${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  const sum = [...digits].reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    return acc + (d > 9 ? d - 9 : d);
  }, 0);
  return `${digits.slice(0, 6)}-${digits.slice(6)}${(10 - (sum % 10)) % 10}`;
}

export async function makeOrganisation(
  db: Db,
  over: {
    name?: string;
    orgNumber?: string | null;
    relationship?: Relationship;
    accountManagerId?: string | null;
    relationshipEnd?: Date | null;
  } = {},
): Promise<{ id: string; name: string }> {
  return db.organisation.create({
    data: {
      name: over.name ?? `Organisation ${unique()} AB`,
      orgNumber: over.orgNumber ?? null,
      relationship: over.relationship ?? "CUSTOMER",
      accountManagerId: over.accountManagerId ?? null,
      relationshipEnd: over.relationshipEnd ?? null,
    },
    select: { id: true, name: true },
  });
}

export type ContactOverrides = Partial<Omit<NewContact, "roles">> & {
  /** A current role at this organisation (type OTHER unless roleType says otherwise). */
  organisationId?: string;
  roleType?: RoleType;
  roles?: NewContact["roles"];
  suppressionKey?: string;
  now?: Date;
};

export async function makeContact(db: Db, over: ContactOverrides = {}): Promise<{ id: string; email: string }> {
  const u = unique();
  const now = over.now ?? new Date();
  const { organisationId, roleType, suppressionKey, ...fields } = over;
  const contact: NewContact = {
    name: `Person ${u}`,
    email: `person.${u}@customer.example`,
    phone: null,
    jobTitle: null,
    language: "sv",
    category: "CUSTOMER_CONTACT" satisfies ContactCategory,
    source: { type: "STAFF_ENTRY", detail: null, date: null, staffId: null, organisationId: null },
    legalBasisNote: "Default for the category (test factory)",
    ...fields,
    roles:
      over.roles ?? (organisationId ? [{ organisationId, type: roleType ?? "OTHER", title: null, startsOn: now }] : []),
  };
  return db.$transaction(async (tx) => {
    const created = await createContactsWithDefaults(sqlOf(tx), {
      contacts: [contact],
      suppressionKey: suppressionKey ?? TEST_SUPPRESSION_KEY,
      subscriptionSource: "DEFAULT",
      audit: { actor: { type: "SYSTEM", id: "test-factory" }, action: "contact.created" },
      now,
    });
    await recordAuditEvents(tx, created.audit, now);
    return { id: created.ids[0]!, email: contact.email };
  });
}

export async function makeTopic(
  db: Db,
  over: {
    isMarketing?: boolean;
    defaultCategories?: ContactCategory[];
    purpose?: Purpose;
    archivedAt?: Date;
    nameSv?: string;
    nameEn?: string;
  } = {},
): Promise<{ id: string; key: string }> {
  const u = unique();
  return db.topic.create({
    data: {
      key: `topic-${u}`,
      nameSv: over.nameSv ?? `Ämne ${u}`,
      nameEn: over.nameEn ?? `Topic ${u}`,
      descriptionSv: "Ett ämne i ett test.",
      descriptionEn: "A topic in a test.",
      purpose: over.purpose ?? (over.isMarketing === false ? "SERVICE_NOTICES" : "MARKETING_MAILINGS"),
      isMarketing: over.isMarketing ?? true,
      defaultCategories: over.defaultCategories ?? [],
      archivedAt: over.archivedAt ?? null,
    },
    select: { id: true, key: true },
  });
}

export async function makeSegment(
  db: Db,
  over: { filter?: Partial<SegmentFilter>; createdById?: string | null; name?: string; archivedAt?: Date } = {},
): Promise<{ id: string }> {
  return db.segment.create({
    data: {
      name: over.name ?? `Segment ${unique()}`,
      filter: (over.filter ?? {}) as object,
      createdById: over.createdById ?? null,
      archivedAt: over.archivedAt ?? null,
    },
    select: { id: true },
  });
}

export async function makeMailing(
  db: Db,
  over: { topicId: string; segmentId: string; createdById?: string | null; name?: string },
): Promise<{ id: string }> {
  const u = unique();
  return db.mailing.create({
    data: {
      name: over.name ?? `Mailing ${u}`,
      topicId: over.topicId,
      segmentId: over.segmentId,
      createdById: over.createdById ?? null,
      subjectSv: `Ämnesrad ${u}`,
      subjectEn: `Subject ${u}`,
      bodySv: "Hej!",
      bodyEn: "Hello!",
    },
    select: { id: true },
  });
}
