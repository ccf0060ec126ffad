// Staff register use-cases on the demo register: account managers change only organisations and contacts they manage,
// marketing never receives a phone number, every read of a full record and every change is audited, and an address
// with a suppression tombstone is re-created only through an explicit, audited override.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { findSuppression } from "@/lib/suppression/find-suppression";
import { addRole } from "@/lib/roles/add-role";
import { endRole } from "@/lib/roles/end-role";
import { changeSubscriptionByStaff } from "@/lib/subscriptions/change-subscription-by-staff";
import { createContact } from "@/lib/contacts/create-contact";
import { eraseContactByStaff } from "@/lib/contacts/erase-contact-by-staff";
import { getOrganisation } from "@/lib/organisations/get-organisation";
import { listContacts } from "@/lib/contacts/list-contacts";
import { listOrganisations } from "@/lib/organisations/list-organisations";
import { revokeLinks } from "@/lib/recipients/revoke-links";
import { saveOrganisation } from "@/lib/organisations/save-organisation";
import { updateContact } from "@/lib/contacts/update-contact";
import { viewContact } from "@/lib/contacts/view-contact";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { makeContact } from "../factories";
import { seedDemo } from "@/prisma/seed-demo";
import { createTestDb, type TestDb } from "../support/db";

const KEY = "k".repeat(40);
const ADMIN: StaffPrincipal = { id: "demo_staff_admin", role: "ADMIN" };
const KARIN: StaffPrincipal = { id: "demo_staff_am1", role: "ACCOUNT_MANAGER" }; // Nordlys, Fjällström
const MARKETING: StaffPrincipal = { id: "demo_staff_marketing", role: "MARKETING" };
const SUPPORT: StaffPrincipal = { id: "demo_staff_support", role: "SUPPORT" };
const PRIVACY: StaffPrincipal = { id: "demo_staff_privacy", role: "PRIVACY_OFFICER" };
const LENA = "demo_contact_01"; // Nordlys (Karin's)
const MARIA = "demo_contact_07"; // Kvarnby (Johan's)

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo({ db: t.db });
});
afterAll(async () => t?.close());

const audit = (action: string, subjectId: string) =>
  t.db.auditEvent.findMany({ where: { action, subjectId }, orderBy: { seq: "asc" } });

const contactInput = (over: Record<string, unknown> = {}) => ({
  name: "Lena Svensson",
  email: "lena.svensson@nordlys.example",
  phone: "+46701234501",
  jobTitle: "Inköpschef",
  language: "sv",
  category: "CUSTOMER_CONTACT",
  ...over,
});

describe("organisations", () => {
  it("lists with search by name and organisation number, and filters", async () => {
    const byName = await listOrganisations({ db: t.db, query: { q: "nordlys" } });
    expect(byName.rows.map((r) => r.id)).toEqual(["demo_org_nordlys"]);
    const byNumber = await listOrganisations({ db: t.db, query: { q: "5566778899" } });
    expect(byNumber.rows.map((r) => r.id)).toEqual(["demo_org_nordlys"]);
    const karins = await listOrganisations({ db: t.db, query: { accountManagerId: KARIN.id } });
    expect(karins.rows.map((r) => r.id).sort()).toEqual(["demo_org_fjallstrom", "demo_org_nordlys"]);
    const partners = await listOrganisations({ db: t.db, query: { relationship: "PARTNER" } });
    expect(partners.rows.map((r) => r.id)).toEqual(["demo_org_molnbyran"]);
  });

  it("an account manager edits her own organisation, not another's; the end date starts the retention clock", async () => {
    const own = await saveOrganisation({
      db: t.db,
      staff: KARIN,
      id: "demo_org_nordlys",
      input: {
        name: "Nordlys Energi AB",
        orgNumber: "556677-8899",
        relationship: "CUSTOMER",
        relationshipStart: "2020-01-01",
        relationshipEnd: "2026-01-31",
        accountManagerId: KARIN.id,
      },
    });
    expect(own).toMatchObject({ ok: true, changed: expect.arrayContaining(["relationshipEnd"]) });
    const [entry] = await audit("organisation.relationship_ended", "demo_org_nordlys");
    expect(entry?.actorId).toBe(KARIN.id);
    const org = await getOrganisation({ db: t.db, id: "demo_org_nordlys" });
    expect(org?.retention).toMatchObject({ kind: "date", reason: "relationship_ended" });
    if (org?.retention.kind === "date") expect(org.retention.deleteBy.toISOString().slice(0, 10)).toBe("2036-01-31");

    const other = await saveOrganisation({
      db: t.db,
      staff: KARIN,
      id: "demo_org_kvarnby",
      input: { name: "Kvarnby", relationship: "CUSTOMER", accountManagerId: KARIN.id },
    });
    expect(other).toEqual({ ok: false, code: "forbidden" });
    expect((await t.db.organisation.findUnique({ where: { id: "demo_org_kvarnby" } }))?.name).toBe("Kvarnby kommun");
  });

  it("validates the organisation number and refuses marketing", async () => {
    const bad = await saveOrganisation({
      db: t.db,
      staff: ADMIN,
      input: { name: "Ny AB", orgNumber: "556677-8898", relationship: "PROSPECT" },
    });
    expect(bad).toEqual({ ok: false, code: "invalid", fieldErrors: { orgNumber: "org_number_invalid" } });
    const taken = await saveOrganisation({
      db: t.db,
      staff: ADMIN,
      input: { name: "Ny AB", orgNumber: "5566778899", relationship: "PROSPECT" },
    });
    expect(taken).toEqual({ ok: false, code: "invalid", fieldErrors: { orgNumber: "org_number_taken" } });
    expect(
      await saveOrganisation({ db: t.db, staff: MARKETING, input: { name: "X", relationship: "PROSPECT" } }),
    ).toEqual({
      ok: false,
      code: "forbidden",
    });
    const created = await saveOrganisation({
      db: t.db,
      staff: KARIN,
      input: { name: "Granit Data AB", relationship: "PROSPECT", accountManagerId: KARIN.id },
    });
    expect(created).toMatchObject({ ok: true, created: true });
  });
});

describe("contacts", () => {
  it("lists with search and filters, paginated", async () => {
    const all = await listContacts({ db: t.db, query: {} });
    expect(all.total).toBeGreaterThan(25);
    expect(all.rows).toHaveLength(25);
    expect(all.pages).toBe(2);
    expect(JSON.stringify(all.rows)).not.toContain("+4670");
    const lena = await listContacts({ db: t.db, query: { q: "lena.sv" } });
    expect(lena.rows.map((r) => r.id)).toEqual([LENA]);
    const nordlysAdmins = await listContacts({
      db: t.db,
      query: { organisationId: "demo_org_nordlys", roleType: "SYSTEM_ADMINISTRATOR" },
    });
    expect(nordlysAdmins.rows.map((r) => r.id)).toEqual(["demo_contact_02"]);
    const optedOut = await listContacts({ db: t.db, query: { optedOut: "yes" } });
    expect(optedOut.rows.map((r) => r.id)).toContain("demo_contact_05");
    const english = await listContacts({ db: t.db, query: { language: "en", category: "PROSPECT" } });
    expect(english.rows.every((r) => r.language === "en" && r.category === "PROSPECT")).toBe(true);
    const newsletter = await t.db.topic.findUniqueOrThrow({ where: { key: "newsletter" } });
    const subscribed = await listContacts({ db: t.db, query: { topicId: newsletter.id, q: "fatima" } });
    expect(subscribed.total).toBe(0);
  });

  it("a full view is audited; marketing gets no phone number anywhere", async () => {
    const full = await viewContact({ db: t.db, staff: KARIN, contactId: LENA });
    expect(full.ok && full.view.contact.phone).toBe("+46701234501");
    expect(full.ok && full.view.writable).toBe(true);
    const forMarketing = await viewContact({ db: t.db, staff: MARKETING, contactId: LENA });
    expect(forMarketing.ok).toBe(true);
    const json = JSON.stringify(forMarketing);
    expect(json).not.toContain("+4670");
    expect(json).not.toContain('phone":');
    expect(forMarketing.ok && forMarketing.view.writable).toBe(false);
    const views = await audit("contact.viewed", LENA);
    expect(views.map((v) => v.actorId)).toEqual([KARIN.id, MARKETING.id]);
    expect(views[0]?.actorType).toBe("STAFF");
  });

  it("account manager edits her own contact with audit values; another's is refused", async () => {
    const invalid = await updateContact({
      db: t.db,
      staff: KARIN,
      contactId: LENA,
      input: contactInput({ phone: "12" }),
    });
    expect(invalid).toEqual({ ok: false, code: "invalid", fieldErrors: { phone: "phone_invalid" } });
    const ok = await updateContact({
      db: t.db,
      staff: KARIN,
      contactId: LENA,
      input: contactInput({ phone: "070-111 22 33", jobTitle: "Inköpsdirektör" }),
    });
    expect(ok).toEqual({ ok: true, changed: ["phone", "jobTitle"], overridden: false });
    const [entry] = await audit("contact.updated", LENA);
    expect(entry?.personalValues).toEqual({
      phone: { from: "+46701234501", to: "+46701112233" },
      jobTitle: { from: "Inköpschef", to: "Inköpsdirektör" },
    });
    const refused = await updateContact({
      db: t.db,
      staff: KARIN,
      contactId: MARIA,
      input: contactInput({ name: "Maria A", email: "maria.andersson@kvarnby.example" }),
    });
    expect(refused).toEqual({ ok: false, code: "forbidden" });
    expect(await updateContact({ db: t.db, staff: SUPPORT, contactId: LENA, input: contactInput() })).toEqual({
      ok: false,
      code: "forbidden",
    });
  });

  it("roles: add and end at own organisations only", async () => {
    const added = await addRole({
      db: t.db,
      staff: KARIN,
      contactId: LENA,
      input: { organisationId: "demo_org_nordlys", type: "BILLING_CONTACT", startsOn: "2025-01-01" },
    });
    expect(added.ok).toBe(true);
    const ended = await endRole({
      db: t.db,
      staff: KARIN,
      contactId: LENA,
      input: { roleId: added.ok ? added.roleId : "", endsOn: "2026-02-01" },
    });
    expect(ended.ok).toBe(true);
    expect(await audit("contact.role_ended", LENA)).toHaveLength(1);
    const early = await endRole({
      db: t.db,
      staff: KARIN,
      contactId: LENA,
      input: { roleId: added.ok ? added.roleId : "", endsOn: "2020-01-01" },
    });
    expect(early).toEqual({ ok: false, code: "invalid", fieldErrors: { endsOn: "end_before_start" } });
    const mariaRole = await t.db.contactRole.findFirstOrThrow({ where: { contactId: MARIA } });
    expect(
      await endRole({
        db: t.db,
        staff: KARIN,
        contactId: MARIA,
        input: { roleId: mariaRole.id, endsOn: "2026-02-01" },
      }),
    ).toEqual({ ok: false, code: "forbidden" });
    expect(
      await addRole({
        db: t.db,
        staff: KARIN,
        contactId: LENA,
        input: { organisationId: "demo_org_kvarnby", type: "OTHER", startsOn: "2025-01-01" },
      }),
    ).toEqual({ ok: false, code: "forbidden" });
  });

  it("subscriptions changed by staff are recorded as staff changes", async () => {
    const topic = await t.db.topic.findUniqueOrThrow({ where: { key: "newsletter" } });
    const r = await changeSubscriptionByStaff({
      db: t.db,
      staff: KARIN,
      contactId: LENA,
      input: { topicId: topic.id, state: "UNSUBSCRIBED" },
    });
    expect(r).toEqual({ ok: true, changed: true });
    const sub = await t.db.subscription.findUniqueOrThrow({
      where: { contactId_topicId: { contactId: LENA, topicId: topic.id } },
    });
    expect(sub).toMatchObject({ state: "UNSUBSCRIBED", source: "STAFF", staffId: KARIN.id });
    const history = await t.db.subscriptionChange.findFirstOrThrow({ where: { contactId: LENA, source: "STAFF" } });
    expect(history.staffId).toBe(KARIN.id);
    expect(await audit("subscription.unsubscribed", LENA)).toHaveLength(1);
    // The person's opt-out from all marketing is theirs to lift.
    expect(
      await changeSubscriptionByStaff({
        db: t.db,
        staff: ADMIN,
        contactId: "demo_contact_05",
        input: { topicId: topic.id, state: "SUBSCRIBED" },
      }),
    ).toEqual({ ok: false, code: "opted_out" });
  });

  it("revoking links bumps the token version, audited", async () => {
    const before = await t.db.contact.findUniqueOrThrow({ where: { id: LENA } });
    const r = await revokeLinks({ db: t.db, staff: KARIN, contactId: LENA });
    expect(r).toEqual({ ok: true, tokenVersion: before.tokenVersion + 1 });
    expect(await audit("contact.links_revoked", LENA)).toHaveLength(1);
    expect(await revokeLinks({ db: t.db, staff: KARIN, contactId: MARIA })).toEqual({ ok: false, code: "forbidden" });
  });

  it("erasure by staff needs the right and a confirmation, and records the request with its channel", async () => {
    const input = { channel: "PHONE", confirm: "on" };
    expect(
      await eraseContactByStaff({ db: t.db, staff: KARIN, contactId: "demo_contact_24", input, suppressionKey: KEY }),
    ).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(
      await eraseContactByStaff({
        db: t.db,
        staff: PRIVACY,
        contactId: "demo_contact_24",
        input: { channel: "PHONE" },
        suppressionKey: KEY,
      }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { confirm: "confirm_required" } });
    const r = await eraseContactByStaff({
      db: t.db,
      staff: PRIVACY,
      contactId: "demo_contact_24",
      input,
      suppressionKey: KEY,
    });
    expect(r.ok).toBe(true);
    const request = await t.db.privacyRequest.findFirstOrThrow({ where: { type: "ERASURE", channel: "PHONE" } });
    expect(request).toMatchObject({ status: "COMPLETED", handlerId: PRIVACY.id });
  });

  it("a suppressed address is refused with its reason, then created only through an audited override", async () => {
    // Its own erased person (not one another test erased): born and erased here.
    const erased = await makeContact(t.db, { name: "Thomas Becker", language: "en", suppressionKey: KEY });
    const erasure = await eraseContact({
      db: t.db,
      contactId: erased.id,
      actor: { type: "CONTACT", id: erased.id },
      channel: "SELF_SERVICE",
      suppressionKey: KEY,
    });
    expect(erasure.ok).toBe(true);
    const email = erased.email;
    const base = {
      name: "Thomas Becker",
      email,
      phone: "",
      jobTitle: "",
      language: "en",
      category: "PROSPECT",
      sourceType: "MET_AT_EVENT",
      sourceDetail: "",
      sourceDate: "",
      organisationId: "demo_org_nordlys",
      roleType: "OTHER",
    };
    const refused = await createContact({ db: t.db, staff: KARIN, input: base, suppressionKey: KEY });
    expect(refused).toMatchObject({ ok: false, code: "suppressed", matches: [{ reason: "ERASED" }] });
    const incomplete = await createContact({
      db: t.db,
      staff: KARIN,
      input: { ...base, override: "on" },
      suppressionKey: KEY,
    });
    expect(incomplete).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { overrideBasis: "basis_required", sourceDetail: "source_detail_required" },
    });
    const created = await createContact({
      db: t.db,
      staff: KARIN,
      input: {
        ...base,
        override: "on",
        overrideBasis: "CONSENT",
        overrideReason: "Asked to be contacted again",
        sourceDetail: "Met again at Cloud Summit Göteborg",
        sourceDate: "2026-03-01",
      },
      suppressionKey: KEY,
    });
    expect(created).toMatchObject({ ok: true, overridden: true });
    const id = created.ok ? created.id : "";
    const [override] = await audit("contact.suppression_overridden", id);
    expect(override?.actorId).toBe(KARIN.id);
    expect(override?.personalValues).toMatchObject({ basis: "CONSENT", reasons: [{ reason: "ERASED" }] });
    expect((await findSuppression({ db: t.db, email, key: KEY })).suppressed).toBe(false);
    const bases = await t.db.contactLegalBasis.findMany({ where: { contactId: id } });
    expect(bases.every((b) => b.basis === "CONSENT")).toBe(true);
    // Marketing topics are not subscribed by default after an override.
    const subs = await t.db.subscription.findMany({ where: { contactId: id }, include: { topic: true } });
    expect(subs.some((s) => s.topic.isMarketing)).toBe(false);
  });

  it("an ordinary create adds the role at the organisation; marketing may not create", async () => {
    const input = {
      name: "Ny Person",
      email: "ny.person@nordlys.example",
      phone: "",
      language: "sv",
      category: "CUSTOMER_CONTACT",
      sourceType: "NAMED_BY_CUSTOMER",
      organisationId: "demo_org_nordlys",
      roleType: "TECHNICAL_CONTACT",
    };
    expect(await createContact({ db: t.db, staff: MARKETING, input, suppressionKey: KEY })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(
      await createContact({
        db: t.db,
        staff: KARIN,
        input: { ...input, organisationId: "demo_org_kvarnby" },
        suppressionKey: KEY,
      }),
    ).toEqual({ ok: false, code: "forbidden" });
    const r = await createContact({ db: t.db, staff: KARIN, input, suppressionKey: KEY });
    expect(r.ok).toBe(true);
    const roles = await t.db.contactRole.findMany({ where: { contactId: r.ok ? r.id : "" } });
    expect(roles).toMatchObject([{ organisationId: "demo_org_nordlys", type: "TECHNICAL_CONTACT" }]);
  });

  it("the audit chain still verifies", async () => {
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });
});
