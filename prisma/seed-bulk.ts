// npm run db:seed:bulk -- --contacts N [--batch 10000]
// Synthetic register for benchmarks: organisations, contacts with roles, legal bases and subscriptions. Each batch is
// one transaction of multi-row INSERT … SELECT FROM unnest(…) statements (one round trip per table per batch, never
// one per row) together with its audit entry. Prints its timings.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { openPglite } from "@/lib/db/adapter";
import { checkMigrations } from "@/lib/db/migrations";
import { rawFromPglite, rawFromUrl, type RawSql } from "@/lib/db/raw";
import { recordAuditEventsRaw } from "@/lib/audit/record-audit-event";
import { getConfig } from "@/lib/env/config";
import { createContactsWithDefaults, type NewContact } from "@/lib/contacts/create-contacts-with-defaults";
import { defaultLegalBases } from "@/lib/policy/purposes";
import type { ContactCategory, RoleType } from "@/lib/generated/prisma/enums";
import { seedIfEmpty } from "./seed-demo";

const FIRST = [
  "Anna",
  "Erik",
  "Maria",
  "Lars",
  "Karin",
  "Johan",
  "Sofia",
  "Anders",
  "Eva",
  "Per",
  "Emma",
  "Mikael",
  "Sara",
  "Nils",
  "Linnea",
  "Oskar",
  "Elin",
  "Gustav",
  "Ida",
  "Ahmed",
  "Fatima",
  "Jonas",
  "Hanna",
  "David",
  "Maja",
  "Olof",
  "Astrid",
  "Viktor",
  "Amira",
  "Henrik",
];
const LAST = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Lindberg",
  "Lindqvist",
  "Berg",
  "Holm",
  "Ek",
  "Sandberg",
  "Forsberg",
  "Hassan",
  "Ali",
  "Nyström",
  "Åberg",
  "Öberg",
  "Wallin",
];
const TITLES = [
  "IT-chef",
  "Driftchef",
  "Systemadministratör",
  "CTO",
  "Inköpare",
  "Controller",
  "Utvecklare",
  "Säkerhetsansvarig",
  "Head of Infrastructure",
  "Projektledare",
];
const CATEGORIES: ContactCategory[] = [
  "CUSTOMER_CONTACT",
  "CUSTOMER_CONTACT",
  "CUSTOMER_CONTACT",
  "PROSPECT",
  "PROSPECT",
  "PARTNER_CONTACT",
  "SUPPLIER_CONTACT",
];
const ROLE_TYPES: RoleType[] = [
  "COMMERCIAL_CONTACT",
  "SYSTEM_ADMINISTRATOR",
  "SYSTEM_OWNER",
  "TECHNICAL_CONTACT",
  "BILLING_CONTACT",
  "OTHER",
];
const RELATIONSHIP_FOR: Record<ContactCategory, string> = {
  CUSTOMER_CONTACT: "CUSTOMER",
  PROSPECT: "PROSPECT",
  PARTNER_CONTACT: "PARTNER",
  SUPPLIER_CONTACT: "SUPPLIER",
};
const CONTACTS_PER_ORG = 20;

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

async function openRaw(): Promise<{ raw: RawSql; close: () => Promise<void>; where: string }> {
  const db = getConfig().database;
  if (db.kind === "postgres") {
    const raw = await rawFromUrl(db.url);
    return { raw, close: raw.close, where: "PostgreSQL" };
  }
  const opened = await openPglite(db.dir);
  return { raw: rawFromPglite(opened.pglite), close: opened.close, where: `PGlite (${db.dir})` };
}

async function main() {
  const { values } = parseArgs({
    options: { contacts: { type: "string" }, batch: { type: "string", default: "10000" } },
  });
  const total = Number(values.contacts);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(total) || total <= 0 || !Number.isInteger(batchSize) || batchSize <= 0) {
    console.error("Usage: npm run db:seed:bulk -- --contacts N [--batch 10000]");
    process.exit(2);
  }
  // Topics and staff come from the demo seed; it does nothing on a database that already has data.
  await seedIfEmpty(getConfig().database);
  const { raw, close, where } = await openRaw();
  try {
    const pending = await checkMigrations(raw);
    if (pending.length > 0) throw new Error("The database is not fully migrated: run npm run db:migrate first.");
    const topics = await raw.query<{ id: string; defaultCategories: string }>(
      `SELECT id, "defaultCategories"::text AS "defaultCategories" FROM "Topic"`,
    );
    const topicDefaults = topics.map((t) => ({
      id: t.id,
      categories: t.defaultCategories.replace(/[{}]/g, "").split(","),
    }));
    const run = randomBytes(3).toString("hex");
    const suppressionKey = getConfig().suppressionKey;
    const started = performance.now();
    let done = 0;
    let rows = 0;
    for (let batchNo = 0; done < total; batchNo++) {
      const n = Math.min(batchSize, total - done);
      rows += await insertBatch(raw, { run, batchNo, offset: done, n, topicDefaults, suppressionKey });
      done += n;
      const s = (performance.now() - started) / 1000;
      process.stdout.write(
        `\r${done.toLocaleString("en")} / ${total.toLocaleString("en")} contacts, ${s.toFixed(1)} s`,
      );
    }
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write("\n");
    console.log(
      `Loaded ${total.toLocaleString("en")} contacts (${rows.toLocaleString("en")} rows in all tables) into ${where} in ${seconds.toFixed(1)} s: ` +
        `${Math.round(total / seconds).toLocaleString("en")} contacts/s, batches of ${batchSize}.`,
    );
  } finally {
    await close();
  }
}

type Batch = {
  run: string;
  batchNo: number;
  offset: number;
  n: number;
  topicDefaults: { id: string; categories: string[] }[];
  /** Contact.addressHash is hashAddress(email, key), computed here per row like every other writer of `email`. */
  suppressionKey: string;
};

async function insertBatch(raw: RawSql, b: Batch): Promise<number> {
  const now = new Date();
  const orgIds: string[] = [],
    orgNames: string[] = [],
    orgRel: string[] = [];
  const contacts: NewContact[] = [];
  const leftTopics: string[] = [];

  for (let k = 0; k < b.n; k++) {
    const i = b.offset + k;
    const category = pick(CATEGORIES, i);
    const orgIndex = Math.floor(i / CONTACTS_PER_ORG);
    const orgId = `bulk_${b.run}_org_${orgIndex}`;
    if (i % CONTACTS_PER_ORG === 0 || k === 0) {
      if (!orgIds.includes(orgId)) {
        orgIds.push(orgId);
        orgNames.push(
          `${pick(LAST, orgIndex)} ${pick(["Data", "Energi", "Logistik", "Konsult", "Fintech"], orgIndex)} ${orgIndex} AB`,
        );
        orgRel.push(RELATIONSHIP_FOR[category]);
      }
    }
    const first = pick(FIRST, i * 7),
      last = pick(LAST, i * 13);
    const id = `bulk_${b.run}_${i}`;
    contacts.push({
      id,
      name: `${first} ${last}`,
      email: `${first}.${last}.${b.run}${i}@org${orgIndex}.example`.toLowerCase(),
      phone: i % 3 === 0 ? null : `+4670${String(1000000 + (i % 9000000)).padStart(7, "0")}`,
      jobTitle: pick(TITLES, i),
      language: i % 5 === 0 ? "en" : "sv",
      category,
      source: { type: "IMPORTED", detail: "Bulk benchmark data", date: null, staffId: null, organisationId: orgId },
      legalBasisNote: null,
      roles: [
        {
          organisationId: orgId,
          type: pick(ROLE_TYPES, i),
          title: null,
          startsOn: new Date("2020-01-01T00:00:00Z"),
          endsOn: i % 10 === 0 ? new Date("2025-06-30T00:00:00Z") : null,
        },
      ],
    });
    // One contact in 17 has left every topic it had by default.
    if (i % 17 === 0) leftTopics.push(id);
  }

  await raw.query("BEGIN");
  try {
    await raw.query(
      `INSERT INTO "Organisation" (id, name, relationship, "relationshipStart", "createdAt", "updatedAt")
       SELECT id, name, rel::"Relationship", DATE '2020-01-01', $4, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, name, rel)
       ON CONFLICT (id) DO NOTHING`,
      [orgIds, orgNames, orgRel, now],
    );
    // Born like every contact (lib/contacts/create-contacts-with-defaults.ts); the per-contact audit entries it
    // returns are replaced by one entry per batch, as a benchmark register is not anyone's history.
    await createContactsWithDefaults(
      { execute: (sql, params) => raw.query(sql, params), query: (sql, params) => raw.query(sql, params) },
      {
        contacts,
        suppressionKey: b.suppressionKey,
        subscriptionSource: "IMPORT",
        audit: { actor: { type: "SYSTEM", id: "seed-bulk" }, action: "contact.imported" },
        now,
      },
    );
    await raw.query(
      `UPDATE "Subscription" SET state = 'UNSUBSCRIBED', source = 'SELF' WHERE "contactId" = ANY($1::text[])`,
      [leftTopics],
    );
    await raw.query(
      `UPDATE "SubscriptionChange" SET state = 'UNSUBSCRIBED', source = 'SELF' WHERE "contactId" = ANY($1::text[])`,
      [leftTopics],
    );
    await recordAuditEventsRaw(raw, [
      {
        actor: { type: "SYSTEM", id: "seed-bulk" },
        action: "contacts.bulk_created",
        subject: { type: "BulkBatch", id: `${b.run}:${b.batchNo}` },
        fields: ["name", "email", "phone", "jobTitle", "language", "category"],
      },
    ]);
    await raw.query("COMMIT");
  } catch (e) {
    await raw.query("ROLLBACK");
    throw e;
  }
  const legalBases = contacts.reduce((n, c) => n + defaultLegalBases(c.category).length, 0);
  const subscriptions = contacts.reduce(
    (n, c) => n + b.topicDefaults.filter((t) => t.categories.includes(c.category)).length,
    0,
  );
  return orgIds.length + contacts.length * 2 + legalBases + 2 * subscriptions + 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
