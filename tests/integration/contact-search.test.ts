// The contact list's search: a substring of the name, the address, or the name or number of an organisation the
// person currently works at; best matches first (whole name, start of the name, start of a later word, anywhere,
// through the organisation only), walked by keyset forward and back; wildcards typed by staff are literal; counts
// exact up to the limit and estimated beyond it, labelled as such.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countOrEstimate, roundEstimate } from "@/lib/db/count-or-estimate";
import { Prisma } from "@/lib/generated/prisma/client";
import { CONTACTS_PER_PAGE, listContacts } from "@/lib/contacts/list-contacts";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, orgNumber, unique } from "../factories";

let t: TestDb;
let tag: string;
const ids: Record<string, string> = {};
let number: string;

beforeAll(async () => {
  t = await createTestDb();
  tag = `zq${unique()}`;
  number = orgNumber();
  const org = await makeOrganisation(t.db, { name: `Bolaget ${tag} AB`, orgNumber: number });
  const former = await makeOrganisation(t.db, { name: `Förra ${tag} AB` });
  ids.exact = (await makeContact(t.db, { name: tag })).id;
  ids.prefix = (await makeContact(t.db, { name: `${tag}son Berg` })).id;
  ids.word = (await makeContact(t.db, { name: `Berg ${tag}` })).id;
  ids.inside = (await makeContact(t.db, { name: `Ann${tag}a` })).id;
  ids.email = (await makeContact(t.db, { name: "Lisa Holm", email: `x${tag}@example.se` })).id;
  ids.viaOrg = (await makeContact(t.db, { name: "Olle Ek", organisationId: org.id })).id;
  // A role that has ended does not make the former organisation find the person.
  ids.ended = (
    await makeContact(t.db, {
      name: "Pia Ny",
      roles: [{ organisationId: former.id, type: "OTHER", title: null, startsOn: new Date("2020-01-01") }],
    })
  ).id;
  await t.db.contactRole.updateMany({ where: { contactId: ids.ended }, data: { endsOn: new Date("2021-01-01") } });
});
afterAll(async () => t.close());

describe("contact search", () => {
  it("ranks the whole name first, then its start, a later word, anywhere, and the organisation last", async () => {
    const page = await listContacts({ db: t.db, query: { q: tag.toUpperCase() } });
    expect(page.sort).toBe("relevance");
    const order = [ids.exact, ids.prefix, ids.word, ids.inside, ids.email, ids.viaOrg];
    expect(page.rows.map((r) => r.id)).toEqual(order);
    expect(page.total).toEqual({ n: 6, exact: true });
  });

  it("finds people by the name or number of an organisation they work at now, not one they left", async () => {
    const byName = await listContacts({ db: t.db, query: { q: `bolaget ${tag}` } });
    expect(byName.rows.map((r) => r.id)).toEqual([ids.viaOrg]);
    const byNumber = await listContacts({ db: t.db, query: { q: number.slice(0, 8) } });
    expect(byNumber.rows.map((r) => r.id)).toContain(ids.viaOrg);
    const former = await listContacts({ db: t.db, query: { q: `Förra ${tag}` } });
    expect(former.rows).toEqual([]);
  });

  it("matches a term of one or two characters only at the start of a word, and says so", async () => {
    const page = await listContacts({ db: t.db, query: { q: "ZQ" } });
    const found = page.rows.map((r) => r.id);
    // Name starts, a later word starts, an organisation's word starts: found. Inside a word or an address: not.
    for (const id of [ids.exact, ids.prefix, ids.word, ids.viaOrg]) expect(found).toContain(id);
    for (const id of [ids.inside, ids.email]) expect(found).not.toContain(id);
    expect(page.shortTerm).toBe(true);
    expect((await listContacts({ db: t.db, query: { q: tag } })).shortTerm).toBe(false);
  });

  it("takes % and _ in a term literally", async () => {
    for (const q of ["%", "_", `${tag}%`, `${tag.slice(0, 3)}_`]) {
      const page = await listContacts({ db: t.db, query: { q } });
      expect(
        page.rows.map((r) => r.id),
        q,
      ).toEqual([]);
    }
  });

  it("a chosen column sort still applies to a search, and the relevance order walks forward and back", async () => {
    const byName = await listContacts({ db: t.db, query: { q: tag, sort: "name", dir: "desc" } });
    const names = byName.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : -1)));
    const many = `zr${unique()}`;
    const made = [];
    for (let i = 0; i < CONTACTS_PER_PAGE + 5; i++)
      made.push((await makeContact(t.db, { name: i % 2 ? `${many} ${i}` : `Karin ${many}${i}` })).id);
    const first = await listContacts({ db: t.db, query: { q: many } });
    expect(first.rows).toHaveLength(CONTACTS_PER_PAGE);
    const second = await listContacts({ db: t.db, query: { q: many, after: first.next ?? undefined } });
    expect(second.next).toBeNull();
    const seen = [...first.rows, ...second.rows].map((r) => r.id);
    expect([...seen].sort()).toEqual([...made].sort());
    // Names that start with the term (rank 1) come before names where it starts a later word (rank 2).
    expect(first.rows[0]!.name.startsWith(many)).toBe(true);
    expect(second.rows.at(-1)!.name.startsWith("Karin")).toBe(true);
    const back = await listContacts({ db: t.db, query: { q: many, before: second.previous ?? undefined } });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.previous).toBeNull();
  });

  it("counts exactly up to the limit and estimates beyond it", async () => {
    const from = Prisma.sql`FROM "Contact" c WHERE c.name LIKE ${`%${tag}%`}`;
    expect(await countOrEstimate(t.db, from, 10)).toEqual({ n: 4, exact: true });
    const over = await countOrEstimate(t.db, Prisma.sql`FROM "Contact" c WHERE TRUE`, 3);
    expect(over.exact).toBe(false);
    expect(over.n).toBeGreaterThanOrEqual(4);
    expect(roundEstimate(312_487)).toBe(312_000);
    expect(roundEstimate(1_004_900)).toBe(1_000_000);
    expect(roundEstimate(987)).toBe(987);
  });
});
