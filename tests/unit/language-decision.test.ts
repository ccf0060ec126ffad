// The one decision of a page's language (lib/i18n/languages.ts, decideLanguage): ?lang=, then the lang cookie, then
// the contact's stored language (pages tied to a contact), then Accept-Language, then Swedish. The layout, every
// recipient page and the actions that send mail from them all go through it.
import { describe, expect, it } from "vitest";
import { decideLanguage, languageFromAcceptLanguage, type LanguageChoice } from "@/lib/i18n/languages";

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
  it.each(cases)("%s", (_name, input, expected) => expect(decideLanguage(input)).toBe(expected));
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
