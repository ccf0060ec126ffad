// CSV import: each test imports a file of its own (addresses at a domain of its own) as a staff member of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { importContacts } from "@/lib/import/import-contacts";
import type { ImportOptionsInput } from "@/lib/import/import-options";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { suggestColumnMapping } from "@/lib/import/suggest-column-mapping";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { hashAddress } from "@/lib/suppression/hash-address";
import { generateImportCsv } from "../fixtures/import/generate-import-csv";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, makeStaffUser, makeTopic, orgNumber, unique } from "../factories";

const KEY = "import-test-suppression-key";
const HEADER = "Namn;E-post;Telefon;Titel;Språk;Organisation;Organisationsnummer;Roll";
const FAIR: ImportOptionsInput = {
  category: "PROSPECT",
  sourceType: "MET_AT_EVENT",
  sourceDetail: "Cloud Summit Stockholm 2026",
  sourceDate: "2026-10-14",
  duplicates: "skip",
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/** An administrator of the test's own, and a mail domain of its own for the addresses in its file. */
async function setUp() {
  const staff: StaffPrincipal = await makeStaffUser(t.db, "ADMIN");
  const tag = unique();
  return { staff, tag, domain: `fairco${tag}.example` };
}

async function preview(staff: StaffPrincipal, csv: string, options: ImportOptionsInput = FAIR) {
  const parsed = parseImportFile({ content: csv });
  if (!parsed.ok) throw new Error(parsed.error.code);
  const result = await validateImportRows({
    db: t.db,
    rows: parsed.data.rows,
    mapping: suggestColumnMapping({ headers: parsed.data.headers }),
    options,
    suppressionKey: KEY,
    staff,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

const run = (
  staff: StaffPrincipal,
  p: Awaited<ReturnType<typeof preview>>,
  onProgress?: Parameters<typeof importContacts>[0]["onProgress"],
) =>
  importContacts({
    db: t.db,
    rows: p.rows,
    options: p.options,
    staff,
    suppressionKey: KEY,
    onProgress,
  });

async function registerCounts() {
  return {
    contacts: await t.db.contact.count(),
    organisations: await t.db.organisation.count(),
    roles: await t.db.contactRole.count(),
    bases: await t.db.contactLegalBasis.count(),
    subscriptions: await t.db.subscription.count(),
    changes: await t.db.subscriptionChange.count(),
    audit: await t.db.auditEvent.count(),
  };
}

describe("CSV import", () => {
  it("previews each row with its errors, imports the good ones with basis, subscriptions, role and audit", async () => {
    const { staff, tag, domain } = await setUp();
    const Domain = `Fairco${tag}.example`;
    const fairco = `Fairco ${tag} AB`;
    const number = orgNumber();
    // A topic prospects get by default, so that the subscriptions below are more than none.
    await makeTopic(t.db, { defaultCategories: ["PROSPECT"] });
    const csv = [
      HEADER,
      `Åsa Öberg;Asa.Oberg@${Domain};070-123 45 67;IT-chef;sv;${fairco};${number};Teknisk kontakt`,
      `Bo Ek;bo.ek@${domain};;;engelska;${fairco};;`,
      "Bad Mail;not-an-address;;;sv;;;",
      `Bad Phone;bad.phone@${domain};12;;sv;;;`,
      `;no.name@${domain};;;sv;;;`,
      `Bad Lang;bad.lang@${domain};;;klingon;;;`,
      `Åsa Again;asa.oberg@${domain};;;sv;;;`,
    ].join("\n");
    const p = await preview(staff, csv);
    expect(p.counts).toEqual({ create: 2, update: 0, skip: 0, invalid: 5 });
    expect(p.rows.filter((r) => r.status === "invalid").map((r) => [r.rowNumber, r.errors])).toEqual([
      [4, [{ field: "email", code: "email_invalid" }]],
      [5, [{ field: "phone", code: "phone_invalid" }]],
      [6, [{ field: "name", code: "name_required" }]],
      [7, [{ field: "language", code: "language_invalid" }]],
      [8, [{ field: "email", code: "duplicate_in_file" }]],
    ]);
    // The preview writes nothing.
    expect(await t.db.contact.count({ where: { email: { endsWith: `@${domain}` } } })).toBe(0);

    const result = await run(staff, p);
    expect(result).toMatchObject({ created: 2, updated: 0, skipped: 0, refused: 5, organisationsCreated: 1 });
    expect(result.notImported.map((r) => r.rowNumber)).toEqual([4, 5, 6, 7, 8]);

    const asa = await t.db.contact.findUniqueOrThrow({
      where: { email: `asa.oberg@${domain}` },
      include: {
        legalBases: true,
        subscriptions: true,
        subscriptionChanges: true,
        roles: { include: { organisation: true } },
      },
    });
    expect(asa).toMatchObject({
      name: "Åsa Öberg",
      phone: "+46701234567",
      jobTitle: "IT-chef",
      category: "PROSPECT",
      sourceType: "MET_AT_EVENT",
      sourceDetail: "Cloud Summit Stockholm 2026",
      sourceStaffId: staff.id,
    });
    expect(asa.sourceDate?.toISOString().slice(0, 10)).toBe("2026-10-14");
    expect(asa.legalBases.map((b) => [b.purpose, b.basis]).sort()).toEqual([
      ["MARKETING_MAILINGS", "LEGITIMATE_INTEREST"],
      ["PROSPECTING", "LEGITIMATE_INTEREST"],
      ["SEGMENTATION_ANALYSIS", "LEGITIMATE_INTEREST"],
    ]);
    const prospectTopics = await t.db.topic.count({
      where: { archivedAt: null, defaultCategories: { has: "PROSPECT" } },
    });
    expect(prospectTopics).toBeGreaterThan(0);
    expect(asa.subscriptions.length).toBe(prospectTopics);
    expect(asa.subscriptions.every((s) => s.source === "IMPORT" && s.state === "SUBSCRIBED")).toBe(true);
    expect(asa.subscriptionChanges.length).toBe(prospectTopics);
    expect(asa.roles).toMatchObject([
      {
        type: "TECHNICAL_CONTACT",
        organisation: { name: fairco, orgNumber: number, relationship: "PROSPECT" },
      },
    ]);
    const bo = await t.db.contact.findUniqueOrThrow({
      where: { email: `bo.ek@${domain}` },
      include: { roles: true },
    });
    expect(bo.language).toBe("en");
    // Same organisation (matched by name), role type defaulting to OTHER.
    expect(bo.roles).toMatchObject([{ type: "OTHER", organisationId: asa.roles[0]!.organisationId }]);

    const audit = await t.db.auditEvent.findMany({ where: { subjectId: asa.id } });
    expect(audit).toMatchObject([{ action: "contact.imported", actorType: "STAFF", actorId: staff.id }]);
    expect(audit[0]!.fields).toEqual(expect.arrayContaining(["name", "email", "phone", "jobTitle", "roles"]));
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });

  it("skips or updates contacts already in the register, as the batch chooses", async () => {
    const { staff } = await setUp();
    const made = await makeContact(t.db, { phone: "+46701234502", jobTitle: "Driftchef", suppressionKey: KEY });
    const existing = await t.db.contact.findUniqueOrThrow({ where: { id: made.id } });
    const csv = `${HEADER}\nNew Name;${existing.email.toUpperCase()};;Ny titel;;;;\n`;

    const skipped = await run(staff, await preview(staff, csv));
    expect(skipped).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    expect(skipped.notImported).toEqual([{ rowNumber: 2, errors: [{ field: "email", code: "duplicate_existing" }] }]);
    expect(await t.db.contact.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      name: existing.name,
      jobTitle: existing.jobTitle,
    });

    const p = await preview(staff, csv, { ...FAIR, duplicates: "update" });
    expect(p.rows[0]).toMatchObject({ status: "update", contactId: existing.id });
    const updated = await run(staff, p);
    expect(updated).toMatchObject({ created: 0, updated: 1, skipped: 0 });
    const after = await t.db.contact.findUniqueOrThrow({ where: { id: existing.id } });
    // Only the mapped, non-empty fields change; the phone and category stay.
    expect(after).toMatchObject({
      name: "New Name",
      jobTitle: "Ny titel",
      phone: existing.phone,
      category: existing.category,
    });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectId: existing.id, action: "contact.updated_by_import" },
    });
    expect(audit.fields.sort()).toEqual(["jobTitle", "name"]);
  });

  it("refuses a suppressed address with the reason and date, and imports it only with an audited override", async () => {
    const { staff, tag, domain } = await setUp();
    const since = new Date("2025-03-01T10:00:00Z");
    await t.db.suppression.create({
      data: {
        addressHash: hashAddress(`erased@${domain}`, KEY),
        reason: "ERASED",
        scope: "ALL",
        createdAt: since,
      },
    });
    const csv = `${HEADER}\nEra Sed;Erased@Fairco${tag}.example;;;;;;\nFresh One;fresh.one@${domain};;;;;;\n`;

    const p = await preview(staff, csv);
    expect(p.rows[0]).toMatchObject({
      status: "invalid",
      errors: [{ field: "email", code: "suppressed" }],
      suppression: { overridden: false, matches: [{ reason: "ERASED", scope: "ALL", since }] },
    });
    const refused = await run(staff, p);
    expect(refused).toMatchObject({ created: 1, refused: 1 });
    expect(refused.notImported[0]).toMatchObject({ rowNumber: 2, suppression: { matches: [{ reason: "ERASED" }] } });
    expect(await t.db.contact.count({ where: { email: `erased@${domain}` } })).toBe(0);

    const reason = "Met again at Cloud Summit Stockholm 2026 and asked to hear from us";
    const o = await preview(staff, csv, { ...FAIR, suppressionOverride: { reason, rows: [2] } });
    expect(o.rows[0]).toMatchObject({ status: "create", suppression: { overridden: true } });
    const imported = await run(staff, o);
    expect(imported).toMatchObject({ created: 1, suppressionOverrides: 1 });
    const contact = await t.db.contact.findUniqueOrThrow({ where: { email: `erased@${domain}` } });
    const override = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectId: contact.id, action: "contact.suppression_overridden" },
    });
    expect(override).toMatchObject({ actorType: "STAFF", actorId: staff.id, fields: ["email"] });
    expect(override.personalValues).toMatchObject({
      reason,
      suppressions: [{ reason: "ERASED", since: since.toISOString() }],
    });
  });

  it("overrides only the rows staff name, refuses the other suppressed rows per row, like creating by hand", async () => {
    const { staff, domain } = await setUp();
    const since = new Date("2025-05-01T10:00:00Z");
    for (const [email, reason, scope] of [
      [`back.again@${domain}`, "ERASED", "ALL"],
      [`not.named@${domain}`, "ERASED", "ALL"],
      [`opted.out@${domain}`, "UNSUBSCRIBED_ALL", "MARKETING"],
    ] as const)
      await t.db.suppression.create({
        data: { addressHash: hashAddress(email, KEY), reason, scope, createdAt: since },
      });
    const csv =
      `${HEADER}\nBack Again;back.again@${domain};;;;;;\nNot Named;not.named@${domain};;;;;;\n` +
      `Opted Out;opted.out@${domain};;;;;;\n`;
    const reason = "Met again at Cloud Summit Stockholm 2026 and asked to hear from us";

    // A reason alone no longer lets every suppressed row in: the rows must be named.
    const parsed = parseImportFile({ content: csv });
    if (!parsed.ok) throw new Error(parsed.error.code);
    const unnamed = await validateImportRows({
      db: t.db,
      rows: parsed.data.rows,
      mapping: suggestColumnMapping({ headers: parsed.data.headers }),
      options: { ...FAIR, suppressionOverride: { reason } as { reason: string; rows: number[] } },
      suppressionKey: KEY,
      staff,
    });
    expect(unnamed).toMatchObject({
      ok: false,
      fieldErrors: { "options.suppressionOverride.rows": "override_rows_required" },
    });

    const p = await preview(staff, csv, { ...FAIR, suppressionOverride: { reason, rows: [2, 4] } });
    expect(p.rows.map((r) => [r.rowNumber, r.status, r.suppression?.overridden])).toEqual([
      [2, "create", true],
      [3, "invalid", false],
      [4, "create", true],
    ]);
    expect(p.rows[1]).toMatchObject({ errors: [{ field: "email", code: "suppressed" }] });
    const summary = await run(staff, p);
    expect(summary).toMatchObject({ created: 2, refused: 1, suppressionOverrides: 2 });
    expect(summary.notImported).toMatchObject([
      { rowNumber: 3, errors: [{ code: "suppressed" }], suppression: { matches: [{ reason: "ERASED" }] } },
    ]);

    // As after an override by hand: the erasure tombstone goes, the opt-out stays and carries over, no marketing.
    const back = await t.db.contact.findUniqueOrThrow({ where: { email: `back.again@${domain}` } });
    const optedOut = await t.db.contact.findUniqueOrThrow({ where: { email: `opted.out@${domain}` } });
    expect(await t.db.suppression.count({ where: { addressHash: hashAddress(back.email, KEY) } })).toBe(0);
    expect(await t.db.suppression.count({ where: { addressHash: hashAddress(optedOut.email, KEY) } })).toBe(1);
    expect(await t.db.suppression.count({ where: { addressHash: hashAddress(`not.named@${domain}`, KEY) } })).toBe(1);
    expect(back.marketingOptOutAt).toBeNull();
    expect(optedOut.marketingOptOutAt).not.toBeNull();
    for (const c of [back, optedOut]) {
      const subs = await t.db.subscription.findMany({ where: { contactId: c.id }, include: { topic: true } });
      expect(subs.filter((s) => s.topic.isMarketing)).toEqual([]);
      const bases = await t.db.contactLegalBasis.findMany({ where: { contactId: c.id } });
      expect(bases.every((b) => b.note === `Suppression overridden: ${reason}`)).toBe(true);
      const audit = await t.db.auditEvent.findFirstOrThrow({
        where: { subjectId: c.id, action: "contact.suppression_overridden" },
      });
      expect(audit.personalValues).toMatchObject({ reason, rowNumber: c.id === back.id ? 2 : 4 });
    }
  });

  it("leaves the register exactly as it was when the import fails midway", async () => {
    const { staff, tag } = await setUp();
    const before = await registerCounts();
    const p = await preview(staff, generateImportCsv(12_000, `rollback${tag}`).csv);
    await expect(
      run(staff, p, ({ phase, done }) => {
        if (phase === "contacts" && done >= 10_000) throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(await registerCounts()).toEqual(before);
    expect(await t.db.contact.count({ where: { email: { contains: `.rollback${tag}.` } } })).toBe(0);
  });
});

// The 50,000-row run, with its timings and memory, is bench/import-contacts.ts (it makes these checks too); the suite
// checks the same on a file large enough to span two of the import's 5,000-row chunks.
describe("CSV import of 10,000 rows with 10 % bad rows", () => {
  it(
    "imports the 9,000 good rows and reports each of the 1,000 bad ones with its reason",
    { timeout: 120_000 },
    async () => {
      const { staff, tag } = await setUp();
      const { csv, good, bad } = generateImportCsv(10_000, `big${tag}`);
      const before = await t.db.contact.count();
      const p = await preview(staff, csv, { ...FAIR, sourceType: "IMPORTED", sourceDetail: "CRM export 2026-11" });
      const result = await run(staff, p);
      expect(good).toBe(9_000);
      expect(result).toMatchObject({ created: 9_000, refused: 1_000, skipped: 0 });
      expect(result.notImported).toHaveLength(bad);
      expect(result.notImported.every((r) => r.errors.length > 0)).toBe(true);
      const codes = new Set(result.notImported.flatMap((r) => r.errors.map((e) => e.code)));
      expect(codes).toEqual(
        new Set(["email_invalid", "phone_invalid", "name_required", "language_invalid", "email_required"]),
      );
      expect(await t.db.contact.count()).toBe(before + 9_000);
      expect(
        await t.db.auditEvent.count({ where: { action: "contact.imported", actorId: staff.id } }),
      ).toBeGreaterThanOrEqual(9_000);
      expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
    },
  );
});
