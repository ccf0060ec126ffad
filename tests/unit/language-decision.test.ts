// The one decision of a page's language (lib/i18n/languages.ts, decideLanguage): ?lang=, then the lang cookie, then
// the contact's stored language (pages tied to a contact), then Accept-Language, then the deployment's default (the
// first of its policy file's languages), each step counting only the languages the deployment offers. The layout,
// every recipient page and the actions that send mail from them all go through it.
import { describe, expect, it } from "vitest";
import {
  decideLanguage,
  isOffered,
  languageFromAcceptLanguage,
  offeredOrDefault,
  type LanguageChoice,
  type OfferedLanguages,
} from "@/lib/i18n/languages";
import { loadPolicyFile } from "@/lib/policy/file/load-policy-file";

/** The reference customer's languages (Swedish first) and the fictional English-only company's. */
const SV_EN = loadPolicyFile("lib/policy/files/reference.yaml").languages as unknown as OfferedLanguages;
const EN = loadPolicyFile("lib/policy/files/fictional-example.yaml").languages as unknown as OfferedLanguages;

describe("decideLanguage", () => {
  const cases: [string, LanguageChoice, "sv" | "en"][] = [
    ["nothing at all → Swedish", {}, "sv"],
    ["all null → Swedish", { query: null, cookie: null, stored: null, acceptLanguage: null }, "sv"],
    ["query alone", { query: "en" }, "en"],
    ["query beats cookie", { query: "en", cookie: "sv" }, "en"],
    ["query beats stored", { query: "sv", stored: "en" }, "sv"],
    ["query beats everything", { query: "en", cookie: "sv", stored: "sv", acceptLanguage: "sv" }, "en"],
    ["query sv beats everything", { query: "sv", cookie: "en", stored: "en", acceptLanguage: "en" }, "sv"],
    ["unknown query falls to the cookie", { query: "de", cookie: "en", acceptLanguage: "sv" }, "en"],
    ["empty query falls through", { query: "", stored: "en" }, "en"],
    ["query in another case is not a choice", { query: "EN", acceptLanguage: "sv" }, "sv"],
    ["cookie beats stored", { cookie: "sv", stored: "en", acceptLanguage: "en" }, "sv"],
    ["cookie beats Accept-Language", { cookie: "en", acceptLanguage: "sv-SE" }, "en"],
    ["unknown cookie falls to stored", { cookie: "fr", stored: "en", acceptLanguage: "sv" }, "en"],
    ["stored beats Accept-Language", { stored: "en", acceptLanguage: "sv-SE,sv;q=0.9" }, "en"],
    ["stored sv beats an English browser", { stored: "sv", acceptLanguage: "en-GB,en;q=0.9" }, "sv"],
    ["no stored (page without a contact) → Accept-Language", { stored: null, acceptLanguage: "en-US" }, "en"],
    ["Accept-Language by quality", { acceptLanguage: "sv;q=0.5, en;q=0.8" }, "en"],
    ["Accept-Language: first supported in order", { acceptLanguage: "de-DE, en;q=0.9, sv;q=0.9" }, "en"],
    ["Accept-Language with nothing supported → Swedish", { acceptLanguage: "de-DE,fr;q=0.8" }, "sv"],
    ["Accept-Language q=0 is a refusal", { acceptLanguage: "en;q=0" }, "sv"],
    ["Accept-Language wildcard → Swedish", { acceptLanguage: "*" }, "sv"],
  ];
  it("offers the reference customer's languages, Swedish first", () => expect(SV_EN).toEqual(["sv", "en"]));
  it.each(cases)("%s", (_name, input, expected) => expect(decideLanguage(input, SV_EN)).toBe(expected));
});

describe("decideLanguage on an English-only deployment (the fictional policy file)", () => {
  const cases: [string, LanguageChoice][] = [
    ["nothing at all", {}],
    ["?lang=sv", { query: "sv" }],
    ["lang cookie sv", { cookie: "sv" }],
    ["a contact who stored Swedish", { stored: "sv" }],
    ["a Swedish browser", { acceptLanguage: "sv-SE,sv;q=0.9" }],
    ["all of them Swedish", { query: "sv", cookie: "sv", stored: "sv", acceptLanguage: "sv" }],
    ["?lang=sv over an English cookie", { query: "sv", cookie: "en" }],
  ];
  it("offers English only", () => expect(EN).toEqual(["en"]));
  it.each(cases)("%s → English", (_name, input) => expect(decideLanguage(input, EN)).toBe("en"));
  it("falls back to the first offered language, whichever it is", () => {
    expect(decideLanguage({ acceptLanguage: "de" }, ["en", "sv"])).toBe("en");
    expect(decideLanguage({ acceptLanguage: "de" }, ["sv", "en"])).toBe("sv");
  });
  it("counts only offered languages as a choice, and maps a stored one it does not offer to the default", () => {
    expect(isOffered("sv", EN)).toBe(false);
    expect(isOffered("en", EN)).toBe(true);
    expect(isOffered("de", SV_EN)).toBe(false);
    expect(offeredOrDefault("sv", EN)).toBe("en");
    expect(offeredOrDefault("en", SV_EN)).toBe("en");
    expect(offeredOrDefault(null, SV_EN)).toBe("sv");
    expect(languageFromAcceptLanguage("sv-SE, en;q=0.5", EN)).toBe("en");
    expect(languageFromAcceptLanguage("sv-SE", EN)).toBeUndefined();
  });
});

describe("languageFromAcceptLanguage", () => {
  it.each([
    [null, undefined],
    ["", undefined],
    ["en-GB", "en"],
    ["sv-FI, en", "sv"],
    ["fr;q=1, en;q=0.1", "en"],
  ] as const)("%s → %s", (header, expected) => expect(languageFromAcceptLanguage(header)).toBe(expected));
});
