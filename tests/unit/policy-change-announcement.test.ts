// The announcement of a policy version: subject and body in both mailing languages from the catalogue, with the
// version's date written out, its change note from the policy file (an English-only file's note in both) and the link
// to the privacy page's versions; the mailing's name says which version it announces.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPolicyFile } from "@/lib/policy/file/load-policy-file";
import { policyChangeAnnouncement } from "@/lib/policy/policy-change-announcement";

const FILES = path.resolve(import.meta.dirname, "../../lib/policy/files");

describe("policyChangeAnnouncement", () => {
  it("the reference customer's version, in Swedish and English", () => {
    const policy = loadPolicyFile(path.join(FILES, "reference.yaml"));
    const a = policyChangeAnnouncement(policy, "https://prefs.example.com/");
    expect(a.name).toBe(`Integritetspolicyn från 2024-03-25 (${policy.hash.slice(0, 12)})`);
    expect(a.subjectSv).toBe("Vi har uppdaterat vår integritetspolicy");
    expect(a.subjectEn).toBe("We have updated our privacy policy");
    expect(a.bodySv).toContain("Den nya versionen gäller från 25 mars 2024.");
    expect(a.bodySv).toContain("**Det här ändras:** Integritetspolicyn daterad 2024-03-25.");
    expect(a.bodyEn).toContain("The new version applies from 25 March 2024.");
    expect(a.bodyEn).toContain("**What changes:** The privacy policy dated 2024-03-25.");
    for (const body of [a.bodySv, a.bodyEn]) expect(body).toContain("https://prefs.example.com/privacy#versions");
  });

  it("an English-only file's note in both bodies", () => {
    const policy = loadPolicyFile(path.join(FILES, "fictional-example.yaml"));
    const a = policyChangeAnnouncement(policy, "https://prefs.northwind.example");
    expect(a.name).toBe(`Privacy policy of 2026-09-01 (${policy.hash.slice(0, 12)})`);
    expect(a.bodyEn).toContain("**What changes:** Retention for prospects shortened from three years to two.");
    expect(a.bodySv).toContain("**Det här ändras:** Retention for prospects shortened from three years to two.");
    expect(a.bodyEn).toContain("1 September 2026");
  });
});
