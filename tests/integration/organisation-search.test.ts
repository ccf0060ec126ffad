// The organisation type-ahead: matches by name (names starting with the term first) and by organisation number,
// at most 20, ids resolved to names, input checked, and only for staff who may read organisations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_MATCHES, searchOrganisations } from "@/lib/organisations/search-organisations";
import { createTestDb, type TestDb } from "../support/db";
import { makeOrganisation, makeStaffUser, orgNumber, unique } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

const staff = async () => makeStaffUser(t.db, "MARKETING");

describe("searchOrganisations", () => {
  it("puts names that start with the term before names that contain it", async () => {
    const word = `Kvarn${unique()}`;
    const inside = await makeOrganisation(t.db, { name: `Aaa ${word} AB` });
    const start = await makeOrganisation(t.db, { name: `${word} Logistik AB` });
    const r = await searchOrganisations({ db: t.db, staff: await staff(), input: { q: word.toLowerCase() } });
    expect(r.ok && r.organisations.map((o) => o.id)).toEqual([start.id, inside.id]);
  });

  it("finds an organisation by its number, typed with or without the hyphen", async () => {
    const number = orgNumber();
    const org = await makeOrganisation(t.db, { orgNumber: number });
    for (const q of [number, number.replace("-", ""), number.slice(0, 8).replace("-", "")]) {
      const r = await searchOrganisations({ db: t.db, staff: await staff(), input: { q } });
      expect(r.ok && r.organisations.map((o) => o.id)).toContain(org.id);
    }
  });

  it("answers at most 20 matches however many there are", async () => {
    const word = `Many${unique()}`;
    for (let i = 0; i < ORGANISATION_MATCHES + 5; i++) await makeOrganisation(t.db, { name: `${word} ${i} AB` });
    const r = await searchOrganisations({ db: t.db, staff: await staff(), input: { q: word } });
    expect(r.ok && r.organisations.length).toBe(ORGANISATION_MATCHES);
  });

  it("names the organisations a filter already chose", async () => {
    const a = await makeOrganisation(t.db);
    const b = await makeOrganisation(t.db);
    const r = await searchOrganisations({ db: t.db, staff: await staff(), input: { ids: [b.id, a.id] } });
    expect(r.ok && r.organisations.map((o) => o.name).sort()).toEqual([a.name, b.name].sort());
  });

  it("refuses a term over 100 characters with a field error", async () => {
    const r = await searchOrganisations({ db: t.db, staff: await staff(), input: { q: "x".repeat(101) } });
    expect(r).toEqual({ ok: false, code: "invalid", fieldErrors: { q: "too_long" } });
  });

  it("is open to every staff role, which all read organisations", async () => {
    for (const role of ["ADMIN", "PRIVACY_OFFICER", "ACCOUNT_MANAGER", "MARKETING", "SUPPORT"] as const) {
      const r = await searchOrganisations({ db: t.db, staff: await makeStaffUser(t.db, role), input: { q: "a" } });
      expect(r.ok).toBe(true);
    }
  });
});
