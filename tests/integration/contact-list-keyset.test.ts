// The contact list's keyset pagination: walking forward and back through every page, in each sort and direction,
// meets every matching contact exactly once and in order, ties on the sort value broken by id; a cursor edited by
// hand starts the list from its first page instead of reaching the query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTACTS_PER_PAGE, listContacts } from "@/lib/contacts/list-contacts";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, unique } from "../factories";

let t: TestDb;
let tag: string;
let ids: string[];
beforeAll(async () => {
  t = await createTestDb();
  tag = `keyset${unique()}`;
  ids = [];
  // 60 contacts over 3 pages, in groups of three with the same name, so ties on the sort value cross page borders.
  for (let i = 0; i < 60; i++) {
    const c = await makeContact(t.db, { name: `${tag} ${String(Math.floor(i / 3)).padStart(2, "0")}` });
    ids.push(c.id);
  }
});
afterAll(async () => t.close());

type Page = Awaited<ReturnType<typeof listContacts>>;

async function walk(sort: string, dir: string) {
  const forward: Page[] = [];
  let after: string | undefined;
  do {
    const page = await listContacts({ db: t.db, query: { q: tag, sort, dir, after } });
    forward.push(page);
    after = page.next ?? undefined;
  } while (after);
  const backward: Page[] = [forward.at(-1)!];
  let before = forward.at(-1)!.previous ?? undefined;
  while (before) {
    const page = await listContacts({ db: t.db, query: { q: tag, sort, dir, before } });
    backward.unshift(page);
    before = page.previous ?? undefined;
  }
  return { forward, backward };
}

describe("listContacts keyset pagination", () => {
  for (const [sort, dir] of [
    ["name", "asc"],
    ["name", "desc"],
    ["created", "asc"],
    ["created", "desc"],
  ] as const) {
    it(`meets every contact once, in order, forward and back (${sort} ${dir})`, async () => {
      const { forward, backward } = await walk(sort, dir);
      expect(forward.map((p) => p.rows.length)).toEqual([CONTACTS_PER_PAGE, CONTACTS_PER_PAGE, 10]);
      const seen = forward.flatMap((p) => p.rows);
      expect(new Set(seen.map((r) => r.id)).size).toBe(60);
      expect([...seen.map((r) => r.id)].sort()).toEqual([...ids].sort());
      const key = (r: (typeof seen)[number]) => (sort === "name" ? r.name : r.createdAt.toISOString());
      const sign = dir === "asc" ? 1 : -1;
      for (let i = 1; i < seen.length; i++) {
        const a = seen[i - 1]!;
        const b = seen[i]!;
        const cmp = key(a) === key(b) ? (a.id < b.id ? -1 : 1) : key(a) < key(b) ? -1 : 1;
        expect(cmp * sign, `${key(a)} ${a.id} then ${key(b)} ${b.id}`).toBe(-1);
      }
      // Back from the last page to the first: the same pages, the first without a previous link.
      expect(backward.map((p) => p.rows.map((r) => r.id))).toEqual(forward.map((p) => p.rows.map((r) => r.id)));
      expect(backward[0]!.previous).toBeNull();
      expect(forward[0]!.previous).toBeNull();
      expect(forward.at(-1)!.next).toBeNull();
      expect(forward.every((p) => p.total.n === 60 && p.total.exact)).toBe(true);
    });
  }

  it("ignores a cursor that was edited by hand and starts from the first page", async () => {
    const first = await listContacts({ db: t.db, query: { q: tag } });
    for (const after of ["nonsense", Buffer.from('["x"]').toString("base64url"), "x".repeat(2000)]) {
      const page = await listContacts({ db: t.db, query: { q: tag, after } });
      expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }
    const badDate = Buffer.from(JSON.stringify(["not a date", "id"])).toString("base64url");
    const page = await listContacts({ db: t.db, query: { q: tag, sort: "created", after: badDate } });
    expect(page.rows).toHaveLength(CONTACTS_PER_PAGE);
  });
});
