// No list makes a query per row it shows: each staff list is read with 2 rows of each kind and again with 12 (its
// related rows included: roles, organisations, account managers, handlers), and the number of SQL statements Prisma
// sends must not grow. The statements are counted from Prisma's own query log on a second client over the same
// database, so nested reads Prisma splits into several statements count too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listContacts } from "@/lib/contacts/list-contacts";
import { openAdapter } from "@/lib/db/adapter";
import type { Db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listMailings } from "@/lib/mailings/list-mailings";
import { listOrganisations } from "@/lib/organisations/list-organisations";
import { listPrivacyRequests } from "@/lib/privacy-requests/list-privacy-requests";
import { listSegments } from "@/lib/segments/list-segments";
import { listStaffUsers } from "@/lib/staff-users/list-staff-users";
import { listTopics } from "@/lib/topics/list-topics";
import { createTestDb, type TestDb } from "../support/db";
import {
  makeContact,
  makeMailing,
  makeOrganisation,
  makeSegment,
  makeStaffUser,
  makeTopic,
  unique,
} from "../factories";

let t: TestDb;
const countingClient = (adapter: Awaited<ReturnType<typeof openAdapter>>["factory"]) =>
  new PrismaClient({ adapter, log: [{ emit: "event" as const, level: "query" as const }] });
let counted: ReturnType<typeof countingClient>;
let closeCounted: () => Promise<void>;
let statements = 0;
let marketing: Awaited<ReturnType<typeof makeStaffUser>>;
let topicId: string;
let segmentId: string;
const tag = `nq${unique()}`;

beforeAll(async () => {
  t = await createTestDb();
  const opened = await openAdapter(t.target);
  counted = countingClient(opened.factory);
  counted.$on("query", () => statements++);
  closeCounted = async () => {
    await counted.$disconnect();
    await opened.close();
  };
  marketing = await makeStaffUser(t.db, "MARKETING");
  topicId = (await makeTopic(t.db)).id;
  segmentId = (await makeSegment(t.db)).id;
});
afterAll(async () => {
  await closeCounted?.();
  await t?.close();
});

/** Adds `n` rows of every kind the lists show, each with its related rows. */
async function addRows(n: number) {
  for (let i = 0; i < n; i++) {
    const manager = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const org = await makeOrganisation(t.db, { name: `${tag} Org ${unique()}`, accountManagerId: manager.id });
    const contact = await makeContact(t.db, { name: `${tag} ${unique()}`, organisationId: org.id });
    await makeMailing(t.db, { topicId, segmentId, createdById: marketing.id });
    await makeSegment(t.db, { createdById: marketing.id });
    await makeTopic(t.db);
    await t.db.privacyRequest.create({
      data: {
        contactId: contact.id,
        type: "ACCESS",
        channel: "EMAIL",
        receivedAt: new Date(),
        dueAt: new Date(Date.now() + 86_400_000),
        status: "IN_PROGRESS",
        handlerId: manager.id,
      },
    });
    await t.db.$transaction((tx) =>
      recordAuditEvents(tx, [
        {
          actor: { type: "STAFF", id: manager.id },
          action: "contact.viewed",
          subject: { type: "Contact", id: contact.id },
        },
      ]),
    );
    await t.db.apiKey.create({
      data: {
        name: `key ${unique()}`,
        prefix: `tk_${unique()}`,
        secretHash: unique(),
        scope: "READ",
        createdById: manager.id,
      },
    });
  }
}

const LISTS: [string, (db: Db) => Promise<unknown>][] = [
  ["contacts", (db) => listContacts({ db, query: { q: tag } })],
  ["organisations", (db) => listOrganisations({ db, query: { q: tag } })],
  ["audit trail", (db) => listAuditEvents({ db, filter: {} })],
  ["mailings", (db) => listMailings({ db, staff: marketing })],
  ["segments", (db) => listSegments({ db })],
  ["topics", (db) => listTopics({ db })],
  ["staff users", (db) => listStaffUsers({ db })],
  ["privacy requests", (db) => listPrivacyRequests({ db })],
  ["API keys", (db) => listApiKeys({ db })],
];

async function statementsOf(list: (db: Db) => Promise<unknown>): Promise<number> {
  await list(counted as unknown as Db); // warm: a first read may check a checkpoint or a cache once
  statements = 0;
  await list(counted as unknown as Db);
  return statements;
}

/** One list after the other: the counter is shared. */
async function countAll(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, list] of LISTS) out[name] = await statementsOf(list);
  return out;
}

describe("staff lists make no query per row", () => {
  it("read as many statements for 12 rows as for 2", async () => {
    await addRows(2);
    const few = await countAll();
    await addRows(10);
    const many = await countAll();
    expect(many).toEqual(few);
    for (const n of Object.values(few)) expect(n).toBeGreaterThan(0);
  });
});
