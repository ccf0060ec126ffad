// The audit trail for the staff page and its export: filters (person, subject, staff member, action, date range),
// newest first with a seq cursor, and the verdict of the hash chain (checked since its last checkpoint), so a tampered entry is reported wherever
// the trail is read. Reading is not audited per row; the page says so.
//
// A person is found by contact id or email address. After erasure the contact row is gone, so the person is found by
// the reference their privacy requests keep (the start of the suppression hash, also computed from an email address):
// erasure records its ERASURE request and then "contact.erased" in one transaction under the chain lock, so the entry
// right after that request's "privacy_request.recorded" names the erased contact's id.
import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType } from "@/lib/generated/prisma/enums";
import { normaliseEmail } from "@/lib/contacts/normalise";
import { hashAddress } from "@/lib/suppression/hash-address";
import { checkAuditChain, type AuditChainCheck } from "./check-audit-chain";
import { stockholmDayEnd, stockholmDayStart } from "@/lib/time/stockholm-day";
import { fail, type Fail } from "@/lib/result";

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(max).optional(),
  );
const optionalDate = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
    .optional(),
);

/** One schema for the filter form, the page's query string and the export route. */
export const auditFilterSchema = z.object({
  person: optionalText(254),
  subjectType: optionalText(50),
  subjectId: optionalText(100),
  staffId: optionalText(100),
  action: optionalText(100),
  from: optionalDate,
  to: optionalDate,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_FILTER_KEYS = Object.keys(auditFilterSchema.shape) as (keyof AuditFilter)[];

export type AuditPerson =
  | { kind: "contact"; contactIds: string[]; requestIds: string[] }
  | { kind: "erased"; subjectRef: string; contactIds: string[]; requestIds: string[] };

export type AuditRow = {
  seq: string;
  at: Date;
  actorType: ActorType;
  actorId: string | null;
  /** The staff member's email address when the actor is staff; the person's name when they acted themselves. */
  actorLabel: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** What the subject is called now: a contact's or organisation's name, a staff member's address; null when it is
   * gone (an erased person) or has no name. */
  subjectLabel: string | null;
  fields: string[];
  hash: string;
  prevHash: string;
};

export type ListAuditEventsResult =
  | {
      ok: true;
      entries: AuditRow[];
      nextBefore: string | null;
      person: AuditPerson | null;
      chain: AuditChainCheck | null;
    }
  | Fail<"not_found", { reason: "person_not_found"; chain: AuditChainCheck | null }>;

const REF_PATTERN = /^[0-9a-f]{12}$/;

async function findErased(db: DbOrTx, subjectRef: string): Promise<AuditPerson | null> {
  const requests = await db.privacyRequest.findMany({
    where: { subjectRef },
    select: { id: true, type: true, status: true },
  });
  if (requests.length === 0) return null;
  const contactIds: string[] = [];
  for (const r of requests.filter((r) => r.type === "ERASURE" && r.status === "COMPLETED")) {
    const recorded = await db.auditEvent.findFirst({
      where: { subjectType: "PrivacyRequest", subjectId: r.id, action: "privacy_request.recorded" },
      select: { seq: true },
    });
    if (!recorded) continue;
    const erased = await db.auditEvent.findUnique({
      where: { seq: recorded.seq + 1n },
      select: { action: true, subjectType: true, subjectId: true },
    });
    if (erased?.action === "contact.erased" && erased.subjectType === "Contact") contactIds.push(erased.subjectId);
  }
  return { kind: "erased", subjectRef, contactIds, requestIds: requests.map((r) => r.id) };
}

/** Who the "person" filter means, or null when nothing is known about them. */
export async function resolveAuditPerson(opts: {
  db: DbOrTx;
  person: string;
  suppressionKey?: string;
}): Promise<AuditPerson | null> {
  const { db } = opts;
  const value = opts.person.trim();
  const ofContact = async (contactId: string): Promise<AuditPerson> => {
    const requests = await db.privacyRequest.findMany({ where: { contactId }, select: { id: true } });
    return { kind: "contact", contactIds: [contactId], requestIds: requests.map((r) => r.id) };
  };
  if (value.includes("@")) {
    const email = normaliseEmail(value);
    const contact = await db.contact.findUnique({ where: { email }, select: { id: true } });
    if (contact) return ofContact(contact.id);
    if (!opts.suppressionKey) return null;
    return findErased(db, hashAddress(email, opts.suppressionKey).slice(0, 12));
  }
  if (REF_PATTERN.test(value)) {
    const erased = await findErased(db, value);
    if (erased) return erased;
  }
  const contact = await db.contact.findUnique({ where: { id: value }, select: { id: true } });
  if (contact) return ofContact(contact.id);
  // An erased contact's id still names its entries.
  const known = await db.auditEvent.findFirst({
    where: { subjectType: "Contact", subjectId: value },
    select: { seq: true },
  });
  return known ? ofContact(value) : null;
}

export function auditWhere(filter: AuditFilter, person: AuditPerson | null): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (person) {
    and.push({
      OR: [
        { subjectType: "Contact", subjectId: { in: person.contactIds } },
        { actorType: "CONTACT", actorId: { in: person.contactIds } },
        { subjectType: "PrivacyRequest", subjectId: { in: person.requestIds } },
      ],
    });
  }
  if (filter.subjectId) {
    and.push({ subjectId: filter.subjectId, ...(filter.subjectType ? { subjectType: filter.subjectType } : {}) });
  }
  if (filter.staffId) and.push({ actorType: "STAFF", actorId: filter.staffId });
  if (filter.action) and.push({ action: filter.action });
  if (filter.from) and.push({ at: { gte: stockholmDayStart(filter.from) } });
  if (filter.to) and.push({ at: { lt: stockholmDayEnd(filter.to) } });
  return and.length ? { AND: and } : {};
}

/** One page of entries, newest first, before the seq `before` (exclusive). */
/** Names of a page's subjects (at most one query per kind, over the page's ids only). */
async function subjectLabels(
  db: DbOrTx,
  rows: { subjectType: string; subjectId: string }[],
): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type).map((r) => r.subjectId))];
  const [contacts, organisations, staff, mailings, segments, topics, keys] = await Promise.all([
    ids("Contact").length
      ? db.contact.findMany({ where: { id: { in: ids("Contact") } }, select: { id: true, name: true } })
      : [],
    ids("Organisation").length
      ? db.organisation.findMany({ where: { id: { in: ids("Organisation") } }, select: { id: true, name: true } })
      : [],
    ids("StaffUser").length
      ? db.staffUser.findMany({ where: { id: { in: ids("StaffUser") } }, select: { id: true, email: true } })
      : [],
    ids("Mailing").length
      ? db.mailing.findMany({ where: { id: { in: ids("Mailing") } }, select: { id: true, name: true } })
      : [],
    ids("Segment").length
      ? db.segment.findMany({ where: { id: { in: ids("Segment") } }, select: { id: true, name: true } })
      : [],
    ids("Topic").length
      ? db.topic.findMany({ where: { id: { in: ids("Topic") } }, select: { id: true, nameSv: true } })
      : [],
    ids("ApiKey").length
      ? db.apiKey.findMany({ where: { id: { in: ids("ApiKey") } }, select: { id: true, name: true } })
      : [],
  ]);
  return new Map([
    ...contacts.map((c) => [`Contact:${c.id}`, c.name] as const),
    ...organisations.map((o) => [`Organisation:${o.id}`, o.name] as const),
    ...staff.map((s) => [`StaffUser:${s.id}`, s.email] as const),
    ...mailings.map((m) => [`Mailing:${m.id}`, m.name] as const),
    ...segments.map((s) => [`Segment:${s.id}`, s.name] as const),
    ...topics.map((t) => [`Topic:${t.id}`, t.nameSv] as const),
    ...keys.map((k) => [`ApiKey:${k.id}`, k.name] as const),
  ]);
}

export async function readAuditPage(opts: {
  db: DbOrTx;
  where: Prisma.AuditEventWhereInput;
  before?: bigint;
  limit: number;
}): Promise<{ entries: AuditRow[]; nextBefore: string | null }> {
  const rows = await opts.db.auditEvent.findMany({
    where: opts.before === undefined ? opts.where : { AND: [opts.where, { seq: { lt: opts.before } }] },
    orderBy: { seq: "desc" },
    take: opts.limit + 1,
    select: {
      seq: true,
      at: true,
      actorType: true,
      actorId: true,
      action: true,
      subjectType: true,
      subjectId: true,
      fields: true,
      hash: true,
      prevHash: true,
    },
  });
  const page = rows.slice(0, opts.limit);
  const staffIds = [...new Set(page.filter((r) => r.actorType === "STAFF" && r.actorId).map((r) => r.actorId!))];
  const staff = staffIds.length
    ? await opts.db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, email: true } })
    : [];
  const emails = new Map(staff.map((s) => [s.id, s.email]));
  // People acting on their own record are named like the subjects (an erased person is gone from both).
  const labels = await subjectLabels(opts.db, [
    ...page,
    ...page
      .filter((r) => r.actorType === "CONTACT" && r.actorId)
      .map((r) => ({ subjectType: "Contact", subjectId: r.actorId! })),
  ]);
  return {
    entries: page.map((r) => ({
      ...r,
      seq: r.seq.toString(),
      actorLabel:
        r.actorType === "STAFF" && r.actorId
          ? (emails.get(r.actorId) ?? null)
          : r.actorType === "CONTACT" && r.actorId
            ? (labels.get(`Contact:${r.actorId}`) ?? null)
            : null,
      subjectLabel: labels.get(`${r.subjectType}:${r.subjectId}`) ?? null,
    })),
    nextBefore: rows.length > opts.limit ? page[page.length - 1]!.seq.toString() : null,
  };
}

export async function listAuditEvents(opts: {
  db: DbOrTx;
  filter: AuditFilter;
  /** Cursor from a previous page's nextBefore. */
  before?: string;
  limit?: number;
  suppressionKey?: string;
  /** Check the chain since its newest checkpoint (default true). */
  verify?: boolean;
}): Promise<ListAuditEventsResult> {
  const chain = opts.verify === false ? null : await checkAuditChain({ db: opts.db });
  let person: AuditPerson | null = null;
  if (opts.filter.person) {
    person = await resolveAuditPerson({ db: opts.db, person: opts.filter.person, suppressionKey: opts.suppressionKey });
    if (!person) return fail("not_found", { reason: "person_not_found", chain });
  }
  const before = opts.before && /^\d+$/.test(opts.before) ? BigInt(opts.before) : undefined;
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
  const page = await readAuditPage({ db: opts.db, where: auditWhere(opts.filter, person), before, limit });
  return { ok: true, ...page, person, chain };
}

/** The staff members and actions to offer in the filter form. */
export async function listAuditFilterChoices(opts: { db: DbOrTx }) {
  const [staff, actions] = await Promise.all([
    opts.db.staffUser.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, name: true } }),
    // Every action the trail holds, old ones included, by a skip scan of the (action, at) index: one index probe per
    // distinct action instead of grouping 5,000,000 rows.
    opts.db.$queryRaw<{ action: string }[]>`
      WITH RECURSIVE a AS (
        SELECT min(action) AS action FROM "AuditEvent"
        UNION ALL
        SELECT (SELECT min(e.action) FROM "AuditEvent" e WHERE e.action > a.action) FROM a WHERE a.action IS NOT NULL)
      SELECT action FROM a WHERE action IS NOT NULL`,
  ]);
  return { staff, actions: actions.map((a) => a.action) };
}
