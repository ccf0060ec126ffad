// The register itself for one batch of contacts: their organisations (with organisation numbers, account managers,
// and former customers whose relationship ended), the contacts born through createContactsWithDefaults like every
// real contact (back-dated to their import), their roles (one in ten ended, and every role at a former customer),
// and the audit entries of what staff and the person did with the record since: views, edits, self-service visits.
import { createContactsWithDefaults, type NewContact } from "@/lib/contacts/create-contacts-with-defaults";
import type { RawSql } from "@/lib/db/raw";
import { CONTACTS_PER_ORG, contactId, orgId, roleId, type SeedContext } from "./context";
import { ROLE_TYPES, type ContactPlan } from "./contact-plan";
import { EV, type EventLog } from "./event-log";
import { organisationName, organisationNumber, personFor } from "./names";
import { DAY_MS, pick, rand } from "./random";
import { day, runnerOf } from "./sql";

export const emailFor = (ctx: SeedContext, i: number) => {
  const p = personFor(i);
  return `${p.first}.${p.last}.${ctx.run}${i}@org${Math.floor(i / CONTACTS_PER_ORG)}.example`.toLowerCase();
};

export async function writeRegister(
  raw: RawSql,
  ctx: SeedContext & { orgNumberOffset: number; managers: string[] },
  plans: ContactPlan[],
  log: EventLog,
): Promise<void> {
  const now = new Date(ctx.now);
  const orgs = new Map(plans.map((p) => [p.org.k, p.org]));
  const o = [...orgs.values()];
  const inserted = await raw.query<{ id: string }>(
    `INSERT INTO "Organisation" (id, name, "orgNumber", relationship, "relationshipStart", "relationshipEnd",
       "accountManagerId", "createdAt", "updatedAt")
     SELECT id, name, num, rel::"Relationship", rs::date, re::date, am, rs::timestamp, $8::timestamp
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS t(id, name, num, rel, rs, re, am)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      o.map((x) => orgId(ctx, x.k)),
      o.map((x) => organisationName(x.k)),
      o.map((x) => organisationNumber(ctx.orgNumberOffset + x.k)),
      o.map((x) => x.relationship),
      o.map((x) => day(x.start)),
      o.map((x) => (x.end === null ? null : day(x.end))),
      // Customers, current and former, have an account manager.
      o.map((x) => (x.relationship.endsWith("CUSTOMER") && ctx.managers.length ? pick(ctx.managers, x.k) : null)),
      now.toISOString(),
    ],
  );
  // An organisation that spans two batches is written, and its end audited, by the first.
  const mine = new Set(inserted.map((r) => r.id));
  for (const x of o)
    if (x.end !== null && mine.has(orgId(ctx, x.k))) log.push(x.end + 10 * 3600_000, EV.orgRelationshipEnded, x.k);

  const contacts: NewContact[] = plans.map((p) => {
    const person = personFor(p.i);
    return {
      id: contactId(ctx, p.i),
      name: person.name,
      email: emailFor(ctx, p.i),
      phone: person.phone,
      jobTitle: person.jobTitle,
      language: person.language,
      category: p.category,
      source: {
        type: "IMPORTED",
        // "bulk" in it: bench/segment-count.ts filters on it.
        detail: `Bulk import från CRM ${new Date(p.createdAt).getUTCFullYear()}`,
        date: new Date(p.createdAt),
        staffId: null,
        organisationId: orgId(ctx, p.org.k),
      },
      legalBasisNote: null,
      marketingOptOutAt: p.optOut ? new Date(p.optOut.at) : null,
      createdAt: new Date(p.createdAt),
      roles: [
        {
          id: roleId(ctx, p.i),
          organisationId: orgId(ctx, p.org.k),
          type: ROLE_TYPES[Math.floor(rand(p.i, 108) * ROLE_TYPES.length)]!,
          title: null,
          startsOn: new Date(Math.floor(p.createdAt / DAY_MS) * DAY_MS),
          endsOn: p.roleEndsOn === null ? null : new Date(p.roleEndsOn),
        },
      ],
    };
  });
  // The creation's own entries (contact.imported) are pushed below, at each contact's import time.
  await createContactsWithDefaults(runnerOf(raw), {
    contacts,
    suppressionKey: ctx.suppressionKey,
    subscriptionSource: "IMPORT",
    subscriptionStaffId: ctx.staff.admin,
    audit: { actor: { type: "STAFF", id: ctx.staff.admin }, action: "contact.imported" },
    now,
    // The caller refreshes them once the batch's history is written too (seed-bulk.ts).
    refreshFacts: false,
  });

  for (const p of plans) {
    log.push(p.createdAt, EV.contactImported, p.i);
    p.views.forEach((t, j) => log.push(t, EV.contactViewed, p.i, p.i + j));
    p.updates.forEach((t, j) => log.push(t, EV.contactUpdated, p.i, p.i * 3 + j));
    for (const t of p.selfVisits) {
      log.push(t, EV.sessionOpened, p.i);
      log.push(t + 5000, EV.viewedBySelf, p.i);
    }
    if (p.roleEndsOn !== null)
      log.push(
        Math.min(ctx.now - 60_000, p.roleEndsOn + 9 * 3600_000),
        EV.roleEnded,
        p.i,
        Math.floor(p.roleEndsOn / DAY_MS),
      );
  }
}
