// The record of processing activities (Art. 30) is built from the policy file, so it says what the register enforces:
// checked on both shipped files, and by changing the policy object (a category's basis dropped, a basis changed, a
// recipient outside the EEA added, analytics removed) and seeing the record follow. The CSV has one row per purpose
// and category.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadPolicyFile, type Policy } from "@/lib/policy/file/load-policy-file";
import { retentionRuleText } from "@/lib/policy/privacy-policy-text";
import { buildProcessingRecord, SECURITY_MEASURES } from "@/lib/records/build-processing-record";
import { processingRecordCsv, processingRecordJson } from "@/lib/records/processing-record-files";

const FILES = path.resolve(import.meta.dirname, "../../lib/policy/files");
const reference = loadPolicyFile(path.join(FILES, "reference.yaml"));
const fictional = loadPolicyFile(path.join(FILES, "fictional-example.yaml"));
const NOW = new Date("2026-10-01T10:00:00Z");

const copy = (p: Policy): Policy => structuredClone(p);
const activity = (record: ReturnType<typeof buildProcessingRecord>, purpose: string) =>
  record.activities.find((a) => a.purpose === purpose)!;

describe("the reference customer's record", () => {
  const sv = buildProcessingRecord({ policy: reference, lang: "sv", now: NOW });
  const en = buildProcessingRecord({ policy: reference, lang: "en", now: NOW });

  it("names the controller, the policy version and the time it was generated", () => {
    expect(en.controller).toEqual({
      name: "Elastx",
      orgNumber: null,
      address: null,
      privacyContact: "privacy@elastx.se",
      dataProtectionContact: "Our data protection lead, supported by our CTO",
      supervisoryAuthority: { name: "the Swedish Authority for Privacy Protection (IMY)", url: "https://www.imy.se" },
    });
    expect(en.policy).toEqual({
      hash: reference.hash,
      effective: "2024-03-25",
      note: "The privacy policy dated 2024-03-25.",
    });
    expect(en.generatedAt).toBe(NOW.toISOString());
  });

  it("has one activity per purpose, with the categories that have a basis, the balancing test and the retention", () => {
    expect(en.activities.map((a) => a.purpose)).toEqual(Object.keys(reference.purposes));
    const marketing = activity(en, "MARKETING_MAILINGS");
    expect(marketing.name).toBe("Mailings");
    expect(marketing.categories.map((c) => [c.category, c.basis])).toEqual([
      ["CUSTOMER_CONTACT", "LEGITIMATE_INTEREST"],
      ["PROSPECT", "LEGITIMATE_INTEREST"],
      ["PARTNER_CONTACT", "LEGITIMATE_INTEREST"],
    ]);
    expect(marketing.categories[1]!.categoryName).toBe("Prospective customers");
    expect(marketing.categories[1]!.basisName).toBe("Legitimate interest (Art. 6(1)(f))");
    expect(marketing.categories[1]!.retention).toBe(
      retentionRuleText(reference, reference.categories.PROSPECT!.retention, "en"),
    );
    expect(marketing.balancingTest).toContain("We do not track opens or clicks.");
    expect(activity(sv, "MARKETING_MAILINGS").name).toBe("Mailutskick");
    expect(activity(sv, "MARKETING_MAILINGS").categories[0]!.retention).toBe(
      "10 år efter att affärsrelationen med din organisation upphörde.",
    );
  });

  it("lists the personal data per purpose: phone and notes only where staff deal with the person", () => {
    const keys = (purpose: string) => activity(en, purpose).dataCategories.map((d) => d.key);
    expect(keys("CUSTOMER_SERVICE")).toEqual(expect.arrayContaining(["identity", "workContact", "phone", "notes"]));
    expect(keys("MARKETING_MAILINGS")).toEqual(expect.arrayContaining(["subscriptions", "deliveries"]));
    expect(keys("MARKETING_MAILINGS")).not.toContain("phone");
    expect(keys("MARKETING_MAILINGS")).not.toContain("notes");
    expect(activity(sv, "CUSTOMER_SERVICE").dataCategories[0]!.name).toBe("Namn");
  });

  it("has Resend as processor with its transfer to the US, and Piwik PRO only for the web analytics", () => {
    expect(en.recipients.map((r) => [r.name, r.role, r.country, r.insideEea])).toEqual([
      ["Resend", "processor", "US", false],
      ["Piwik PRO", "processor", "DE", true],
    ]);
    const marketing = activity(en, "MARKETING_MAILINGS");
    expect(marketing.recipients.map((r) => r.name)).toEqual(["Resend"]);
    expect(marketing.transfers).toHaveLength(1);
    expect(marketing.transfers[0]!.countryName).toBe("United States");
    expect(marketing.transfers[0]!.transferBasis).toContain("Data Privacy Framework");
    expect(en.analytics?.product).toBe("Piwik PRO");
    expect(en.analytics?.basis).toBe("CONSENT");
    expect(en.analytics?.recipients.map((r) => r.name)).toEqual(["Piwik PRO"]);
    expect(en.analytics?.transfers).toEqual([]);
  });

  it("states every security measure in both languages", () => {
    expect(en.securityMeasures.map((m) => m.key)).toEqual([...SECURITY_MEASURES]);
    for (const record of [sv, en]) for (const m of record.securityMeasures) expect(m.text).not.toMatch(/records\./);
    expect(en.securityMeasures.find((m) => m.key === "suppression")!.text).toContain("keyed hash");
    expect(sv.securityMeasures.find((m) => m.key === "suppression")!.text).toContain("nyckelad hash");
  });

  it("exports one CSV row per purpose and category (plus the analytics), and the whole record as JSON", () => {
    const rows = parse(processingRecordCsv(en), { delimiter: ";", bom: true }) as string[][];
    const pairs = Object.values(reference.purposes).reduce((n, p) => n + Object.keys(p!.bases).length, 0);
    expect(rows).toHaveLength(1 + pairs + 1);
    expect(rows[0]![0]).toBe("Purpose");
    const prospect = rows.find((r) => r[1] === "MARKETING_MAILINGS" && r[4] === "PROSPECT")!;
    expect(prospect[5]).toBe("Legitimate interest (Art. 6(1)(f))");
    expect(prospect[9]).toContain("Resend, United States: The EU–US Data Privacy Framework");
    expect(prospect[11]).toBe(reference.hash);
    expect(rows.at(-1)![0]).toBe("Web analytics of the public pages");
    const svRows = parse(processingRecordCsv(sv), { delimiter: ";", bom: true }) as string[][];
    expect(svRows[0]![0]).toBe("Ändamål");
    expect(JSON.parse(processingRecordJson(en))).toEqual(JSON.parse(JSON.stringify(en)));
  });
});

describe("the fictional company's record", () => {
  const en = buildProcessingRecord({ policy: fictional, lang: "en", now: NOW });

  it("is that company's: its controller, purposes, bases and retention, and no analytics", () => {
    expect(en.controller.name).toBe("Northwind Components Ltd");
    expect(en.controller.orgNumber).toBe("GB 0123 4567 89");
    expect(en.activities.map((a) => a.purpose)).toEqual(["CUSTOMER_SERVICE", "MARKETING_MAILINGS"]);
    const bulletins = activity(en, "MARKETING_MAILINGS");
    expect(bulletins.categories.map((c) => [c.categoryName, c.basisName])).toEqual([
      ["Buyers at customer companies", "Legitimate interest (Art. 6(1)(f))"],
      ["Trade-show leads", "Consent (Art. 6(1)(a))"],
    ]);
    expect(activity(en, "CUSTOMER_SERVICE").balancingTest).toBeNull();
    expect(activity(en, "CUSTOMER_SERVICE").categories[0]!.retention).toBe(
      "6 years after your role at the organisation ended.",
    );
    expect(en.analytics).toBeNull();
    expect(JSON.stringify(en)).not.toContain("Elastx");
    expect(JSON.stringify(en)).not.toContain("Piwik");
  });

  it("falls back to the file's one language on a Swedish record", () => {
    const sv = buildProcessingRecord({ policy: fictional, lang: "sv", now: NOW });
    expect(activity(sv, "MARKETING_MAILINGS").name).toBe("Product bulletins");
    expect(sv.securityMeasures[0]!.text).toContain("Kryptering");
  });
});

describe("a changed policy changes the record", () => {
  it("a category's basis dropped: the category leaves that purpose", () => {
    const policy = copy(reference);
    delete policy.purposes.MARKETING_MAILINGS!.bases.PROSPECT;
    const record = buildProcessingRecord({ policy, lang: "en", now: NOW });
    expect(activity(record, "MARKETING_MAILINGS").categories.map((c) => c.category)).toEqual([
      "CUSTOMER_CONTACT",
      "PARTNER_CONTACT",
    ]);
    const rows = parse(processingRecordCsv(record), { delimiter: ";", bom: true }) as string[][];
    expect(rows.some((r) => r[1] === "MARKETING_MAILINGS" && r[4] === "PROSPECT")).toBe(false);
  });

  it("a basis changed: the record says the new one, and a purpose without legitimate interest has no balancing test row", () => {
    const policy = copy(reference);
    policy.purposes.PROSPECTING!.bases.PROSPECT = "CONSENT";
    delete policy.purposes.PROSPECTING!.balancing;
    const record = buildProcessingRecord({ policy, lang: "sv", now: NOW });
    const prospecting = activity(record, "PROSPECTING");
    expect(prospecting.categories.map((c) => [c.category, c.basis, c.basisName])).toEqual([
      ["PROSPECT", "CONSENT", "Samtycke (art. 6.1 a)"],
    ]);
    expect(prospecting.balancingTest).toBeNull();
  });

  it("a recipient outside the EEA added: every purpose lists it with its transfer basis", () => {
    const policy = copy(reference);
    policy.recipients.push({
      name: "CRM Cloud Inc",
      role: "processor",
      what: { sv: "Vårt CRM.", en: "Our CRM." },
      country: "IN",
      transferBasis: { sv: "Standardavtalsklausuler", en: "Standard contractual clauses" },
    });
    const record = buildProcessingRecord({ policy, lang: "en", now: NOW });
    for (const a of record.activities) {
      expect(a.recipients.map((r) => r.name)).toEqual(["Resend", "CRM Cloud Inc"]);
      expect(a.transfers.map((r) => [r.name, r.countryName, r.transferBasis])).toContainEqual([
        "CRM Cloud Inc",
        "India",
        "Standard contractual clauses",
      ]);
    }
    expect(record.recipients).toHaveLength(3);
  });

  it("analytics removed: no analytics activity, and a recipient of that name is an ordinary recipient", () => {
    const policy = copy(reference);
    policy.analytics = null;
    policy.cookies = [];
    const record = buildProcessingRecord({ policy, lang: "en", now: NOW });
    expect(record.analytics).toBeNull();
    expect(activity(record, "CUSTOMER_SERVICE").recipients.map((r) => r.name)).toEqual(["Resend", "Piwik PRO"]);
  });

  it("a retention rule changed: the record states the new rule", () => {
    const policy = copy(reference);
    policy.categories.CUSTOMER_CONTACT!.retention = { clock: "roleEnded", years: 3 };
    const record = buildProcessingRecord({ policy, lang: "en", now: NOW });
    expect(activity(record, "CUSTOMER_SERVICE").categories[0]!.retention).toBe(
      "3 years after your role at the organisation ended.",
    );
  });
});
