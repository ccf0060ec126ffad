// The deployment's policy file (lib/policy/file): both shipped files are valid, and a file with any of the mistakes
// the issue names is refused with a message that names the field, every mistake at once.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadPolicyFile, parsePolicyFile, PolicyFileError } from "@/lib/policy/file/load-policy-file";

const FILES = path.resolve(import.meta.dirname, "../../lib/policy/files");
const reference = readFileSync(path.join(FILES, "reference.yaml"), "utf8");

// The tests below edit arbitrary places of a parsed YAML document, which has no static shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

/** The reference file with one change made to its data, as YAML again. */
function changed(edit: (doc: Doc) => void): string {
  const doc = parse(reference) as Doc;
  edit(doc);
  return stringify(doc);
}

function problemsOf(source: string): string[] {
  const r = parsePolicyFile(source);
  if (r.ok) throw new Error("expected the file to be refused");
  return r.problems;
}

describe("the shipped policy files", () => {
  it("the reference customer's is valid, versioned by the hash of its bytes", () => {
    const r = parsePolicyFile(reference);
    if (!r.ok) throw new Error(r.problems.join("\n"));
    expect(r.policy.hash).toBe(createHash("sha256").update(reference).digest("hex"));
    expect(r.policy.languages).toEqual(["sv", "en"]);
    expect(Object.keys(r.policy.categories)).toEqual([
      "CUSTOMER_CONTACT",
      "PROSPECT",
      "PARTNER_CONTACT",
      "SUPPLIER_CONTACT",
    ]);
    expect(r.policy.analytics).toEqual({ product: "Piwik PRO" });
    expect(r.policy.version.effective).toBe("2024-03-25");
  });

  it("the fictional company's is valid: English only, two categories, no analytics", () => {
    const policy = loadPolicyFile(path.join(FILES, "fictional-example.yaml"));
    expect(policy.languages).toEqual(["en"]);
    expect(policy.categories.PROSPECT?.retention).toMatchObject({ clock: "lastContact", years: 2 });
    expect(policy.analytics).toBeNull();
    expect(policy.history).toHaveLength(1);
    expect(JSON.stringify(policy)).not.toMatch(/elastx/i);
  });

  it("a changed byte is a new version", () => {
    const a = parsePolicyFile(reference);
    const b = parsePolicyFile(`${reference}\n# reviewed\n`);
    expect(a.ok && b.ok && a.policy.hash !== b.policy.hash).toBe(true);
  });
});

describe("a policy file is refused, naming the field", () => {
  const cases: [string, (doc: Doc) => void, string][] = [
    [
      "a purpose without a legal basis",
      (d) => (d.purposes.PROSPECTING.bases = {}),
      "purposes.PROSPECTING.bases: a purpose needs a legal basis",
    ],
    [
      "a category without a retention rule",
      (d) => delete d.categories.PROSPECT.retention,
      "categories.PROSPECT.retention: each category needs its retention rule",
    ],
    [
      "legitimate interest without its balancing test",
      (d) => delete d.purposes.MARKETING_MAILINGS.balancing,
      "purposes.MARKETING_MAILINGS.balancing: legitimate interest needs its documented balancing test",
    ],
    ["a cookie without a lifetime", (d) => delete d.cookies[1].lifetime, "cookies.1.lifetime:"],
    ["a processor without a country", (d) => delete d.recipients[0].country, "recipients.0.country:"],
    [
      "a transfer outside the EEA without its basis",
      (d) => delete d.recipients[0].transferBasis,
      "recipients.0.transferBasis: US is outside the EEA",
    ],
    [
      "a text missing in an offered language",
      (d) => delete d.purposes.SERVICE_NOTICES.name.en,
      "purposes.SERVICE_NOTICES.name.en: needs its en text",
    ],
    ["a consent lifetime over a year", (d) => (d.consent.lifetimeDays = 400), "consent.lifetimeDays: at most 365 days"],
    [
      "retention over ten years",
      (d) => (d.categories.PROSPECT.retention.years = 12),
      "categories.PROSPECT.retention.years: at most 10 years",
    ],
    [
      "a brand colour too light to read on the page",
      (d) => (d.brand.colours.light.accent = "#9fc5e8"),
      "brand.colours.light.accent: contrast",
    ],
    [
      "button text unreadable on the accent",
      (d) => (d.brand.colours.dark.onAccent = "#5f8fbf"),
      "brand.colours.dark.onAccent: contrast",
    ],
    [
      "an analytics cookie without analytics",
      (d) => (d.analytics = null),
      "cookies.0.kind: an analytics cookie, but analytics is null",
    ],
    [
      "a basis for a category the policy does not have",
      (d) => delete d.categories.SUPPLIER_CONTACT,
      "purposes.SUPPLIER_ADMINISTRATION.bases.SUPPLIER_CONTACT: SUPPLIER_CONTACT is not a category",
    ],
    [
      "Tillit's own cookie described again (Tillit describes it from the code that sets it)",
      (d) =>
        d.cookies.push({
          name: "tillit_rs",
          kind: "necessary",
          party: d.cookies[0].party,
          purpose: d.cookies[0].purpose,
          lifetime: d.cookies[0].lifetime,
        }),
      "cookies.4.name: tillit_rs is Tillit's own cookie",
    ],
    ["an unknown field (a typo)", (d) => (d.controller.privacyContatc = "x@y.se"), "controller:"],
    [
      "a privacy contact that is not an address",
      (d) => (d.controller.privacyContact = "privacy"),
      "controller.privacyContact: must be an email address",
    ],
  ];
  it.each(cases)("%s", (_name, edit, expected) => {
    const problems = problemsOf(changed(edit));
    expect(problems.join("\n")).toContain(expected);
  });

  it("says every mistake at once, and where a YAML syntax error is", () => {
    const problems = problemsOf(
      changed((d) => {
        delete d.purposes.MARKETING_MAILINGS.balancing;
        d.consent.lifetimeDays = 400;
      }),
    );
    // The shape error is reported first; the cross-field rules run on a well-shaped file.
    expect(problems).toEqual([expect.stringContaining("consent.lifetimeDays")]);
    expect(problemsOf("version: [\n")[0]).toMatch(/^line \d+, column \d+: /);
  });

  it("refuses to start with a PolicyFileError that names the file and lists the problems", () => {
    expect(() => loadPolicyFile(path.join(FILES, "no-such-file.yaml"))).toThrow(PolicyFileError);
    try {
      loadPolicyFile(path.join(FILES, "no-such-file.yaml"));
    } catch (e) {
      expect((e as Error).message).toMatch(/no-such-file\.yaml cannot be used:\n {2}- cannot be read/);
    }
  });
});
