// A deployment on another company's policy file (lib/policy/files/fictional-example.yaml: English only, two
// categories, other purposes and bases): staff can register people only in its categories and give new contacts its
// legal bases, topics only carry its purposes, the CRM API refuses a category it does not define, and the person's
// export names purposes with its names. Set before anything reads the configuration; each test file runs in its own
// process, so no other file sees this policy.
process.env.POLICY_FILE = "lib/policy/files/fictional-example.yaml";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { handleUpsertContact } from "@/lib/api/upsert-contact-handler";
import { createContact } from "@/lib/contacts/create-contact";
import { exportContactData } from "@/lib/export/export-contact-data";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { suggestColumnMapping } from "@/lib/import/suggest-column-mapping";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { getPolicy } from "@/lib/policy/current-policy";
import { saveTopic } from "@/lib/topics/save-topic";
import { createTestDb, type TestDb } from "../support/db";
import { makeStaffUser, makeTopic, unique } from "../factories";

const KEY = "k".repeat(40);
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const person = (over: Record<string, unknown>) => ({
  name: "Pat Example",
  email: `pat-${unique()}@example.com`,
  language: "en",
  category: "PROSPECT",
  sourceType: "MET_AT_EVENT",
  sourceDetail: "Electronica 2026",
  ...over,
});

describe("a deployment on the fictional company's policy file", () => {
  it("is the file the app reads", () => {
    expect(getPolicy().controller.name).toBe("Northwind Components Ltd");
  });

  it("registers people only in its categories, with its legal bases", async () => {
    const admin = await makeStaffUser(t.db, "ADMIN");
    const refused = await createContact({
      db: t.db,
      staff: admin,
      input: person({ category: "SUPPLIER_CONTACT" }),
      suppressionKey: KEY,
    });
    expect(refused).toEqual({ ok: false, code: "invalid", fieldErrors: { category: "category_not_in_policy" } });

    const created = await createContact({ db: t.db, staff: admin, input: person({}), suppressionKey: KEY });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const bases = await t.db.contactLegalBasis.findMany({
      where: { contactId: created.id },
      select: { purpose: true, basis: true },
    });
    expect(bases).toEqual([{ purpose: "MARKETING_MAILINGS", basis: "CONSENT" }]);

    // The export names the purpose as the file does.
    const exported = await exportContactData({ db: t.db, contactId: created.id, lang: "en", format: "csv" });
    expect(JSON.stringify(exported)).toContain("Product bulletins");
  });

  it("gives a topic only one of its purposes; an existing topic keeps a purpose it dropped", async () => {
    const marketing = await makeStaffUser(t.db, "MARKETING");
    const input = {
      key: `fair-${unique()}`,
      nameSv: "Mässor",
      nameEn: "Shows",
      descriptionSv: "Inbjudningar.",
      descriptionEn: "Invitations.",
      purpose: "PROSPECTING",
      isMarketing: "on",
      defaultCategories: ["PROSPECT"],
      sortOrder: "1",
    };
    expect(await saveTopic({ db: t.db, staff: marketing, input })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { purpose: "purpose_not_in_policy" },
    });
    const old = await makeTopic(t.db, { purpose: "PROSPECTING" });
    const kept = await saveTopic({
      db: t.db,
      staff: marketing,
      id: old.id,
      input: { ...input, key: old.key, purpose: "PROSPECTING", nameEn: "Shows, renamed" },
    });
    expect(kept).toMatchObject({ ok: true });
    expect(
      await saveTopic({ db: t.db, staff: marketing, input: { ...input, purpose: "MARKETING_MAILINGS" } }),
    ).toMatchObject({ ok: true, created: true });
  });

  it("the CRM API refuses a category the policy does not define, with a JSON error per field", async () => {
    const admin = await makeStaffUser(t.db, "ADMIN");
    const key = await createApiKey({
      db: t.db,
      input: { name: "CRM", scope: "WRITE" },
      actor: { type: "STAFF", id: admin.id },
      createdById: admin.id,
    });
    if (!key.ok) throw new Error("key");
    const res = await handleUpsertContact({
      db: t.db,
      request: new Request("https://prefs.example.com/api/v1/contacts", {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${key.key}` },
        body: JSON.stringify({
          email: `crm-${unique()}@example.com`,
          name: "Crm Person",
          category: "PARTNER_CONTACT",
          source: { type: "IMPORTED" },
        }),
      }),
      suppressionKey: KEY,
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { code: "validation_failed", fields: { category: ["category_not_in_policy"] } },
    });
  });

  it("an import refuses, per row, a category the policy does not define, and a batch default outside it", async () => {
    const staff = await makeStaffUser(t.db, "ADMIN");
    const parsed = parseImportFile({
      content: `email,name,category\nann-${unique()}@example.com,Ann,prospect\nsam-${unique()}@example.com,Sam,supplier\n`,
    });
    if (!parsed.ok) throw new Error(parsed.error.code);
    const run = (category: "PROSPECT" | "PARTNER_CONTACT") =>
      validateImportRows({
        db: t.db,
        rows: parsed.data.rows,
        mapping: suggestColumnMapping({ headers: parsed.data.headers }),
        options: {
          category,
          defaultLanguage: "en",
          sourceType: "IMPORTED",
          sourceDetail: "Show list",
          duplicates: "update",
        },
        suppressionKey: KEY,
        staff,
      });
    expect(await run("PARTNER_CONTACT")).toEqual({ ok: false, fieldErrors: { category: "category_not_in_policy" } });
    const result = await run("PROSPECT");
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data.rows.map((r) => [r.rowNumber, r.status, r.errors])).toEqual([
      [2, "create", []],
      [3, "invalid", [{ field: "category", code: "category_not_in_policy" }]],
    ]);
  });
});
