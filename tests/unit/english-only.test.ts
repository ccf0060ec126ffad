// A deployment whose policy file offers English only (the fictional Northwind): no Swedish anywhere a visitor could
// ask for it (?lang=sv, the lang cookie, a Swedish browser), and its brand on the one-click page.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publicPageVariant } from "@/lib/http/public-page-cache";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { renderOneClickDocument } from "@/app/u/[token]/one-click-document";

process.env.POLICY_FILE = path.resolve(import.meta.dirname, "../../lib/policy/files/fictional-example.yaml");

function variantOf(url: string, init: { headers?: Record<string, string>; cookies?: Record<string, string> } = {}) {
  const u = new URL(url, "http://tillit.test");
  return publicPageVariant({
    method: "GET",
    pathname: u.pathname,
    search: u.search,
    searchParams: u.searchParams,
    headers: new Headers(init.headers),
    cookie: (name) => init.cookies?.[name],
  });
}

describe("an English-only deployment", () => {
  it("offers the policy file's one language", () => expect(offeredLanguages()).toEqual(["en"]));

  it("renders its public pages in English whatever Swedish the visitor brings", () => {
    expect(variantOf("/")?.lang).toBe("en");
    expect(variantOf("/", { headers: { "accept-language": "sv-SE,sv;q=0.9" } })?.lang).toBe("en");
    expect(variantOf("/privacy", { cookies: { lang: "sv" } })?.lang).toBe("en");
    expect(variantOf("/?lang=en")?.lang).toBe("en");
    // ?lang=sv is not a variant of its own (no cache entry per unoffered language); rendered as usual, in English.
    expect(variantOf("/?lang=sv")).toBeNull();
  });

  it("gives the one-click page its brand and no language links", async () => {
    const html = await renderOneClickDocument({
      lang: "en",
      title: "Unsubscribe",
      heading: "Unsubscribe",
      paragraphs: ["p"],
      languageNav: "Choose language",
    });
    expect(html).toContain("<title>Unsubscribe · Northwind</title>");
    expect(html).toContain("--color-accent:#7a2e00");
    expect(html).toContain("<p>Northwind</p>");
    expect(html).not.toContain("<nav");
    expect(html).not.toMatch(/Elastx|Svenska/);
  });
});
