// The privacy page's words for what differs between deployments come from the policy file: the retention rule per
// category, recipients with their country and transfer basis, the cookies (Tillit's own from the code, the rest from
// the file; no consent cookie where nothing asks for consent), the authority and the controller. Checked on both
// shipped files, so a deployment's facts never come from another's.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cookieList } from "@/lib/policy/cookies";
import { loadPolicyFile } from "@/lib/policy/file/load-policy-file";
import { categoryOptions, inPolicyLanguage, purposeName, purposeOptions } from "@/lib/policy/policy-labels";
import {
  complaintText,
  contactText,
  cookiesText,
  introText,
  recipientText,
  retentionRuleText,
} from "@/lib/policy/privacy-policy-text";
import { defaultLegalBases } from "@/lib/policy/purposes";

const FILES = path.resolve(import.meta.dirname, "../../lib/policy/files");
const reference = loadPolicyFile(path.join(FILES, "reference.yaml"));
const fictional = loadPolicyFile(path.join(FILES, "fictional-example.yaml"));

describe("the reference customer's file", () => {
  it("states each category's clock and years in both languages", () => {
    expect(retentionRuleText(reference, reference.categories.CUSTOMER_CONTACT!.retention, "sv")).toBe(
      "10 år efter att affärsrelationen med din organisation upphörde.",
    );
    expect(retentionRuleText(reference, reference.categories.PROSPECT!.retention, "en")).toBe(
      "10 years after we were last in contact. What counts as contact: When we met (sales meeting, fair, conference) or were last in contact.",
    );
  });

  it("names the controller, the authority, the recipients and its analytics cookies", () => {
    expect(introText(reference, "sv")).toContain("Elastx är personuppgiftsansvarig");
    expect(complaintText(reference, "sv")).toContain("Integritetsskyddsmyndigheten (IMY)");
    const resend = recipientText(reference, reference.recipients[0]!, "en");
    expect(resend.heading).toBe("Resend (processor), United States");
    expect(resend.transfer).toContain("Data Privacy Framework");
    expect(recipientText(reference, reference.recipients[0]!, "sv").heading).toBe(
      "Resend (personuppgiftsbiträde), USA",
    );
    const names = cookieList(reference).map((c) => c.name);
    expect(names).toEqual(["lang", "tillit_consent", "tillit_rs", "_pk_id.*", "_pk_ses.*", "_pk_ref.*", "stg_*"]);
    expect(cookieList(reference).find((c) => c.name === "tillit_consent")?.lifetime).toEqual({
      sv: "365 dagar",
      en: "365 days",
    });
    expect(cookiesText(reference, "en")).toContain("Analytics cookies from Piwik PRO are set only if you accept");
    expect(contactText(reference, "en")).toBe(
      "Questions about how we handle personal data are answered by our data protection lead, supported by our CTO. Write to",
    );
  });
});

describe("the fictional company's file", () => {
  it("has its own retention rules, recipients, authority and no analytics", () => {
    expect(retentionRuleText(fictional, fictional.categories.CUSTOMER_CONTACT!.retention, "en")).toBe(
      "6 years after your role at the organisation ended.",
    );
    expect(retentionRuleText(fictional, fictional.categories.PROSPECT!.retention, "en")).toMatch(
      /^2 years after we were last in contact\. What counts as contact: The last time you replied/,
    );
    expect(introText(fictional, "en")).toContain("Northwind Components Ltd is the controller");
    expect(complaintText(fictional, "en")).toContain("the Information Commissioner's Office (ICO)");
    expect(recipientText(fictional, fictional.recipients[0]!, "en").transfer).toContain("UK Extension");
    // Nothing asks for consent, so no consent cookie and no analytics words.
    expect(cookieList(fictional).map((c) => c.name)).toEqual(["lang", "tillit_rs"]);
    expect(cookiesText(fictional, "en")).toBe(
      "We set only the cookies the website needs in order to work. We use no web analytics and no marketing cookies, so we do not ask for consent.",
    );
  });

  it("offers staff only its categories and purposes, with its names, and gives new contacts its bases", () => {
    expect(categoryOptions(fictional, "en")).toEqual([
      { value: "CUSTOMER_CONTACT", label: "Buyers at customer companies" },
      { value: "PROSPECT", label: "Trade-show leads" },
    ]);
    // A record's category the policy no longer has stays selectable, under the catalogue's name.
    expect(categoryOptions(fictional, "en", "SUPPLIER_CONTACT").at(-1)).toEqual({
      value: "SUPPLIER_CONTACT",
      label: "Contact person at a supplier",
    });
    expect(purposeOptions(fictional, "en").map((o) => o.label)).toEqual(["Order handling", "Product bulletins"]);
    expect(purposeName(fictional, "PROSPECTING", "en")).toBe("Contact with prospective customers");
    expect(defaultLegalBases("PROSPECT", fictional)).toEqual([{ purpose: "MARKETING_MAILINGS", basis: "CONSENT" }]);
    // A Swedish visitor of an English-only deployment reads the file's only language.
    expect(inPolicyLanguage(fictional, fictional.purposes.CUSTOMER_SERVICE!.name, "sv")).toBe("Order handling");
  });
});
