// Handing several organisations to one account manager from the list: all or nothing, one audit entry per
// organisation that changed, and the rules of the single edit (an active manager; account managers cannot hand
// organisations away).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignAccountManager } from "@/lib/organisations/assign-account-manager";
import { createTestDb, type TestDb } from "../support/db";
import { makeOrganisation, makeStaffUser } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

const managerOf = async (id: string) =>
  (await t.db.organisation.findUniqueOrThrow({ where: { id }, select: { accountManagerId: true } })).accountManagerId;

describe("assignAccountManager", () => {
  it("moves every ticked organisation to the new manager, auditing each one that changed", async () => {
    const admin = await makeStaffUser(t.db, "ADMIN");
    const leaving = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const taking = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const a = await makeOrganisation(t.db, { accountManagerId: leaving.id });
    const b = await makeOrganisation(t.db, { accountManagerId: leaving.id });
    const already = await makeOrganisation(t.db, { accountManagerId: taking.id });
    const r = await assignAccountManager({
      db: t.db,
      staff: admin,
      input: { ids: [a.id, b.id, already.id], accountManagerId: taking.id },
    });
    expect(r).toEqual({ ok: true, changed: 2, managerName: taking.name });
    for (const o of [a, b, already]) expect(await managerOf(o.id)).toBe(taking.id);
    const entries = await t.db.auditEvent.findMany({
      where: { action: "organisation.updated", actorId: admin.id },
      select: { subjectId: true, fields: true, personalValues: true },
    });
    expect(entries.map((e) => e.subjectId).sort()).toEqual([a.id, b.id].sort());
    expect(entries[0]).toMatchObject({
      fields: ["accountManagerId"],
      personalValues: { accountManagerId: { from: leaving.id, to: taking.id } },
    });
  });

  it("leaves organisations without a manager when asked for none", async () => {
    const po = await makeStaffUser(t.db, "PRIVACY_OFFICER");
    const am = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const o = await makeOrganisation(t.db, { accountManagerId: am.id });
    const r = await assignAccountManager({ db: t.db, staff: po, input: { ids: [o.id], accountManagerId: "none" } });
    expect(r).toEqual({ ok: true, changed: 1, managerName: null });
    expect(await managerOf(o.id)).toBeNull();
  });

  it("changes nothing when one organisation is unknown", async () => {
    const admin = await makeStaffUser(t.db, "ADMIN");
    const am = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const o = await makeOrganisation(t.db);
    const r = await assignAccountManager({
      db: t.db,
      staff: admin,
      input: { ids: [o.id, "no-such-organisation"], accountManagerId: am.id },
    });
    expect(r).toEqual({ ok: false, code: "not_found" });
    expect(await managerOf(o.id)).toBeNull();
  });

  it("refuses an inactive manager, an empty selection, and an account manager handing organisations away", async () => {
    const admin = await makeStaffUser(t.db, "ADMIN");
    const gone = await makeStaffUser(t.db, "ACCOUNT_MANAGER", { active: false });
    const karin = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const johan = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const own = await makeOrganisation(t.db, { accountManagerId: karin.id });
    expect(
      await assignAccountManager({ db: t.db, staff: admin, input: { ids: [own.id], accountManagerId: gone.id } }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { accountManagerId: "account_manager_invalid" } });
    expect(
      await assignAccountManager({ db: t.db, staff: admin, input: { ids: [], accountManagerId: karin.id } }),
    ).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { ids: "nothing_selected" },
    });
    expect(
      await assignAccountManager({ db: t.db, staff: karin, input: { ids: [own.id], accountManagerId: johan.id } }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { accountManagerId: "account_manager_own_only" } });
    expect(await managerOf(own.id)).toBe(karin.id);
  });

  it("refuses marketing and support outright", async () => {
    const am = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
    const o = await makeOrganisation(t.db);
    for (const role of ["MARKETING", "SUPPORT"] as const) {
      const staff = await makeStaffUser(t.db, role);
      const r = await assignAccountManager({ db: t.db, staff, input: { ids: [o.id], accountManagerId: am.id } });
      expect(r, role).toEqual({ ok: false, code: "forbidden" });
    }
    expect(await managerOf(o.id)).toBeNull();
  });
});
