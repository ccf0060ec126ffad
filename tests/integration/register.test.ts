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
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser, makeTopic, orgNumber, unique } from "../factories";
import { hashAddress } from "@/lib/suppression/hash-address";

const KEY = "k".repeat(40);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const audit = (action: string, subjectId: string) =>
  t.db.auditEvent.findMany({ where: { action, subjectId }, orderBy: { seq: "asc" } });

const phone = () => `+46701${String(100000 + Math.floor(Math.random() * 900000))}`;

/**
 * A small register of this test's own: staff in every role, Karin's customer Nordlys (with Lena) and Johan's customer
 * Kvarnby (with Maria). Every name carries `tag`, so a search for it finds only this test's rows.
 */
async function makeRegister() {
  const tag = unique();
  const ADMIN: StaffPrincipal = await makeStaffUser(t.db, "ADMIN");
  const KARIN: StaffPrincipal = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
  const JOHAN: StaffPrincipal = await makeStaffUser(t.db, "ACCOUNT_MANAGER");
  const MARKETING: StaffPrincipal = await makeStaffUser(t.db, "MARKETING");
  const SUPPORT: StaffPrincipal = await makeStaffUser(t.db, "SUPPORT");
  const PRIVACY: StaffPrincipal = await makeStaffUser(t.db, "PRIVACY_OFFICER");
  const NORDLYS_NUMBER = orgNumber();
  const nordlys = await makeOrganisation(t.db, {
    name: `Nordlys ${tag} Energi AB`,
    orgNumber: NORDLYS_NUMBER,
    accountManagerId: KARIN.id,
  });
  const kvarnby = await makeOrganisation(t.db, { name: `Kvarnby ${tag} kommun`, accountManagerId: JOHAN.id });
  const lena = {
    name: `Lena ${tag} Svensson`,
    email: `${tag}.lena.svensson@nordlys.example`,
    phone: phone(),
    jobTitle: "Inköpschef",
  };
  const { id: LENA } = await makeContact(t.db, {
    ...lena,
    organisationId: nordlys.id,
    roleType: "COMMERCIAL_CONTACT",
    suppressionKey: KEY,
  });
  const { id: MARIA } = await makeContact(t.db, {
    name: `Maria ${tag} Andersson`,
    organisationId: kvarnby.id,
    roleType: "SYSTEM_OWNER",
    suppressionKey: KEY,
  });
  const contactInput = (over: Record<string, unknown> = {}) => ({
    ...lena,
    language: "sv",
    category: "CUSTOMER_CONTACT",
    ...over,
  });
  return {
    tag,
    ADMIN,
    KARIN,
    JOHAN,
    MARKETING,
    SUPPORT,
    PRIVACY,
    NORDLYS: nordlys.id,
    NORDLYS_NAME: nordlys.name,
    NORDLYS_NUMBER,
    KVARNBY: kvarnby.id,
    KVARNBY_NAME: kvarnby.name,
    LENA,
    LENA_PHONE: lena.phone,
    LENA_EMAIL: lena.email,
    MARIA,
    contactInput,
  };
}

describe("organisations", () => {
  it("lists with search by name and organisation number, and filters", async () => {
    const { tag, KARIN, NORDLYS, NORDLYS_NUMBER } = await makeRegister();
    const fjallstrom = await makeOrganisation(t.db, {
      name: `Fjällström ${tag} Logistik AB`,
      relationship: "FORMER_CUSTOMER",
      accountManagerId: KARIN.id,
    });
    const molnbyran = await makeOrganisation(t.db, { name: `Molnbyrån ${tag} Konsult AB`, relationship: "PARTNER" });
    const byName = await listOrganisations({ db: t.db, query: { q: `nordlys ${tag}` } });
    expect(byName.rows.map((r) => r.id)).toEqual([NORDLYS]);
    const byNumber = await listOrganisations({ db: t.db, query: { q: NORDLYS_NUMBER.replace("-", "") } });
    expect(byNumber.rows.map((r) => r.id)).toEqual([NORDLYS]);
    const karins = await listOrganisations({ db: t.db, query: { accountManagerId: KARIN.id } });
    expect(karins.rows.map((r) => r.id).sort()).toEqual([fjallstrom.id, NORDLYS].sort());
    // Partners among this test's organisations (their names carry its tag).
    const partners = await listOrganisations({ db: t.db, query: { relationship: "PARTNER", q: tag } });
    expect(partners.rows.map((r) => r.id)).toEqual([molnbyran.id]);
  });

  it("an account manager edits her own organisation, not another's; the end date starts the retention clock", async () => {
    const { KARIN, NORDLYS, NORDLYS_NAME, NORDLYS_NUMBER, KVARNBY, KVARNBY_NAME } = await makeRegister();
    const own = await saveOrganisation({
      db: t.db,
      staff: KARIN,
      id: NORDLYS,
      input: {
        name: NORDLYS_NAME,
        orgNumber: NORDLYS_NUMBER,
        relationship: "CUSTOMER",
        relationshipStart: "2020-01-01",
        relationshipEnd: "2026-01-31",
        accountManagerId: KARIN.id,
      },
    });
    expect(own).toMatchObject({ ok: true, changed: expect.arrayContaining(["relationshipEnd"]) });
    const [entry] = await audit("organisation.relationship_ended", NORDLYS);
    expect(entry?.actorId).toBe(KARIN.id);
    const org = await getOrganisation({ db: t.db, id: NORDLYS });
    expect(org?.retention).toMatchObject({ kind: "date", reason: "relationship_ended" });
    if (org?.retention.kind === "date") expect(org.retention.deleteBy.toISOString().slice(0, 10)).toBe("2036-01-31");

    const other = await saveOrganisation({
      db: t.db,
      staff: KARIN,
      id: KVARNBY,
      input: { name: "Kvarnby", relationship: "CUSTOMER", accountManagerId: KARIN.id },
    });
    expect(other).toEqual({ ok: false, code: "forbidden" });
    expect((await t.db.organisation.findUnique({ where: { id: KVARNBY } }))?.name).toBe(KVARNBY_NAME);
  });

  it("validates the organisation number and refuses marketing", async () => {
    const { tag, ADMIN, KARIN, MARKETING, NORDLYS_NUMBER } = await makeRegister();
    const bad = await saveOrganisation({
      db: t.db,
      staff: ADMIN,
      input: { name: `Ny ${tag} AB`, orgNumber: "556677-8898", relationship: "PROSPECT" },
    });
    expect(bad).toEqual({ ok: false, code: "invalid", fieldErrors: { orgNumber: "org_number_invalid" } });
    const taken = await saveOrganisation({
      db: t.db,
      staff: ADMIN,
      input: { name: `Ny ${tag} AB`, orgNumber: NORDLYS_NUMBER.replace("-", ""), relationship: "PROSPECT" },
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
      input: { name: `Granit ${tag} Data AB`, relationship: "PROSPECT", accountManagerId: KARIN.id },
    });
    expect(created).toMatchObject({ ok: true, created: true });
  });
});

describe("contacts", () => {
  it("lists with search and filters, paginated", async () => {
    const { tag, NORDLYS, LENA } = await makeRegister();
    // More people at Nordlys than one page holds, each with a phone number.
    const { id: mikael } = await makeContact(t.db, {
      name: `Mikael ${tag} Johansson`,
      phone: phone(),
      organisationId: NORDLYS,
      roleType: "SYSTEM_ADMINISTRATOR",
    });
    const { id: eva } = await makeContact(t.db, {
      name: `Eva ${tag} Lindqvist`,
      phone: phone(),
      organisationId: NORDLYS,
      roleType: "BILLING_CONTACT",
      marketingOptOutAt: new Date(),
    });
    for (let i = 0; i < 24; i++) {
      await makeContact(t.db, { name: `Person ${tag} ${i}`, phone: phone(), organisationId: NORDLYS });
    }
    await makeContact(t.db, { name: `Fatima ${tag} Ali`, language: "en", category: "PROSPECT" });
    const newsletter = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });

    const all = await listContacts({ db: t.db, query: { q: tag } });
    expect(all.total.n).toBeGreaterThan(25);
    expect(all.total.exact).toBe(true);
    expect(all.rows).toHaveLength(25);
    const rest = await listContacts({ db: t.db, query: { q: tag, after: all.next ?? undefined } });
    expect(rest.rows).toHaveLength(all.total.n - 25);
    expect(rest.next).toBeNull();
    expect(JSON.stringify(all.rows)).not.toContain("+4670");
    const lena = await listContacts({ db: t.db, query: { q: `${tag}.lena.sv` } });
    expect(lena.rows.map((r) => r.id)).toEqual([LENA]);
    const nordlysAdmins = await listContacts({
      db: t.db,
      query: { organisationId: NORDLYS, roleType: "SYSTEM_ADMINISTRATOR" },
    });
    expect(nordlysAdmins.rows.map((r) => r.id)).toEqual([mikael]);
    const optedOut = await listContacts({ db: t.db, query: { optedOut: "yes", q: tag } });
    expect(optedOut.rows.map((r) => r.id)).toContain(eva);
    const english = await listContacts({ db: t.db, query: { language: "en", category: "PROSPECT", q: tag } });
    expect(english.rows.every((r) => r.language === "en" && r.category === "PROSPECT")).toBe(true);
    const subscribed = await listContacts({ db: t.db, query: { topicId: newsletter.id, q: `fatima ${tag}` } });
    expect(subscribed.total).toEqual({ n: 0, exact: true });
  });

  it("a full view is audited; marketing gets no phone number anywhere", async () => {
    const { KARIN, MARKETING, LENA, LENA_PHONE } = await makeRegister();
    const full = await viewContact({ db: t.db, staff: KARIN, contactId: LENA });
    expect(full.ok && full.view.contact.phone).toBe(LENA_PHONE);
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
    const { tag, KARIN, SUPPORT, LENA, LENA_PHONE, MARIA, contactInput } = await makeRegister();
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
      phone: { from: LENA_PHONE, to: "+46701112233" },
      jobTitle: { from: "Inköpschef", to: "Inköpsdirektör" },
    });
    const refused = await updateContact({
      db: t.db,
      staff: KARIN,
      contactId: MARIA,
      input: contactInput({ name: "Maria A", email: `maria.andersson.${tag}@kvarnby.example` }),
    });
    expect(refused).toEqual({ ok: false, code: "forbidden" });
    expect(await updateContact({ db: t.db, staff: SUPPORT, contactId: LENA, input: contactInput() })).toEqual({
      ok: false,
      code: "forbidden",
    });
  });

  it("roles: add and end at own organisations only", async () => {
    const { KARIN, LENA, MARIA, NORDLYS, KVARNBY } = await makeRegister();
    const added = await addRole({
      db: t.db,
      staff: KARIN,
      contactId: LENA,
      input: { organisationId: NORDLYS, type: "BILLING_CONTACT", startsOn: "2025-01-01" },
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
        input: { organisationId: KVARNBY, type: "OTHER", startsOn: "2025-01-01" },
      }),
    ).toEqual({ ok: false, code: "forbidden" });
  });

  it("subscriptions changed by staff are recorded as staff changes", async () => {
    const topic = await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
    const { ADMIN, KARIN, LENA, NORDLYS } = await makeRegister();
    const { id: eva } = await makeContact(t.db, { organisationId: NORDLYS, marketingOptOutAt: new Date() });
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
        contactId: eva,
        input: { topicId: topic.id, state: "SUBSCRIBED" },
      }),
    ).toEqual({ ok: false, code: "conflict", reason: "opted_out" });
  });

  it("revoking links bumps the token version, audited", async () => {
    const { KARIN, LENA, MARIA } = await makeRegister();
    const before = await t.db.contact.findUniqueOrThrow({ where: { id: LENA } });
    const r = await revokeLinks({ db: t.db, staff: KARIN, contactId: LENA });
    expect(r).toEqual({ ok: true, tokenVersion: before.tokenVersion + 1 });
    expect(await audit("contact.links_revoked", LENA)).toHaveLength(1);
    expect(await revokeLinks({ db: t.db, staff: KARIN, contactId: MARIA })).toEqual({ ok: false, code: "forbidden" });
  });

  it("erasure by staff needs the right and a confirmation, and records the request with its channel", async () => {
    const { KARIN, PRIVACY } = await makeRegister();
    const prospect = await makeContact(t.db, { category: "PROSPECT", suppressionKey: KEY });
    const input = { channel: "PHONE", confirm: "on" };
    expect(
      await eraseContactByStaff({ db: t.db, staff: KARIN, contactId: prospect.id, input, suppressionKey: KEY }),
    ).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(
      await eraseContactByStaff({
        db: t.db,
        staff: PRIVACY,
        contactId: prospect.id,
        input: { channel: "PHONE" },
        suppressionKey: KEY,
      }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { confirm: "confirm_required" } });
    const r = await eraseContactByStaff({
      db: t.db,
      staff: PRIVACY,
      contactId: prospect.id,
      input,
      suppressionKey: KEY,
    });
    expect(r.ok).toBe(true);
    // This person's erasure request (the register keeps it under the keyed hash of the address).
    const request = await t.db.privacyRequest.findFirstOrThrow({
      where: { type: "ERASURE", channel: "PHONE", subjectRef: hashAddress(prospect.email, KEY).slice(0, 12) },
    });
    expect(request).toMatchObject({ status: "COMPLETED", handlerId: PRIVACY.id });
  });

  it("a suppressed address is refused with its reason, then created only through an audited override", async () => {
    const { KARIN, NORDLYS } = await makeRegister();
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
      organisationId: NORDLYS,
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
    const { tag, KARIN, MARKETING, PRIVACY, NORDLYS, KVARNBY } = await makeRegister();
    const input = {
      name: "Ny Person",
      email: `ny.person.${tag}@nordlys.example`,
      phone: "",
      language: "sv",
      category: "CUSTOMER_CONTACT",
      sourceType: "NAMED_BY_CUSTOMER",
      organisationId: NORDLYS,
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
        input: { ...input, organisationId: KVARNBY },
        suppressionKey: KEY,
      }),
    ).toEqual({ ok: false, code: "forbidden" });
    // An account manager's contact belongs to one of her organisations from the start; the privacy officer's need not.
    expect(
      await createContact({
        db: t.db,
        staff: KARIN,
        input: { ...input, organisationId: "", roleType: "" },
        suppressionKey: KEY,
      }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { organisationId: "organisation_required" } });
    const withoutOrg = await createContact({
      db: t.db,
      staff: PRIVACY,
      input: { ...input, email: `utan.org.${tag}@nordlys.example`, organisationId: "", roleType: "" },
      suppressionKey: KEY,
    });
    expect(withoutOrg.ok).toBe(true);
    const r = await createContact({ db: t.db, staff: KARIN, input, suppressionKey: KEY });
    expect(r.ok).toBe(true);
    const roles = await t.db.contactRole.findMany({ where: { contactId: r.ok ? r.id : "" } });
    expect(roles).toMatchObject([{ organisationId: NORDLYS, type: "TECHNICAL_CONTACT" }]);
  });

  it("the audit chain still verifies", async () => {
    // Audited changes of every kind this file makes: a view, an edit, a revocation and an erasure.
    const { KARIN, PRIVACY, LENA, contactInput } = await makeRegister();
    expect((await viewContact({ db: t.db, staff: KARIN, contactId: LENA })).ok).toBe(true);
    const edited = await updateContact({
      db: t.db,
      staff: KARIN,
      contactId: LENA,
      input: contactInput({ jobTitle: "VD" }),
    });
    expect(edited.ok).toBe(true);
    expect((await revokeLinks({ db: t.db, staff: KARIN, contactId: LENA })).ok).toBe(true);
    const erased = await eraseContactByStaff({
      db: t.db,
      staff: PRIVACY,
      contactId: LENA,
      input: { channel: "PHONE", confirm: "on" },
      suppressionKey: KEY,
    });
    expect(erased.ok).toBe(true);
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });
});
