// A small register of mixed shape, for tests that need "a whole register" rather than one contact: organisations of
// every relationship (one relationship ended), contacts of every category in both languages from every source, roles
// current and ended, a marketing opt-out and people who left topics. Like the demo seed's, but every name and address
// is this call's own, so it can be built once per test.
import type { Db } from "@/lib/db/client";
import type { ContactCategory, Relationship, RoleType, SourceType } from "@/lib/generated/prisma/enums";
import { makeContact, makeOrganisation, makeStaffUser, makeTopic, unique } from "./index";

const DAY = 86_400_000;
const monthsAgo = (now: Date, months: number) => new Date(now.getTime() - months * 30 * DAY);

export type MixedRegister = {
  tag: string;
  /** The event its prospects were met at (source MET_AT_EVENT): `Cloud <tag> Summit Stockholm 2026`. */
  event: string;
  organisations: Record<"customer" | "customer2" | "former" | "partner" | "supplier" | "prospect", string>;
  topics: Record<"newsletter" | "productNews" | "events" | "service", string>;
  contacts: string[];
  /** Contacts met at the event. */
  metAtEvent: string[];
};

type Person = {
  category: ContactCategory;
  org?: "customer" | "customer2" | "former" | "partner" | "supplier" | "prospect";
  type?: RoleType;
  endedMonthsAgo?: number;
  language?: "sv" | "en";
  source?: SourceType;
  optedOut?: boolean;
  unsubscribed?: ("newsletter" | "productNews" | "events")[];
};

const PEOPLE: Person[] = [
  { category: "CUSTOMER_CONTACT", org: "customer", type: "COMMERCIAL_CONTACT" },
  { category: "CUSTOMER_CONTACT", org: "customer", type: "SYSTEM_ADMINISTRATOR" },
  { category: "CUSTOMER_CONTACT", org: "customer", type: "TECHNICAL_CONTACT", endedMonthsAgo: 8 },
  { category: "CUSTOMER_CONTACT", org: "customer", type: "BILLING_CONTACT", optedOut: true },
  { category: "CUSTOMER_CONTACT", org: "customer", type: "SYSTEM_OWNER", unsubscribed: ["newsletter"] },
  { category: "CUSTOMER_CONTACT", org: "customer2", type: "SYSTEM_OWNER", language: "en" },
  { category: "CUSTOMER_CONTACT", org: "customer2", type: "BILLING_CONTACT", endedMonthsAgo: 4 },
  { category: "CUSTOMER_CONTACT", org: "customer2", type: "TECHNICAL_CONTACT", unsubscribed: ["events"] },
  { category: "CUSTOMER_CONTACT", org: "former", type: "COMMERCIAL_CONTACT", endedMonthsAgo: 119 },
  { category: "CUSTOMER_CONTACT", org: "former", type: "SYSTEM_OWNER", endedMonthsAgo: 119, source: "STAFF_ENTRY" },
  { category: "PARTNER_CONTACT", org: "partner", type: "OTHER" },
  { category: "PARTNER_CONTACT", org: "partner", type: "OTHER", endedMonthsAgo: 2, language: "en" },
  {
    category: "PARTNER_CONTACT",
    org: "partner",
    type: "TECHNICAL_CONTACT",
    unsubscribed: ["newsletter", "productNews"],
  },
  { category: "SUPPLIER_CONTACT", org: "supplier", type: "COMMERCIAL_CONTACT", source: "STAFF_ENTRY" },
  { category: "SUPPLIER_CONTACT", org: "supplier", type: "BILLING_CONTACT", source: "IMPORTED" },
  { category: "PROSPECT", org: "prospect", type: "TECHNICAL_CONTACT", source: "MET_AT_EVENT" },
  { category: "PROSPECT", source: "MET_AT_EVENT" },
  { category: "PROSPECT", source: "MET_AT_EVENT", language: "en" },
  { category: "PROSPECT", source: "MET_AT_EVENT", language: "en" },
  { category: "PROSPECT", source: "MET_AT_EVENT" },
  { category: "PROSPECT", source: "STAFF_ENTRY" },
];

/**
 * Builds the register with its own topics (newsletter, product news and events for marketing, service notices), so
 * its people are subscribed by their category's defaults as the demo's are. Contacts' addresses are hashed with
 * `suppressionKey` (the factories' default unless given).
 */
export async function makeMixedRegister(
  db: Db,
  opts: { now?: Date; suppressionKey?: string } = {},
): Promise<MixedRegister> {
  const now = opts.now ?? new Date();
  const tag = unique();
  const event = `Cloud ${tag} Summit Stockholm 2026`;
  const manager = await makeStaffUser(db, "ACCOUNT_MANAGER");
  const topics = {
    newsletter: (await makeTopic(db, { defaultCategories: ["CUSTOMER_CONTACT", "PARTNER_CONTACT", "PROSPECT"] })).id,
    productNews: (await makeTopic(db, { defaultCategories: ["CUSTOMER_CONTACT", "PARTNER_CONTACT"] })).id,
    events: (await makeTopic(db, { defaultCategories: ["CUSTOMER_CONTACT", "PROSPECT"] })).id,
    service: (await makeTopic(db, { isMarketing: false, defaultCategories: ["CUSTOMER_CONTACT"] })).id,
  };
  const org = async (name: string, relationship: Relationship, relationshipEnd: Date | null = null) =>
    (
      await makeOrganisation(db, {
        name: `${name} ${tag} AB`,
        relationship,
        relationshipEnd,
        accountManagerId: manager.id,
      })
    ).id;
  const organisations = {
    customer: await org("Nordlys", "CUSTOMER"),
    customer2: await org("Kvarnby", "CUSTOMER"),
    former: await org("Fjällström", "FORMER_CUSTOMER", monthsAgo(now, 119)),
    partner: await org("Molnbyrån", "PARTNER"),
    supplier: await org("Tryckeriet", "SUPPLIER"),
    prospect: await org("Havsörn", "PROSPECT"),
  };
  const contacts: string[] = [];
  const metAtEvent: string[] = [];
  for (const p of PEOPLE) {
    const source = p.source ?? "NAMED_BY_CUSTOMER";
    const startsOn = monthsAgo(now, p.endedMonthsAgo ? p.endedMonthsAgo + 24 : 24);
    const { id } = await makeContact(db, {
      category: p.category,
      language: p.language ?? "sv",
      source: {
        type: source,
        detail: source === "MET_AT_EVENT" ? event : null,
        date: now,
        staffId: null,
        organisationId: source === "NAMED_BY_CUSTOMER" && p.org ? organisations[p.org] : null,
      },
      marketingOptOutAt: p.optedOut ? monthsAgo(now, 1) : null,
      roles: p.org
        ? [
            {
              organisationId: organisations[p.org],
              type: p.type ?? "OTHER",
              title: null,
              startsOn,
              endsOn: p.endedMonthsAgo === undefined ? null : monthsAgo(now, p.endedMonthsAgo),
            },
          ]
        : [],
      suppressionKey: opts.suppressionKey,
      now,
    });
    for (const key of p.unsubscribed ?? [])
      await db.subscription.update({
        where: { contactId_topicId: { contactId: id, topicId: topics[key] } },
        data: { state: "UNSUBSCRIBED", source: "SELF" },
      });
    contacts.push(id);
    if (source === "MET_AT_EVENT") metAtEvent.push(id);
  }
  return { tag, event, organisations, topics, contacts, metAtEvent };
}
