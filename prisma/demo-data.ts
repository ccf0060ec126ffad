// Demo register: a Swedish cloud provider's customers, a former customer, a partner, a supplier, prospects met at a fair.
// Ids are fixed so that seeding is idempotent. All addresses use the reserved .example domain.
import type { ContactCategory, Relationship, RoleType, SourceType, StaffRole } from "@/lib/generated/prisma/enums";

export const DEMO_STAFF: { id: string; email: string; name: string; role: StaffRole }[] = [
  { id: "demo_staff_admin", email: "astrid.lind@elastx.example", name: "Astrid Lind", role: "ADMIN" },
  { id: "demo_staff_privacy", email: "per.dahl@elastx.example", name: "Per Dahl", role: "PRIVACY_OFFICER" },
  { id: "demo_staff_am1", email: "karin.berg@elastx.example", name: "Karin Berg", role: "ACCOUNT_MANAGER" },
  { id: "demo_staff_am2", email: "johan.ek@elastx.example", name: "Johan Ek", role: "ACCOUNT_MANAGER" },
  { id: "demo_staff_marketing", email: "sara.nystrom@elastx.example", name: "Sara Nyström", role: "MARKETING" },
  { id: "demo_staff_support", email: "oskar.holm@elastx.example", name: "Oskar Holm", role: "SUPPORT" },
];

export type DemoOrg = {
  id: string;
  name: string;
  orgNumber: string;
  relationship: Relationship;
  startYearsAgo: number;
  /** Months ago the relationship ended, if it has. */
  endedMonthsAgo?: number;
  accountManagerId: string;
};

export const DEMO_ORGS: DemoOrg[] = [
  {
    id: "demo_org_nordlys",
    name: "Nordlys Energi AB",
    orgNumber: "556677-8899",
    relationship: "CUSTOMER",
    startYearsAgo: 6,
    accountManagerId: "demo_staff_am1",
  },
  {
    id: "demo_org_kvarnby",
    name: "Kvarnby kommun",
    orgNumber: "212000-1231",
    relationship: "CUSTOMER",
    startYearsAgo: 3,
    accountManagerId: "demo_staff_am2",
  },
  // Ended 9 years and 11 months ago: its contacts are one month from the 10-year deletion limit.
  {
    id: "demo_org_fjallstrom",
    name: "Fjällström Logistik AB",
    orgNumber: "556123-4567",
    relationship: "FORMER_CUSTOMER",
    startYearsAgo: 14,
    endedMonthsAgo: 119,
    accountManagerId: "demo_staff_am1",
  },
  {
    id: "demo_org_molnbyran",
    name: "Molnbyrån Konsult AB",
    orgNumber: "559012-3450",
    relationship: "PARTNER",
    startYearsAgo: 4,
    accountManagerId: "demo_staff_am2",
  },
  {
    id: "demo_org_tryckeriet",
    name: "Tryckeriet Väst AB",
    orgNumber: "556998-8776",
    relationship: "SUPPLIER",
    startYearsAgo: 2,
    accountManagerId: "demo_staff_admin",
  },
  {
    id: "demo_org_havsorn",
    name: "Havsörn Fintech AB",
    orgNumber: "556443-3224",
    relationship: "PROSPECT",
    startYearsAgo: 1,
    accountManagerId: "demo_staff_am2",
  },
];

export const DEMO_EVENT = { name: "Cloud Summit Stockholm 2026", monthsAgo: 2, staffId: "demo_staff_am2" };

export type DemoRole = { org: string; type: RoleType; title?: string; startYearsAgo: number; endedMonthsAgo?: number };

export type DemoContact = {
  id: string;
  name: string;
  email: string;
  phone?: string;
  jobTitle?: string;
  language: "sv" | "en";
  category: ContactCategory;
  source: SourceType;
  sourceDetail?: string;
  roles: DemoRole[];
  /** Topics this person unsubscribed from (others follow the category defaults). */
  unsubscribed?: string[];
  optedOutOfAllMarketing?: boolean;
};

const c = (n: number) => `demo_contact_${String(n).padStart(2, "0")}`;

export const DEMO_CONTACTS: DemoContact[] = [
  // Nordlys Energi AB (customer)
  {
    id: c(1),
    name: "Lena Svensson",
    email: "lena.svensson@nordlys.example",
    phone: "+46701234501",
    jobTitle: "Inköpschef",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_nordlys", type: "COMMERCIAL_CONTACT", title: "Avtalsansvarig", startYearsAgo: 6 }],
  },
  {
    id: c(2),
    name: "Mikael Johansson",
    email: "mikael.johansson@nordlys.example",
    phone: "+46701234502",
    jobTitle: "Driftchef",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_nordlys", type: "SYSTEM_ADMINISTRATOR", startYearsAgo: 5 }],
  },
  {
    id: c(3),
    name: "Sofia Karlsson",
    email: "sofia.karlsson@nordlys.example",
    phone: "+46701234503",
    jobTitle: "IT-förvaltare",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_nordlys", type: "SYSTEM_OWNER", title: "Systemförvaltare", startYearsAgo: 4 }],
    unsubscribed: ["events"],
  },
  {
    id: c(4),
    name: "Ahmed Hassan",
    email: "ahmed.hassan@nordlys.example",
    phone: "+46701234504",
    jobTitle: "DevOps engineer",
    language: "en",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_nordlys", type: "TECHNICAL_CONTACT", startYearsAgo: 2 }],
  },
  {
    id: c(5),
    name: "Eva Lindqvist",
    email: "eva.lindqvist@nordlys.example",
    phone: "+46701234505",
    jobTitle: "Ekonomiansvarig",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_nordlys", type: "BILLING_CONTACT", startYearsAgo: 3 }],
    optedOutOfAllMarketing: true,
  },
  // Left the system administrator role; the organisation is still a customer, so the contact is kept.
  {
    id: c(6),
    name: "Björn Nilsson",
    email: "bjorn.nilsson@nordlys.example",
    jobTitle: "Projektledare",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [
      { org: "demo_org_nordlys", type: "SYSTEM_ADMINISTRATOR", startYearsAgo: 6, endedMonthsAgo: 8 },
      { org: "demo_org_nordlys", type: "OTHER", title: "Projektledare molnflytt", startYearsAgo: 1 },
    ],
  },
  // Kvarnby kommun (customer)
  {
    id: c(7),
    name: "Maria Andersson",
    email: "maria.andersson@kvarnby.example",
    phone: "+46702345601",
    jobTitle: "IT-chef",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [
      { org: "demo_org_kvarnby", type: "COMMERCIAL_CONTACT", startYearsAgo: 3 },
      { org: "demo_org_kvarnby", type: "SYSTEM_OWNER", startYearsAgo: 3 },
    ],
  },
  {
    id: c(8),
    name: "Jonas Eriksson",
    email: "jonas.eriksson@kvarnby.example",
    phone: "+46702345602",
    jobTitle: "Systemadministratör",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_kvarnby", type: "SYSTEM_ADMINISTRATOR", startYearsAgo: 3 }],
  },
  {
    id: c(9),
    name: "Fatima Ali",
    email: "fatima.ali@kvarnby.example",
    jobTitle: "Nätverkstekniker",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_kvarnby", type: "TECHNICAL_CONTACT", startYearsAgo: 2 }],
    unsubscribed: ["newsletter", "product-news"],
  },
  {
    id: c(10),
    name: "Gustav Persson",
    email: "gustav.persson@kvarnby.example",
    jobTitle: "Controller",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_kvarnby", type: "BILLING_CONTACT", startYearsAgo: 3, endedMonthsAgo: 4 }],
  },
  {
    id: c(11),
    name: "Hanna Olsson",
    email: "hanna.olsson@kvarnby.example",
    jobTitle: "Informationssäkerhetssamordnare",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_kvarnby", type: "OTHER", title: "Informationssäkerhet", startYearsAgo: 1 }],
  },
  // Fjällström Logistik AB (former customer, ended 9 years 11 months ago)
  {
    id: c(12),
    name: "Lars Gustafsson",
    email: "lars.gustafsson@fjallstrom.example",
    phone: "+46703456701",
    jobTitle: "VD",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_fjallstrom", type: "COMMERCIAL_CONTACT", startYearsAgo: 14, endedMonthsAgo: 119 }],
  },
  {
    id: c(13),
    name: "Ingrid Petersson",
    email: "ingrid.petersson@fjallstrom.example",
    jobTitle: "IT-ansvarig",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_fjallstrom", type: "SYSTEM_ADMINISTRATOR", startYearsAgo: 12, endedMonthsAgo: 119 }],
  },
  {
    id: c(14),
    name: "Nils Larsson",
    email: "nils.larsson@fjallstrom.example",
    jobTitle: "Systemägare",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_fjallstrom", type: "SYSTEM_OWNER", startYearsAgo: 11, endedMonthsAgo: 119 }],
  },
  // Molnbyrån Konsult AB (partner)
  {
    id: c(15),
    name: "Emma Wallin",
    email: "emma.wallin@molnbyran.example",
    phone: "+46704567801",
    jobTitle: "Partneransvarig",
    language: "sv",
    category: "PARTNER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    sourceDetail: "Utsedd i partneravtalet",
    roles: [{ org: "demo_org_molnbyran", type: "COMMERCIAL_CONTACT", startYearsAgo: 4 }],
  },
  {
    id: c(16),
    name: "Oliver Bergström",
    email: "oliver.bergstrom@molnbyran.example",
    jobTitle: "Lösningsarkitekt",
    language: "en",
    category: "PARTNER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    sourceDetail: "Named in the partner agreement",
    roles: [{ org: "demo_org_molnbyran", type: "TECHNICAL_CONTACT", startYearsAgo: 3 }],
  },
  {
    id: c(17),
    name: "Alice Forsberg",
    email: "alice.forsberg@molnbyran.example",
    jobTitle: "Konsult",
    language: "sv",
    category: "PARTNER_CONTACT",
    source: "STAFF_ENTRY",
    sourceDetail: "Introducerad av Emma Wallin",
    roles: [{ org: "demo_org_molnbyran", type: "OTHER", title: "Konsult", startYearsAgo: 2, endedMonthsAgo: 2 }],
  },
  // Tryckeriet Väst AB (supplier)
  {
    id: c(18),
    name: "Peter Holmberg",
    email: "peter.holmberg@tryckeriet.example",
    phone: "+46705678901",
    jobTitle: "Säljare",
    language: "sv",
    category: "SUPPLIER_CONTACT",
    source: "STAFF_ENTRY",
    sourceDetail: "Leverantörsavtal 2024",
    roles: [{ org: "demo_org_tryckeriet", type: "COMMERCIAL_CONTACT", startYearsAgo: 2 }],
  },
  {
    id: c(19),
    name: "Karin Sjöberg",
    email: "karin.sjoberg@tryckeriet.example",
    jobTitle: "Fakturaansvarig",
    language: "sv",
    category: "SUPPLIER_CONTACT",
    source: "STAFF_ENTRY",
    sourceDetail: "Leverantörsavtal 2024",
    roles: [{ org: "demo_org_tryckeriet", type: "BILLING_CONTACT", startYearsAgo: 2 }],
  },
  // Prospects met at the fair
  {
    id: c(20),
    name: "David Lundgren",
    email: "david.lundgren@havsorn.example",
    phone: "+46706789001",
    jobTitle: "CTO",
    language: "sv",
    category: "PROSPECT",
    source: "MET_AT_EVENT",
    roles: [{ org: "demo_org_havsorn", type: "TECHNICAL_CONTACT", startYearsAgo: 0 }],
  },
  {
    id: c(21),
    name: "Julia Mattsson",
    email: "julia.mattsson@havsorn.example",
    jobTitle: "Head of Infrastructure",
    language: "en",
    category: "PROSPECT",
    source: "MET_AT_EVENT",
    roles: [{ org: "demo_org_havsorn", type: "SYSTEM_OWNER", startYearsAgo: 0 }],
  },
  {
    id: c(22),
    name: "Robert Axelsson",
    email: "robert.axelsson@havsorn.example",
    jobTitle: "CFO",
    language: "sv",
    category: "PROSPECT",
    source: "MET_AT_EVENT",
    roles: [{ org: "demo_org_havsorn", type: "COMMERCIAL_CONTACT", startYearsAgo: 0 }],
  },
  {
    id: c(23),
    name: "Linnea Strand",
    email: "linnea.strand@granit-data.example",
    jobTitle: "IT-strateg",
    language: "sv",
    category: "PROSPECT",
    source: "MET_AT_EVENT",
    roles: [],
  },
  {
    id: c(24),
    name: "Thomas Becker",
    email: "thomas.becker@nordsee-cloud.example",
    jobTitle: "Procurement lead",
    language: "en",
    category: "PROSPECT",
    source: "MET_AT_EVENT",
    roles: [],
    unsubscribed: ["newsletter"],
  },
  {
    id: c(25),
    name: "Elin Sandberg",
    email: "elin.sandberg@vinterdata.example",
    jobTitle: "Utvecklingschef",
    language: "sv",
    category: "PROSPECT",
    source: "IMPORTED",
    sourceDetail: "Deltagarlista, webbinarium om datasuveränitet (CSV)",
    roles: [],
  },
  {
    id: c(26),
    name: "Marcus Holm",
    email: "marcus.holm@kvarnby.example",
    jobTitle: "Säkerhetsansvarig",
    language: "sv",
    category: "CUSTOMER_CONTACT",
    source: "NAMED_BY_CUSTOMER",
    roles: [{ org: "demo_org_kvarnby", type: "SYSTEM_ADMINISTRATOR", startYearsAgo: 1 }],
  },
  {
    id: c(27),
    name: "Sara Öberg",
    email: "sara.oberg@havsorn.example",
    jobTitle: "Utvecklare",
    language: "sv",
    category: "PROSPECT",
    source: "MET_AT_EVENT",
    roles: [{ org: "demo_org_havsorn", type: "OTHER", title: "Utvecklare", startYearsAgo: 0 }],
  },
];

export type DemoTopic = {
  key: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  purpose: "MARKETING_MAILINGS" | "SERVICE_NOTICES";
  isMarketing: boolean;
  defaultCategories: ContactCategory[];
};

export const DEMO_TOPICS: DemoTopic[] = [
  {
    key: "newsletter",
    nameSv: "Nyhetsbrev",
    nameEn: "Newsletter",
    descriptionSv: "Ett brev i månaden om molnet, säkerhet och datasuveränitet.",
    descriptionEn: "A monthly letter about the cloud, security and data sovereignty.",
    purpose: "MARKETING_MAILINGS",
    isMarketing: true,
    defaultCategories: ["CUSTOMER_CONTACT", "PARTNER_CONTACT", "PROSPECT"],
  },
  {
    key: "product-news",
    nameSv: "Produktnyheter",
    nameEn: "Product news",
    descriptionSv: "Nya tjänster, funktioner och prisändringar.",
    descriptionEn: "New services, features and price changes.",
    purpose: "MARKETING_MAILINGS",
    isMarketing: true,
    defaultCategories: ["CUSTOMER_CONTACT", "PARTNER_CONTACT"],
  },
  {
    key: "events",
    nameSv: "Event och webbinarier",
    nameEn: "Events and webinars",
    descriptionSv: "Inbjudningar till frukostseminarier, webbinarier och mässor.",
    descriptionEn: "Invitations to breakfast seminars, webinars and fairs.",
    purpose: "MARKETING_MAILINGS",
    isMarketing: true,
    defaultCategories: ["CUSTOMER_CONTACT", "PROSPECT"],
  },
  {
    key: "service-notices",
    nameSv: "Driftinformation",
    nameEn: "Service notices",
    descriptionSv:
      "Planerat underhåll, driftstörningar och säkerhetsmeddelanden för tjänster din organisation använder.",
    descriptionEn: "Planned maintenance, incidents and security notices for services your organisation uses.",
    purpose: "SERVICE_NOTICES",
    isMarketing: false,
    defaultCategories: ["CUSTOMER_CONTACT"],
  },
];

export const DEMO_SEGMENT = {
  id: "demo_segment_customers",
  name: "Kundkontakter",
  filter: { categories: ["CUSTOMER_CONTACT"] },
  createdById: "demo_staff_marketing",
};

export const DEMO_MAILING = {
  id: "demo_mailing_draft",
  name: "Nyhetsbrev december",
  topicId: "demo_topic_newsletter",
  segmentId: "demo_segment_customers",
  subjectSv: "Nyheter från Elastx i december",
  subjectEn: "News from Elastx in December",
  preheaderSv: "Ny region i Sundsvall och ett enklare kontrollpanel",
  preheaderEn: "A new region in Sundsvall and a simpler control panel",
  bodySv:
    "## Hej {{name}}!\n\nI december öppnar vi en ny region i **Sundsvall**.\n\n- Objektlagring med versionshantering\n- Ett enklare kontrollpanel\n\n[Läs mer på vår webbplats](https://elastx.example/news)",
  bodyEn:
    "## Hello {{name}}!\n\nIn December we open a new region in **Sundsvall**.\n\n- Object storage with versioning\n- A simpler control panel\n\n[Read more on our website](https://elastx.example/news)",
  createdById: "demo_staff_marketing",
};

/** Staff-only text: marketing and support must never receive it (the authorisation matrix checks). */
export const DEMO_NOTE = {
  id: "demo_note_01",
  contactId: "demo_contact_05",
  authorId: "demo_staff_am1",
  body: "Vill helst bli kontaktad per telefon före kl. 10; avtalet förnyas i mars.",
};
