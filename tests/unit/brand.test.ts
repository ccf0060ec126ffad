// The deployment's brand comes from its policy file, not from the code: the company's name in every message, the
// recipient pages' colours, the logo. Run on the fictional second company's file (Northwind), so nothing of the
// reference customer can pass for it.
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readFileSync } from "node:fs";
import path from "node:path";
import { messagesFor } from "@/lib/i18n/catalogue";
import { brandColourCss, strongAccent } from "@/lib/policy/brand-colours";
import { getPolicy } from "@/lib/policy/current-policy";
import { contrastRatio, parseHexColour } from "@/lib/policy/file/contrast";
import { parsePolicyFile } from "@/lib/policy/file/load-policy-file";
import { PAGE_BACKGROUNDS } from "@/lib/policy/file/policy-file-schema";

const FICTIONAL = path.resolve(import.meta.dirname, "../../lib/policy/files/fictional-example.yaml");
// Read by getPolicy() on first use; every test file runs in its own module graph.
process.env.POLICY_FILE = FICTIONAL;

describe("brand from the policy file", () => {
  it("fills {company} in every message with the file's display name", () => {
    expect(getPolicy().brand.displayName).toBe("Northwind");
    expect(messagesFor("en").home.heading).toBe("Your details at Northwind");
    expect(messagesFor("en").layout.footer).toBe(
      "Northwind uses Tillit, free and open-source software for contact preferences.",
    );
    expect(JSON.stringify(messagesFor("en"))).not.toMatch(/Elastx|\{company\}|\{product\}/);
  });

  it("sets the accent tokens of both colour schemes from the file", () => {
    const css = brandColourCss(getPolicy().brand.colours);
    expect(css).toMatch(/^:root\{--color-accent:#7a2e00;--color-accent-strong:#[0-9a-f]{6};--color-on-accent:#ffffff;/);
    expect(css).toContain("@media (prefers-color-scheme:dark){:root{--color-accent:#ffb27a;");
    expect(css).toContain("--color-on-accent:#2a1000");
    expect(css).not.toMatch(/[<>&"']/);
  });

  it("derives a hover shade only where it keeps 4.5:1 on the page and under the button text", () => {
    for (const scheme of ["light", "dark"] as const) {
      const palette = getPolicy().brand.colours[scheme];
      const strong = parseHexColour(strongAccent(palette, scheme))!;
      expect(contrastRatio(strong, parseHexColour(PAGE_BACKGROUNDS[scheme])!)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(parseHexColour(palette.onAccent)!, strong)).toBeGreaterThanOrEqual(4.5);
    }
    // The reference palette's hover shade comes out as app/globals.css has it.
    expect(strongAccent({ accent: "#0b5394", onAccent: "#ffffff" }, "light")).toBe("#083e6f");
    // Dark text on a mid-grey accent in the light scheme: darkening would cost contrast, so the accent itself is used.
    expect(strongAccent({ accent: "#767676", onAccent: "#000000" }, "light")).toBe("#767676");
  });

  it("takes a logo only as a path on this site (the pages' CSP allows no other image origin)", () => {
    const source = readFileSync(FICTIONAL, "utf8");
    const withLogo = (logo: string) => {
      const doc = parse(source) as { brand: Record<string, unknown> };
      doc.brand.logo = logo;
      return parsePolicyFile(stringify(doc));
    };
    expect(withLogo("/brand/northwind.svg").ok).toBe(true);
    for (const bad of ["https://cdn.example/logo.svg", "//cdn.example/logo.svg", "logo.svg", "/with space.svg"]) {
      const r = withLogo(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.problems.join("\n")).toContain("brand.logo: must be a path on this site");
    }
  });
});
