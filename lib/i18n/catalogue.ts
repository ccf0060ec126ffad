// The one message catalogue: plain ICU strings in JSON, one file per namespace and language
// (lib/i18n/messages/<lang>/<namespace>.json). The same catalogue serves server components (getTranslations, through
// lib/i18n/request.ts), client components (useTranslations under a provider given only the namespaces they need,
// lib/i18n/client-messages.tsx) and code outside a request (createTranslator, lib/i18n/translator.ts).
//
// Brand names are written {company} and {product} in the files and filled in here: the company from the policy file
// (brand.displayName), the product from lib/product.ts, so another deployment changes its policy file and not every
// message.
import "server-only";
import { getPolicy } from "@/lib/policy/current-policy";
import { PRODUCT_NAME } from "@/lib/product";
import type { Language } from "./languages";
import enAccountability from "./messages/en/accountability.json";
import enEmails from "./messages/en/emails.json";
import enEnums from "./messages/en/enums.json";
import enError from "./messages/en/error.json";
import enHome from "./messages/en/home.json";
import enLayout from "./messages/en/layout.json";
import enLinkPages from "./messages/en/linkPages.json";
import enMailings from "./messages/en/mailings.json";
import enMyData from "./messages/en/myData.json";
import enNotFound from "./messages/en/notFound.json";
import enPreferences from "./messages/en/preferences.json";
import enPublicPages from "./messages/en/publicPages.json";
import enRegister from "./messages/en/register.json";
import enSegments from "./messages/en/segments.json";
import enStaff from "./messages/en/staff.json";
import enStaffAdmin from "./messages/en/staffAdmin.json";
import enStaffImport from "./messages/en/staffImport.json";
import svAccountability from "./messages/sv/accountability.json";
import svEmails from "./messages/sv/emails.json";
import svEnums from "./messages/sv/enums.json";
import svError from "./messages/sv/error.json";
import svHome from "./messages/sv/home.json";
import svLayout from "./messages/sv/layout.json";
import svLinkPages from "./messages/sv/linkPages.json";
import svMailings from "./messages/sv/mailings.json";
import svMyData from "./messages/sv/myData.json";
import svNotFound from "./messages/sv/notFound.json";
import svPreferences from "./messages/sv/preferences.json";
import svPublicPages from "./messages/sv/publicPages.json";
import svRegister from "./messages/sv/register.json";
import svSegments from "./messages/sv/segments.json";
import svStaff from "./messages/sv/staff.json";
import svStaffAdmin from "./messages/sv/staffAdmin.json";
import svStaffImport from "./messages/sv/staffImport.json";

const sv = {
  accountability: svAccountability,
  emails: svEmails,
  enums: svEnums,
  error: svError,
  home: svHome,
  layout: svLayout,
  linkPages: svLinkPages,
  mailings: svMailings,
  myData: svMyData,
  notFound: svNotFound,
  preferences: svPreferences,
  publicPages: svPublicPages,
  register: svRegister,
  segments: svSegments,
  staff: svStaff,
  staffAdmin: svStaffAdmin,
  staffImport: svStaffImport,
};

/** The shape of the catalogue (Swedish is the reference); next-intl's AppConfig types every key by it. */
export type Messages = typeof sv;
export type Namespace = keyof Messages;

// Typed by the Swedish catalogue: a namespace file missing from English fails the type check; the unit test
// tests/unit/i18n-catalogue.test.ts checks that every key and ICU argument matches.
const en: Messages = {
  accountability: enAccountability,
  emails: enEmails,
  enums: enEnums,
  error: enError,
  home: enHome,
  layout: enLayout,
  linkPages: enLinkPages,
  mailings: enMailings,
  myData: enMyData,
  notFound: enNotFound,
  preferences: enPreferences,
  publicPages: enPublicPages,
  register: enRegister,
  segments: enSegments,
  staff: enStaff,
  staffAdmin: enStaffAdmin,
  staffImport: enStaffImport,
};

/** The JSON files as written, before brand names are filled in (for the catalogue test). */
export const rawCatalogue: Record<Language, Messages> = { sv, en };

function fillBrand<T>(node: T, company: string): T {
  if (typeof node === "string") {
    return node.replaceAll("{company}", company).replaceAll("{product}", PRODUCT_NAME) as T;
  }
  if (node && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fillBrand(v, company)])) as T;
  }
  return node;
}

// Filled on first use, not at import: the policy file is read when a page or mail needs a text.
let filled: { company: string; catalogue: Record<Language, Messages> } | undefined;

function catalogue(): Record<Language, Messages> {
  const company = getPolicy().brand.displayName;
  if (filled?.company !== company)
    filled = { company, catalogue: { sv: fillBrand(sv, company), en: fillBrand(en, company) } };
  return filled.catalogue;
}

export function messagesFor(lang: Language): Messages {
  return catalogue()[lang];
}

/**
 * Only the given parts of a language's catalogue: a namespace ("linkPages") or a dotted path inside one
 * ("linkPages.prefs"). What a client provider passes to the browser, so a page ships only the texts its client
 * components use.
 */
export function pickMessages(lang: Language, paths: readonly string[]): Partial<Messages> {
  const out: Record<string, unknown> = {};
  for (const p of paths) {
    const parts = p.split(".");
    let source: unknown = catalogue()[lang];
    let target = out;
    for (const [i, part] of parts.entries()) {
      source = (source as Record<string, unknown> | undefined)?.[part];
      if (source === undefined) throw new Error(`No messages at ${p}`);
      if (i === parts.length - 1) target[part] = source;
      else target = (target[part] ??= {}) as Record<string, unknown>;
    }
  }
  return out as Partial<Messages>;
}
