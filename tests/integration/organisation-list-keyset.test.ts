// The organisation list's keyset pagination (the same helper as the contact list): forward and back through every
// page in each sort and direction, every organisation once and in order, ties on the name broken by id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOrganisations, ORGANISATIONS_PER_PAGE } from "@/lib/organisations/list-organisations";
import { createTestDb, type TestDb } from "../support/db";
import { makeOrganisation, unique } from "../factories";

let t: TestDb;
let tag: string;
let ids: string[];
const COUNT = ORGANISATIONS_PER_PAGE * 2 + 7;
beforeAll(async () => {
  t = await createTestDb();
  tag = `orgkeyset${unique()}`;
  ids = [];
  // Names repeat in threes, so ties on the sort value cross page borders.
  for (let i = 0; i < COUNT; i++) {
    const o = await makeOrganisation(t.db, { name: `${tag} ${String(Math.floor(i / 3)).padStart(3, "0")} AB` });
    ids.push(o.id);
  }
});
afterAll(async () => t.close());

type Page = Awaited<ReturnType<typeof listOrganisations>>;

describe("listOrganisations keyset pagination", () => {
  for (const [sort, dir] of [
    ["name", "asc"],
    ["name", "desc"],
    ["created", "asc"],
    ["created", "desc"],
  ] as const) {
    it(`meets every organisation once, in order, forward and back (${sort} ${dir})`, async () => {
      const forward: Page[] = [];
      let after: string | undefined;
      do {
        const page = await listOrganisations({ db: t.db, query: { q: tag, sort, dir, after } });
        forward.push(page);
        after = page.next ?? undefined;
      } while (after);
      expect(forward.map((p) => p.rows.length)).toEqual([ORGANISATIONS_PER_PAGE, ORGANISATIONS_PER_PAGE, 7]);
      const seen = forward.flatMap((p) => p.rows);
      expect([...seen.map((r) => r.id)].sort()).toEqual([...ids].sort());
      const key = (r: (typeof seen)[number]) => (sort === "name" ? r.name : r.createdAt.toISOString());
      const sign = dir === "asc" ? 1 : -1;
      for (let i = 1; i < seen.length; i++) {
        const a = seen[i - 1]!;
        const b = seen[i]!;
        const cmp = key(a) === key(b) ? (a.id < b.id ? -1 : 1) : key(a) < key(b) ? -1 : 1;
        expect(cmp * sign).toBe(-1);
      }
      const back: Page[] = [forward.at(-1)!];
      let before = forward.at(-1)!.previous ?? undefined;
      while (before) {
        const page = await listOrganisations({ db: t.db, query: { q: tag, sort, dir, before } });
        back.unshift(page);
        before = page.previous ?? undefined;
      }
      expect(back.map((p) => p.rows.map((r) => r.id))).toEqual(forward.map((p) => p.rows.map((r) => r.id)));
      expect(forward.every((p) => p.total === COUNT)).toBe(true);
    });
  }
});
