// Staff administration, each test with staff of its own (test factories): only admins invite staff (address normalised, on the allow-list, mail
// through the mail layer), change roles and deactivate or reactivate accounts; nobody demotes or deactivates
// themselves, the last active admin always stays, deactivation ends every session at once and an inactive user
// cannot sign in. Every change is audited in its own transaction and the hash chain still verifies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { findAllowedStaff } from "@/lib/auth/find-allowed-staff";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { staffAdapter } from "@/lib/auth/prisma-adapter";
import { createTransport } from "@/lib/mail/create-transport";
import { changeStaffRole } from "@/lib/staff-users/change-staff-role";
import { deactivateStaffUser } from "@/lib/staff-users/deactivate-staff-user";
import { inviteStaffUser } from "@/lib/staff-users/invite-staff-user";
import { listStaffUsers } from "@/lib/staff-users/list-staff-users";
import { reactivateStaffUser } from "@/lib/staff-users/reactivate-staff-user";
import { createTestDb, type TestDb } from "../support/db";
import { makeStaffUser, unique } from "../factories";

const ALLOWED = ["@elastx.example"];
const PUBLIC_URL = "https://prefs.example.com";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const transport = () =>
  createTransport({ config: { transport: "outbox", from: "Tillit <noreply@example.com>" }, db: t.db });
const invite = (input: Record<string, string>, actor: StaffPrincipal, allowed = ALLOWED) =>
  inviteStaffUser({ db: t.db, actor, input, allowed, publicUrl: PUBLIC_URL, language: "sv", transport: transport() });
/** Astrid (admin), Per (privacy officer) and Karin (account manager), at the allowed domain; `tag` is in every address. */
async function makeStaff() {
  const tag = unique();
  const ADMIN: StaffPrincipal = await makeStaffUser(t.db, "ADMIN", { email: `astrid.lind.${tag}@elastx.example` });
  const PRIVACY: StaffPrincipal = await makeStaffUser(t.db, "PRIVACY_OFFICER", {
    email: `per.dahl.${tag}@elastx.example`,
  });
  const KARIN_EMAIL = `karin.berg.${tag}@elastx.example`;
  const KARIN: StaffPrincipal = await makeStaffUser(t.db, "ACCOUNT_MANAGER", { email: KARIN_EMAIL });
  return { tag, ADMIN, PRIVACY, KARIN, KARIN_EMAIL };
}

const audit = (action: string, subjectId: string) =>
  t.db.auditEvent.findMany({ where: { action, subjectId }, orderBy: { seq: "asc" } });

describe("invite", () => {
  it("creates an active staff user with a normalised address and sends the invitation through the mail layer", async () => {
    const { tag, ADMIN } = await makeStaff();
    const nils = `nils.nilsson.${tag}@elastx.example`;
    const r = await invite(
      { email: `  Nils.Nilsson.${tag}@Elastx.Example `, name: " Nils Nilsson ", role: "SUPPORT" },
      ADMIN,
    );
    expect(r).toMatchObject({ ok: true, mailSent: true });
    if (!r.ok) return;
    const user = await t.db.staffUser.findUniqueOrThrow({ where: { id: r.id } });
    expect(user).toMatchObject({
      email: nils,
      name: "Nils Nilsson",
      role: "SUPPORT",
      active: true,
    });

    const [mail] = await t.db.outboxMessage.findMany({ where: { to: { has: nils } } });
    expect(mail?.subject).toBe("Du har fått ett konto i personalytan");
    expect(mail?.text).toContain(`${PUBLIC_URL}/staff/sign-in`);
    expect(mail?.text).toContain("support");

    const [entry] = await audit("staff.invited", r.id);
    expect(entry).toMatchObject({ actorType: "STAFF", actorId: ADMIN.id, subjectType: "StaffUser" });
    expect(entry?.fields).toEqual(["email", "name", "role"]);

    // The invited person can now sign in (the sign-in decision finds them).
    expect(await findAllowedStaff({ db: t.db, email: nils, allowed: ALLOWED })).not.toBeNull();
  });

  it("refuses per field: bad input, a taken address, an address outside STAFF_ALLOWED_EMAILS", async () => {
    const { tag, ADMIN } = await makeStaff();
    const someone = `someone.${tag}@gmail.example`;
    expect(await invite({ email: "not-an-address", name: "", role: "KING" }, ADMIN)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { email: "email_invalid", name: "name_required", role: "role_invalid" },
    });
    expect(await invite({ email: `KARIN.BERG.${tag}@elastx.example`, name: "Karin", role: "SUPPORT" }, ADMIN)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { email: "email_taken" },
    });
    expect(await invite({ email: someone, name: "Someone", role: "SUPPORT" }, ADMIN)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { email: "email_not_allowed" },
    });
    expect(await t.db.staffUser.count({ where: { email: someone } })).toBe(0);
    // Without an allow-list any address may be invited (the staff register alone decides).
    const open = await invite({ email: someone, name: "Someone", role: "SUPPORT" }, ADMIN, []);
    expect(open.ok).toBe(true);
  });

  it("is for admins only", async () => {
    const { tag, PRIVACY, KARIN } = await makeStaff();
    for (const actor of [PRIVACY, KARIN]) {
      expect(await invite({ email: `x.y.${tag}@elastx.example`, name: "X Y", role: "ADMIN" }, actor)).toEqual({
        ok: false,
        code: "forbidden",
      });
    }
    expect(await t.db.staffUser.count({ where: { email: `x.y.${tag}@elastx.example` } })).toBe(0);
  });
});

describe("roles", () => {
  it("an admin changes someone's role; audited with old and new role", async () => {
    const { ADMIN } = await makeStaff();
    const JOHAN = (await makeStaffUser(t.db, "ACCOUNT_MANAGER")).id;
    const r = await changeStaffRole({
      db: t.db,
      actor: ADMIN,
      staffUserId: JOHAN,
      input: { role: "MARKETING" },
    });
    expect(r).toEqual({ ok: true, changed: true });
    expect((await t.db.staffUser.findUniqueOrThrow({ where: { id: JOHAN } })).role).toBe("MARKETING");
    const [entry] = await audit("staff.role_changed", JOHAN);
    expect(entry?.fields).toEqual(["role"]);
    expect(entry?.personalValues).toEqual({ role: { from: "ACCOUNT_MANAGER", to: "MARKETING" } });
    const same = await changeStaffRole({
      db: t.db,
      actor: ADMIN,
      staffUserId: JOHAN,
      input: { role: "MARKETING" },
    });
    expect(same).toEqual({ ok: true, changed: false });
    const bad = await changeStaffRole({
      db: t.db,
      actor: ADMIN,
      staffUserId: JOHAN,
      input: { role: "BOSS" },
    });
    expect(bad).toEqual({ ok: false, code: "invalid", fieldErrors: { role: "role_invalid" } });
    await changeStaffRole({
      db: t.db,
      actor: ADMIN,
      staffUserId: JOHAN,
      input: { role: "ACCOUNT_MANAGER" },
    });
  });

  it("refuses self-demotion, the last active admin, and non-admins", async () => {
    const { ADMIN, PRIVACY, KARIN } = await makeStaff();
    // Astrid is the only active admin in the register.
    await t.db.staffUser.updateMany({
      where: { role: "ADMIN", active: true, id: { not: ADMIN.id } },
      data: { active: false },
    });
    const self = await changeStaffRole({ db: t.db, actor: ADMIN, staffUserId: ADMIN.id, input: { role: "SUPPORT" } });
    expect(self).toEqual({ ok: false, code: "conflict", reason: "self" });
    expect(
      await changeStaffRole({ db: t.db, actor: PRIVACY, staffUserId: KARIN.id, input: { role: "ADMIN" } }),
    ).toEqual({ ok: false, code: "forbidden" });

    // A second admin exists: Astrid may demote them, but not the other way round once she is the last one.
    await changeStaffRole({ db: t.db, actor: ADMIN, staffUserId: PRIVACY.id, input: { role: "ADMIN" } });
    const second: StaffPrincipal = { id: PRIVACY.id, role: "ADMIN" };
    const demoted = await changeStaffRole({
      db: t.db,
      actor: ADMIN,
      staffUserId: second.id,
      input: { role: "PRIVACY_OFFICER" },
    });
    expect(demoted).toEqual({ ok: true, changed: true });

    // An admin that is no longer active does not count: the last active admin cannot be demoted by them either.
    await t.db.staffUser.update({ where: { id: second.id }, data: { role: "ADMIN", active: false } });
    const last = await changeStaffRole({ db: t.db, actor: second, staffUserId: ADMIN.id, input: { role: "SUPPORT" } });
    expect(last).toEqual({ ok: false, code: "conflict", reason: "last_admin" });
    const lastOff = await deactivateStaffUser({ db: t.db, actor: second, staffUserId: ADMIN.id });
    expect(lastOff).toEqual({ ok: false, code: "conflict", reason: "last_admin" });
    expect(await t.db.staffUser.findUniqueOrThrow({ where: { id: ADMIN.id } })).toMatchObject({
      role: "ADMIN",
      active: true,
    });
    await t.db.staffUser.update({ where: { id: second.id }, data: { role: "PRIVACY_OFFICER", active: true } });
  });
});

describe("deactivate and reactivate", () => {
  it("deactivation deletes every session and unused sign-in link, and the person can no longer sign in", async () => {
    const { tag, ADMIN, KARIN, KARIN_EMAIL } = await makeStaff();
    const adapter = staffAdapter(t.db, { sessionMaxAgeSeconds: 12 * 3600 });
    const email = KARIN_EMAIL;
    const expires = new Date(Date.now() + 3_600_000);
    await t.db.session.createMany({
      data: [
        { sessionToken: `karin-laptop-${tag}`, userId: KARIN.id, expires },
        { sessionToken: `karin-phone-${tag}`, userId: KARIN.id, expires },
      ],
    });
    await t.db.verificationToken.create({ data: { identifier: email, token: `karin-pending-${tag}`, expires } });
    expect((await listStaffUsers({ db: t.db })).find((u) => u.id === KARIN.id)?.openSessions).toBe(2);

    const r = await deactivateStaffUser({ db: t.db, actor: ADMIN, staffUserId: KARIN.id });
    expect(r).toEqual({ ok: true, changed: true, sessionsEnded: 2 });
    expect(await t.db.session.count({ where: { userId: KARIN.id } })).toBe(0);
    expect(await t.db.verificationToken.count({ where: { identifier: email } })).toBe(0);
    expect(await adapter.getSessionAndUser!(`karin-laptop-${tag}`)).toBeNull();
    // The sign-in decision (signIn callback and the magic-link sender) and the adapter refuse an inactive user.
    expect(await findAllowedStaff({ db: t.db, email, allowed: ALLOWED })).toBeNull();
    expect(await adapter.getUserByEmail!(email)).toBeNull();
    const [entry] = await audit("staff.deactivated", KARIN.id);
    expect(entry).toMatchObject({ actorId: ADMIN.id, fields: ["active"] });

    const row = (await listStaffUsers({ db: t.db })).find((u) => u.id === KARIN.id);
    expect(row).toMatchObject({ active: false, openSessions: 0 });
    expect(await deactivateStaffUser({ db: t.db, actor: ADMIN, staffUserId: KARIN.id })).toEqual({
      ok: true,
      changed: false,
      sessionsEnded: 0,
    });

    expect(await reactivateStaffUser({ db: t.db, actor: ADMIN, staffUserId: KARIN.id })).toMatchObject({
      ok: true,
      changed: true,
    });
    expect(await findAllowedStaff({ db: t.db, email, allowed: ALLOWED })).not.toBeNull();
    expect(await audit("staff.reactivated", KARIN.id)).toHaveLength(1);
  });

  it("refuses deactivating oneself, unknown users, and non-admins", async () => {
    const { ADMIN, PRIVACY, KARIN } = await makeStaff();
    expect(await deactivateStaffUser({ db: t.db, actor: ADMIN, staffUserId: ADMIN.id })).toEqual({
      ok: false,
      code: "conflict",
      reason: "self",
    });
    expect(await deactivateStaffUser({ db: t.db, actor: ADMIN, staffUserId: "nobody" })).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await deactivateStaffUser({ db: t.db, actor: PRIVACY, staffUserId: KARIN.id })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await reactivateStaffUser({ db: t.db, actor: KARIN, staffUserId: KARIN.id })).toEqual({
      ok: false,
      code: "forbidden",
    });
  });

  it("lists staff with their last sign-in from the audit trail", async () => {
    const { KARIN } = await makeStaff();
    const support = await makeStaffUser(t.db, "SUPPORT");
    await t.db.$transaction((tx) =>
      recordAuditEvent(
        tx,
        {
          actor: { type: "STAFF", id: KARIN.id },
          action: "staff.signed_in",
          subject: { type: "StaffUser", id: KARIN.id },
        },
        new Date("2026-11-20T08:00:00Z"),
      ),
    );
    const rows = await listStaffUsers({ db: t.db });
    expect(rows.find((u) => u.id === KARIN.id)?.lastSignInAt?.toISOString()).toBe("2026-11-20T08:00:00.000Z");
    expect(rows.find((u) => u.id === support.id)?.lastSignInAt).toBeNull();
  });

  it("the audit chain still verifies", async () => {
    // After a change of its own (the tests above are separate).
    const { ADMIN, KARIN } = await makeStaff();
    expect(await deactivateStaffUser({ db: t.db, actor: ADMIN, staffUserId: KARIN.id })).toMatchObject({ ok: true });
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });
});
