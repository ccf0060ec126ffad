// The one place a contact is born, whoever registers it (staff form, CRM sync API, CSV import, demo and bulk seeds):
// the contact row with its address hash, its legal bases (the policy's defaults for its category unless the caller
// records others), the policy version in force (recorded first if it is new), its roles, the default subscriptions of its category with their history rows, and its facts row
// for segments. Set-based (unnest), so one contact and 50,000 take the same four statements; it runs on the caller's
// transaction through a plain SQL handle so the bulk seed can use it outside Prisma. It returns the audit entries of
// the creation for the caller to record with the rest of its transaction's entries (one chain lock per transaction).
import { randomUUID } from "node:crypto";
import type { AuditInput } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";
import type {
  ChangeSource,
  ContactCategory,
  Language,
  LegalBasis,
  Purpose,
  RoleType,
  SourceType,
} from "@/lib/generated/prisma/enums";
import { getPolicy } from "@/lib/policy/current-policy";
import type { Policy } from "@/lib/policy/file/load-policy-file";
import { defaultLegalBases } from "@/lib/policy/purposes";
import { recordPolicyVersion } from "@/lib/policy/record-policy-version";
import { DEFER_CONTACT_FACTS_SQL, REFRESH_CONTACT_FACTS_SQL } from "@/lib/segments/contact-facts-sql";
import { hashAddress } from "@/lib/suppression/hash-address";
import type { AuditField } from "@/lib/audit/audit-fields";
import type { Evidence } from "@/lib/evidence/record-choice-evidence";

export type NewContact = {
  /** Chosen by the caller when it must know it before (seeds); otherwise a new UUID. */
  id?: string;
  name: string;
  email: string;
  phone: string | null;
  jobTitle: string | null;
  language: Language;
  category: ContactCategory;
  source: {
    type: SourceType;
    detail: string | null;
    date: Date | null;
    staffId: string | null;
    organisationId: string | null;
  };
  /** The bases recorded; by default the policy's for the category (lib/policy/purposes.ts). */
  legalBases?: { purpose: Purpose; basis: LegalBasis }[];
  /** Why these bases, on each legal-basis row ("Default for the category (staff entry)"). */
  legalBasisNote: string | null;
  /**
   * Admitted over a suppression tombstone by a deliberate override: no marketing topic is subscribed, and an earlier
   * opt-out from everything is carried over in marketingOptOutAt.
   */
  overridden?: boolean;
  /** The sign-up form: the person chose their marketing topics themselves, so none is subscribed by default. */
  skipDefaultMarketing?: boolean;
  marketingOptOutAt?: Date | null;
  roles?: {
    /** Chosen by the caller when its own history must name the role (the bulk seed); otherwise a new UUID. */
    id?: string;
    organisationId: string;
    type: RoleType;
    title: string | null;
    startsOn: Date;
    endsOn?: Date | null;
  }[];
  /** When the person entered the register (seeds back-date it); also the date of its bases and subscriptions. */
  createdAt?: Date;
};

/** What a caller's transaction gives: Prisma's (createContactsWithDefaults) or a raw client's (the bulk seed). */
export type SqlRunner = {
  execute(sql: string, params: unknown[]): Promise<unknown>;
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
};

export function sqlOf(tx: Tx): SqlRunner {
  return {
    execute: (sql, params) => tx.$executeRawUnsafe(sql, ...params),
    query: <T>(sql: string, params: unknown[]) => tx.$queryRawUnsafe<T[]>(sql, ...params),
  };
}

export type CreatedContacts = {
  ids: string[];
  /** Per contact (same order), how many topics it was subscribed to by default. */
  topics: number[];
  /** "contact.created" (or the caller's action) per contact, for the caller to record. */
  audit: AuditInput[];
};

export async function createContactsWithDefaults(
  sql: SqlRunner,
  opts: {
    contacts: NewContact[];
    suppressionKey: string;
    /** DEFAULT for one-by-one registration; IMPORT (with the importing staff member) for a file. */
    subscriptionSource: Extract<ChangeSource, "DEFAULT" | "IMPORT">;
    subscriptionStaffId?: string | null;
    audit: { actor: AuditInput["actor"]; action: "contact.created" | "contact.imported" };
    now: Date;
    /**
     * false: the caller writes more for these contacts in the same transaction (the bulk seed's history) and runs
     * REFRESH_CONTACT_FACTS_SQL for them itself before committing, so each facts row is written once, not twice.
     */
    refreshFacts?: boolean;
    /** The policy the contacts are collected under: the running one (getPolicy) unless a test names another. */
    policy?: Policy;
    /**
     * The evidence of the default subscriptions and the legal bases (lib/evidence/): by default the registration's
     * (REGISTRATION_DEFAULT, or IMPORT for a file) with the audit actor; the sign-up form gives its own.
     */
    evidence?: Evidence;
  },
): Promise<CreatedContacts> {
  const { contacts, now } = opts;
  if (contacts.length === 0) return { ids: [], topics: [], audit: [] };
  const ids = contacts.map((c) => c.id ?? randomUUID());
  const at = contacts.map((c) => (c.createdAt ?? now).toISOString());
  const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

  // The version they are collected under, recorded in this transaction if no process has recorded it yet.
  const policy = opts.policy ?? getPolicy();
  const policyVersion = await recordPolicyVersion(sql, policy, now);
  // The new contacts' facts rows are written once, at the end, not once per table below.
  await sql.execute(DEFER_CONTACT_FACTS_SQL, []);
  await sql.execute(
    `INSERT INTO "Contact" (id, name, email, "addressHash", phone, "jobTitle", language, category, "sourceType",
       "sourceDetail", "sourceDate", "sourceStaffId", "sourceOrganisationId", "marketingOptOutAt", "createdAt",
       "updatedAt", "policyVersionHash")
     SELECT id, name, email, hash, phone, title, lang::"Language", cat::"ContactCategory", st::"SourceType", sd,
       sdate::date, sstaff, sorg, oo::timestamp, at::timestamp, $16::timestamp, $17
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
       AS t(id, name, email, hash, phone, title, lang, cat, st, sd, sdate, sstaff, sorg, oo, at)`,
    [
      ids,
      contacts.map((c) => c.name),
      contacts.map((c) => c.email),
      contacts.map((c) => hashAddress(c.email, opts.suppressionKey)),
      contacts.map((c) => c.phone),
      contacts.map((c) => c.jobTitle),
      contacts.map((c) => c.language),
      contacts.map((c) => c.category),
      contacts.map((c) => c.source.type),
      contacts.map((c) => c.source.detail),
      contacts.map((c) => day(c.source.date)),
      contacts.map((c) => c.source.staffId),
      contacts.map((c) => c.source.organisationId),
      contacts.map((c) => c.marketingOptOutAt?.toISOString() ?? null),
      at,
      now.toISOString(),
      policyVersion,
    ],
  );

  const lb = { contact: [] as string[], purpose: [] as string[], basis: [] as string[], note: [] as (string | null)[] };
  const lbAt: string[] = [];
  contacts.forEach((c, i) => {
    for (const b of c.legalBases ?? defaultLegalBases(c.category, policy)) {
      lb.contact.push(ids[i]!);
      lb.purpose.push(b.purpose);
      lb.basis.push(b.basis);
      lb.note.push(c.legalBasisNote);
      lbAt.push(at[i]!);
    }
  });
  if (lb.contact.length > 0)
    await sql.execute(
      `INSERT INTO "ContactLegalBasis" ("contactId", purpose, basis, "recordedAt", note)
       SELECT c, p::"Purpose", b::"LegalBasis", at::timestamp, note
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(c, p, b, at, note)`,
      [lb.contact, lb.purpose, lb.basis, lbAt, lb.note],
    );

  const role = {
    id: [] as string[],
    contact: [] as string[],
    org: [] as string[],
    type: [] as string[],
    title: [] as (string | null)[],
    starts: [] as string[],
    ends: [] as (string | null)[],
  };
  contacts.forEach((c, i) => {
    for (const r of c.roles ?? []) {
      role.id.push(r.id ?? randomUUID());
      role.contact.push(ids[i]!);
      role.org.push(r.organisationId);
      role.type.push(r.type);
      role.title.push(r.title);
      role.starts.push(day(r.startsOn)!);
      role.ends.push(day(r.endsOn));
    }
  });
  if (role.id.length > 0)
    await sql.execute(
      `INSERT INTO "ContactRole" (id, "contactId", "organisationId", type, title, "startsOn", "endsOn", "createdAt",
         "updatedAt")
       SELECT id, c, o, ty::"RoleType", title, s::date, e::date, $8::timestamp, $8::timestamp
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS t(id, c, o, ty, title, s, e)`,
      [role.id, role.contact, role.org, role.type, role.title, role.starts, role.ends, now.toISOString()],
    );

  // Default subscriptions: the live topics whose default categories include the contact's category; marketing ones
  // only for contacts that were not admitted over a tombstone. The history rows copy the current rows.
  await sql.execute(
    `INSERT INTO "Subscription" ("contactId", "topicId", state, source, "staffId", "changedAt")
     SELECT ids.c, t.id, 'SUBSCRIBED', $4::"ChangeSource", $5, ids.at::timestamp
     FROM unnest($1::text[], $2::text[], $3::boolean[], $6::text[]) AS ids(c, cat, overridden, at)
     CROSS JOIN "Topic" t
     WHERE t."archivedAt" IS NULL AND ids.cat::"ContactCategory" = ANY(t."defaultCategories")
       AND NOT (ids.overridden AND t."isMarketing")`,
    [
      ids,
      contacts.map((c) => c.category),
      contacts.map((c) => c.overridden === true || c.skipDefaultMarketing === true),
      opts.subscriptionSource,
      opts.subscriptionStaffId ?? null,
      at,
    ],
  );
  await sql.execute(
    `INSERT INTO "SubscriptionChange" (id, "contactId", "topicId", state, source, "staffId", at)
     SELECT gen_random_uuid()::text, s."contactId", s."topicId", s.state, s.source, s."staffId", s."changedAt"
     FROM "Subscription" s WHERE s."contactId" = ANY($1::text[])`,
    [ids],
  );
  const evidence =
    opts.evidence ?? registrationEvidence(opts.subscriptionSource, opts.audit.actor, opts.subscriptionStaffId);
  await sql.execute(INSERT_REGISTRATION_EVIDENCE_SQL, [
    ids,
    evidence.channel,
    evidence.actorType,
    evidence.actorId,
    evidence.actorName,
    evidence.noticeHash,
  ]);
  if (opts.refreshFacts !== false) await sql.execute(REFRESH_CONTACT_FACTS_SQL, [ids]);

  // One row per live topic and default category (unnest: an empty enum array reads back as null through some drivers).
  const live = await sql.query<{ isMarketing: boolean; category: string }>(
    `SELECT t."isMarketing", c::text AS category FROM "Topic" t, unnest(t."defaultCategories") AS c
     WHERE t."archivedAt" IS NULL`,
    [],
  );
  const topics = contacts.map(
    (c) =>
      live.filter((t) => t.category === c.category && !((c.overridden || c.skipDefaultMarketing) && t.isMarketing))
        .length,
  );
  const audit: AuditInput[] = contacts.map((c, i) => ({
    actor: opts.audit.actor,
    action: opts.audit.action,
    subject: { type: "Contact", id: ids[i]! },
    ...(opts.audit.action === "contact.created"
      ? { fields: CREATED_FIELDS, personalValues: { source: c.source.type, topics: topics[i] } }
      : { fields: importedFields(c) }),
  }));
  return { ids, topics, audit };
}

// The evidence of what registration recorded: each default subscription (with the basis for its topic's purpose) and
// each legal basis, at the time the row itself carries.
const INSERT_REGISTRATION_EVIDENCE_SQL = `
  INSERT INTO "ChoiceEvidence" (id, "contactId", subject, "topicId", state, purpose, "legalBasis", channel,
    "actorType", "actorId", "actorName", "noticeHash", at)
  SELECT gen_random_uuid()::text, s."contactId", 'TOPIC'::"EvidenceSubject", s."topicId", s.state, t.purpose,
    lb.basis, $2::"EvidenceChannel", $3::"EvidenceActor", $4, $5, $6, s."changedAt"
  FROM "Subscription" s JOIN "Topic" t ON t.id = s."topicId"
  LEFT JOIN "ContactLegalBasis" lb ON lb."contactId" = s."contactId" AND lb.purpose = t.purpose
  WHERE s."contactId" = ANY($1::text[])
  UNION ALL
  SELECT gen_random_uuid()::text, lb."contactId", 'LEGAL_BASIS'::"EvidenceSubject", NULL, NULL, lb.purpose, lb.basis,
    $2::"EvidenceChannel", $3::"EvidenceActor", $4, $5, $6, lb."recordedAt"
  FROM "ContactLegalBasis" lb WHERE lb."contactId" = ANY($1::text[])`;

function registrationEvidence(
  source: Extract<ChangeSource, "DEFAULT" | "IMPORT">,
  actor: AuditInput["actor"],
  staffId: string | null | undefined,
): Evidence {
  if (source === "IMPORT")
    return {
      channel: "IMPORT",
      actorType: "STAFF",
      actorId: staffId ?? actor.id ?? null,
      actorName: null,
      noticeHash: null,
    };
  const actorType = actor.type === "STAFF" ? "STAFF" : actor.type === "API" ? "API_KEY" : "SYSTEM";
  return { channel: "REGISTRATION_DEFAULT", actorType, actorId: actor.id ?? null, actorName: null, noticeHash: null };
}

const CREATED_FIELDS: AuditField[] = ["name", "email", "phone", "jobTitle", "language", "category", "source"];

/** An imported contact's entry names what the file gave it and the defaults that came with it. */
function importedFields(c: NewContact): AuditField[] {
  const fields: AuditField[] = ["name", "email", "language", "category", "source", "legalBases", "subscriptions"];
  if (c.phone) fields.push("phone");
  if (c.jobTitle) fields.push("jobTitle");
  if (c.roles?.length) fields.push("roles");
  return fields;
}
