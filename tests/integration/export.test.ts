// The record shown on /me and exported (GDPR Art. 15 and 20), the access/portability bookkeeping, and the
// retention date it states.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { recordSelfAccess } from "@/lib/contacts/record-self-access";
import { exportContactData } from "@/lib/export/export-contact-data";
import { computeDeletionDate } from "@/lib/retention/compute-deletion-date";
import { loadPolicyFile } from "@/lib/policy/file/load-policy-file";
import { getPolicy } from "@/lib/policy/current-policy";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeOrganisation, makeStaffUser, makeTopic, unique } from "../factories";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const monthsAgo = (months: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() - months);
  return d;
};
const phone = () => `+46701${String(100000 + Math.floor(Math.random() * 900000))}`;

describe("getContactRecord", () => {
  it("gathers fields, roles, source by staff role, purposes, subscriptions and changes", async () => {
    // Lena, named by Karin's customer, subscribed to a topic by default.
    await makeTopic(t.db, { defaultCategories: ["CUSTOMER_CONTACT"] });
    const karin = await makeStaffUser(t.db, "ACCOUNT_MANAGER", { name: "Karin Berg" });
    const nordlys = await makeOrganisation(t.db, { name: `Nordlys ${unique()} Energi AB`, accountManagerId: karin.id });
    const lenaPhone = phone();
    const lena = await makeContact(t.db, {
      name: "Lena Svensson",
      phone: lenaPhone,
      organisationId: nordlys.id,
      roleType: "COMMERCIAL_CONTACT",
      source: { type: "NAMED_BY_CUSTOMER", detail: null, date: null, staffId: null, organisationId: nordlys.id },
    });
    const r = (await getContactRecord({ db: t.db, contactId: lena.id }))!;
    expect(r.contact).toMatchObject({ name: "Lena Svensson", phone: lenaPhone, category: "CUSTOMER_CONTACT" });
    expect(r.roles).toMatchObject([{ organisation: nordlys.name, type: "COMMERCIAL_CONTACT", endsOn: null }]);
    expect(r.purposes.length).toBeGreaterThan(0);
    expect(r.retention).toEqual({ kind: "ongoing", years: 10 });
    expect(r.subscriptions.length).toBeGreaterThan(0);
    expect(r.mailings).toEqual([]);
    expect(r.changes.map((c) => c.action)).toContain("contact.created");
    expect(JSON.stringify(r)).not.toContain("Karin Berg");
  });

  it("names who met a prospect by role only", async () => {
    // Met by Johan at a fair two months ago.
    const johan = await makeStaffUser(t.db, "ACCOUNT_MANAGER", { name: "Johan Ek" });
    const prospect = await makeContact(t.db, {
      category: "PROSPECT",
      source: {
        type: "MET_AT_EVENT",
        detail: "Cloud Summit Stockholm 2026",
        date: monthsAgo(2),
        staffId: johan.id,
        organisationId: null,
      },
    });
    const r = (await getContactRecord({ db: t.db, contactId: prospect.id }))!;
    expect(r.source.staffRole).toBe("ACCOUNT_MANAGER");
    expect(JSON.stringify(r)).not.toContain("Johan Ek");
    expect(r.retention).toMatchObject({ kind: "date", reason: "last_contact" });
  });

  it("dates a former customer's contact 10 years after the relationship ended", async () => {
    // The relationship (and the role) ended 9 years and 11 months ago.
    const fjallstrom = await makeOrganisation(t.db, {
      relationship: "FORMER_CUSTOMER",
      relationshipEnd: monthsAgo(119),
    });
    const lars = await makeContact(t.db, {
      roles: [
        {
          organisationId: fjallstrom.id,
          type: "COMMERCIAL_CONTACT",
          title: null,
          startsOn: monthsAgo(14 * 12),
          endsOn: monthsAgo(119),
        },
      ],
    });
    const r = (await getContactRecord({ db: t.db, contactId: lars.id }))!;
    expect(r.retention.kind).toBe("date");
    if (r.retention.kind === "date") {
      const years = (r.retention.deleteBy.getTime() - r.retention.since.getTime()) / (365.25 * 86_400_000);
      expect(Math.round(years)).toBe(10);
      expect(r.retention.deleteBy.getTime()).toBeGreaterThan(Date.now());
    }
  });
});

describe("computeDeletionDate", () => {
  const reference = () => getPolicy().categories;
  const org = (relationship: "CUSTOMER" | "FORMER_CUSTOMER" | "PARTNER", end: string | null) => ({
    relationship,
    relationshipEnd: end ? new Date(end) : null,
  });
  const base = { sourceDate: new Date("2020-01-01"), lastActivityAt: null, createdAt: new Date("2019-01-01") };

  it("keeps while any organisation is an active customer, even after the role ended", () => {
    expect(
      computeDeletionDate(
        {
          ...base,
          category: "CUSTOMER_CONTACT",
          roles: [{ endsOn: new Date("2021-01-01"), organisation: org("CUSTOMER", null) }],
        },
        reference(),
      ),
    ).toEqual({ kind: "ongoing", years: 10 });
  });

  it("counts from the latest end of relationships and roles", () => {
    const r = computeDeletionDate(
      {
        ...base,
        category: "CUSTOMER_CONTACT",
        roles: [
          { endsOn: null, organisation: org("FORMER_CUSTOMER", "2022-03-31") },
          { endsOn: new Date("2023-06-30"), organisation: org("FORMER_CUSTOMER", "2023-01-31") },
        ],
      },
      reference(),
    );
    expect(r).toMatchObject({ kind: "date", deleteBy: new Date("2033-06-30"), reason: "relationship_ended" });
  });

  it("counts a prospect from the latest of meeting and last activity", () => {
    const r = computeDeletionDate(
      {
        ...base,
        lastActivityAt: new Date("2024-05-05"),
        category: "PROSPECT",
        roles: [],
      },
      reference(),
    );
    expect(r).toMatchObject({ kind: "date", deleteBy: new Date("2034-05-05"), reason: "last_contact" });
  });

  it("follows another deployment's policy file: its clocks and years, its shortest rule for a category it lacks", () => {
    const fictional = loadPolicyFile("lib/policy/files/fictional-example.yaml").categories;
    const roles = [
      { endsOn: new Date("2024-02-29"), organisation: org("CUSTOMER", null) },
      { endsOn: new Date("2023-01-31"), organisation: org("CUSTOMER", null) },
    ];
    // Customer buyers: six years from the end of their last role, although the customer is still active.
    expect(computeDeletionDate({ ...base, category: "CUSTOMER_CONTACT", roles }, fictional)).toMatchObject({
      kind: "date",
      deleteBy: new Date("2030-02-28"),
      reason: "role_ended",
      years: 6,
    });
    expect(
      computeDeletionDate(
        { ...base, category: "CUSTOMER_CONTACT", roles: [{ ...roles[0]!, endsOn: null }] },
        fictional,
      ),
    ).toEqual({ kind: "ongoing", years: 6 });
    // Leads: two years from the last contact.
    expect(computeDeletionDate({ ...base, category: "PROSPECT", roles: [] }, fictional)).toMatchObject({
      deleteBy: new Date("2022-01-01"),
      years: 2,
    });
    // A supplier contact from before this policy: the shortest rule (two years from the last contact).
    expect(computeDeletionDate({ ...base, category: "SUPPLIER_CONTACT", roles }, fictional)).toMatchObject({
      deleteBy: new Date("2022-01-01"),
      reason: "last_contact",
      years: 2,
    });
  });
});

describe("recordSelfAccess and exportContactData", () => {
  it("records the view once per session as an access event, not a privacy request", async () => {
    const { id } = await makeContact(t.db);
    const started = new Date(Date.now() - 60_000);
    await recordSelfAccess({ db: t.db, contactId: id, sessionStartedAt: started });
    await recordSelfAccess({ db: t.db, contactId: id, sessionStartedAt: started });
    expect(await t.db.privacyRequest.count({ where: { contactId: id } })).toBe(0);
    expect(
      await t.db.auditEvent.findMany({
        where: { subjectType: "Contact", subjectId: id, action: "contact.viewed_by_self" },
        select: { actorType: true, actorId: true },
      }),
    ).toEqual([{ actorType: "CONTACT", actorId: id }]);
    // A new session records again.
    await recordSelfAccess({ db: t.db, contactId: id, sessionStartedAt: new Date(Date.now() + 1000) });
    expect(await t.db.auditEvent.count({ where: { subjectId: id, action: "contact.viewed_by_self" } })).toBe(2);
  });

  it("exports JSON with everything and records the download as an access event, not a privacy request", async () => {
    const fatima = await makeContact(t.db, { email: `fatima.ali.${unique()}@kvarnby.example` });
    const r = await exportContactData({ db: t.db, contactId: fatima.id, format: "json", lang: "en" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.contentType).toMatch(/^application\/json/);
    const data = JSON.parse(r.body);
    expect(data.contact.email).toBe(fatima.email);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(["contact", "source", "roles", "purposes", "retention", "subscriptions", "changes"]),
    );
    expect(await t.db.privacyRequest.count({ where: { contactId: fatima.id } })).toBe(0);
    expect(
      await t.db.auditEvent.findMany({
        where: { subjectType: "Contact", subjectId: fatima.id, action: "contact.exported_by_self" },
        select: { actorType: true, actorId: true, fields: true },
      }),
    ).toEqual([{ actorType: "CONTACT", actorId: fatima.id, fields: ["json"] }]);
  });

  it("exports CSV with one value a row, keeping phone numbers intact and neutralising formulas", async () => {
    const gustav = await makeContact(t.db, { email: `gustav.persson.${unique()}@kvarnby.example`, phone: phone() });
    await t.db.contact.update({ where: { id: gustav.id }, data: { jobTitle: "=HYPERLINK(1)" } });
    const r = await exportContactData({ db: t.db, contactId: gustav.id, format: "csv", lang: "en" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lines = r.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("section,item,field,value,readable");
    expect(lines).toContain(`contact,1,email,${gustav.email},`);
    expect(lines).toContain("contact,1,jobTitle,'=HYPERLINK(1),");
    expect(lines.some((l) => /^contact,1,phone,\+46\d+,$/.test(l) || l === "contact,1,phone,,")).toBe(true);
  });

  it("puts every code of the CSV in words next to it, in the language asked for", async () => {
    const id = (await makeContact(t.db, { email: `words.${unique()}@kvarnby.example`, language: "en" })).id;
    const en = await exportContactData({ db: t.db, contactId: id, format: "csv", lang: "en" });
    const sv = await exportContactData({ db: t.db, contactId: id, format: "csv", lang: "sv" });
    if (!en.ok || !sv.ok) throw new Error("export failed");
    const rows = (body: string) =>
      body
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n")
        .slice(1)
        .map((l) => l.split(","));
    const enRows = rows(en.body);
    const find = (section: string, field: string) => enRows.find((r) => r[0] === section && r[2] === field);
    expect(find("contact", "category")?.slice(3)).toEqual(["CUSTOMER_CONTACT", "Contact person at a customer"]);
    expect(find("contact", "language")?.slice(3)).toEqual(["en", "English"]);
    expect(find("purposes", "basis")?.[4]).toMatch(/^(Legitimate interest|Contract|Consent|Legal obligation)$/);
    expect(find("purposes", "purpose")?.[4]).not.toBe("");
    expect(find("changes", "action")?.[4]).not.toMatch(/^contact\./);
    expect(rows(sv.body).find((r) => r[0] === "contact" && r[2] === "language")?.[4]).toBe("Engelska");
    // No code-shaped value is left without words.
    for (const r of enRows)
      if (/^[A-Z][A-Z_]+$/.test(r[3] ?? "")) expect(r[4], `${r[0]}.${r[2]} = ${r[3]}`).not.toBe("");
  });

  it("answers unknown_contact for a missing contact", async () => {
    expect(await exportContactData({ db: t.db, contactId: "nobody", format: "json", lang: "en" })).toEqual({
      ok: false,
      code: "not_found",
      reason: "unknown_contact",
    });
  });
});
