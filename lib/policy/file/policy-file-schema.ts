// The deployment's policy file (YAML, one per deployment, reviewed in git): who the controller is, the categories of
// people with their retention rules, the purposes with a legal basis per category, recipients, cookies, languages and
// brand. One zod schema; the rules that span fields (every text in every offered language, a legitimate interest with
// its balancing test, a transfer outside the EEA with its basis, readable brand colours) are checked in one pass after
// the shapes, each naming the field it is about, so a deployment that gets its file wrong is refused at start-up with
// a list of what to fix (load-policy-file.ts).
import { z } from "zod";
import { CATEGORIES, LEGAL_BASES, PURPOSE_KEYS } from "@/lib/enums";
import { LANGUAGES } from "@/lib/i18n/languages";
import { APP_COOKIE_NAMES } from "@/lib/policy/cookies";
import { contrastRatio, parseHexColour } from "./contrast";

const language = z.enum(LANGUAGES);
/** A text in some of the app's languages; which ones are required is decided by `languages` (checked below). */
const text = z.partialRecord(language, z.string().trim().min(1, { error: "must not be empty" }));
const day = z.iso.date({ error: "must be a date written YYYY-MM-DD" });
const email = z.email({ error: "must be an email address" });
const colour = z.string().refine((v) => parseHexColour(v) !== null, { error: "must be a colour written #rrggbb" });

/** What starts a category's retention clock. */
export const RETENTION_CLOCKS = ["relationshipEnded", "roleEnded", "lastContact"] as const;

const category = z.strictObject({
  name: text,
  retention: z.strictObject(
    {
      clock: z.enum(RETENTION_CLOCKS, { error: `must be one of ${RETENTION_CLOCKS.join(", ")}` }),
      years: z.int({ error: "must be a whole number of years" }).min(1).max(10, {
        error: "at most 10 years: the policy deletes at the latest 10 years after the clock starts",
      }),
      /** What counts as activity or contact, shown to the person with the rule. */
      activity: text.optional(),
    },
    { error: "each category needs its retention rule (clock, years)" },
  ),
});

const purpose = z.strictObject({
  name: text,
  description: text,
  /** The legal basis per category of people the purpose applies to. */
  bases: z.partialRecord(z.enum(CATEGORIES), z.enum(LEGAL_BASES)),
  /** The documented balancing test (Art. 6(1)(f)), required where any basis is legitimate interest. */
  balancing: text.optional(),
});

/** ISO 3166 alpha-2 codes of the EEA: a recipient elsewhere needs a transfer basis (Chapter V). */
export const EEA = new Set(
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split(" "),
);

const recipient = z.strictObject({
  name: z.string().trim().min(1),
  role: z.enum(["processor", "controller", "recipient"]),
  what: text,
  country: z.string().regex(/^[A-Z]{2}$/, { error: "must be a country code such as SE or US" }),
  transferBasis: text.optional(),
});

const cookie = z.strictObject({
  name: z.string().trim().min(1),
  kind: z.enum(["necessary", "analytics"]),
  party: text,
  purpose: text,
  lifetime: text,
});

const palette = z.strictObject({ accent: colour, onAccent: colour });

export const policyFileSchema = z.strictObject({
  version: z.strictObject({
    effective: day,
    note: text,
  }),
  /** Earlier versions, newest first: when each took effect and what changed. */
  history: z.array(z.strictObject({ effective: day, note: text, hash: z.string().optional() })).default([]),
  languages: z
    .array(language)
    .min(1)
    .refine((l) => new Set(l).size === l.length, { error: "lists a language twice" }),
  controller: z.strictObject({
    name: z.string().trim().min(1),
    /** Optional: shown on the privacy page when given. */
    orgNumber: z.string().trim().min(1).optional(),
    address: z.string().trim().min(1).optional(),
    privacyContact: email,
    dataProtectionLead: text,
    support: email,
  }),
  supervisoryAuthority: z.strictObject({ name: text, url: z.url({ error: "must be a web address" }) }),
  categories: z.partialRecord(z.enum(CATEGORIES), category),
  purposes: z.partialRecord(z.enum(PURPOSE_KEYS), purpose),
  recipients: z.array(recipient),
  cookies: z.array(cookie),
  /** The web analytics product, or null for none (then no analytics cookie may be listed). */
  analytics: z.strictObject({ product: z.string().trim().min(1) }).nullable(),
  consent: z.strictObject({
    lifetimeDays: z.int().min(1).max(365, { error: "at most 365 days: consent is asked again within a year" }),
  }),
  brand: z.strictObject({
    displayName: z.string().trim().min(1),
    /** A path on this site (a file in public/, e.g. /brand/logo.svg): the pages' CSP loads images only from here. */
    logo: z
      .string()
      .trim()
      .regex(/^\/(?!\/)\S+$/, { error: "must be a path on this site such as /brand/logo.svg (a file in public/)" })
      .optional(),
    colours: z.strictObject({ light: palette, dark: palette }),
    sender: z.strictObject({ name: z.string().trim().min(1), address: email }),
  }),
});

export type PolicyFile = z.infer<typeof policyFileSchema>;

/** The page backgrounds of app/globals.css (light, dark) a brand's accent colour is drawn on. */
export const PAGE_BACKGROUNDS = { light: "#ffffff", dark: "#121417" } as const;

type Issue = { path: (string | number)[]; message: string };

/** The rules across fields; each issue names the field to fix. */
export function crossFieldIssues(p: PolicyFile): Issue[] {
  const issues: Issue[] = [];
  const need = (path: (string | number)[], t: Partial<Record<string, string>> | undefined) => {
    for (const l of p.languages)
      if (t && !t[l]) issues.push({ path: [...path, l], message: `needs its ${l} text (languages lists ${l})` });
  };
  need(["version", "note"], p.version.note);
  p.history.forEach((h, i) => need(["history", i, "note"], h.note));
  need(["controller", "dataProtectionLead"], p.controller.dataProtectionLead);
  need(["supervisoryAuthority", "name"], p.supervisoryAuthority.name);

  if (Object.keys(p.categories).length === 0) issues.push({ path: ["categories"], message: "lists no category" });
  for (const [key, c] of Object.entries(p.categories)) {
    need(["categories", key, "name"], c.name);
    need(["categories", key, "retention", "activity"], c.retention.activity);
  }
  for (const [key, purpose] of Object.entries(p.purposes)) {
    need(["purposes", key, "name"], purpose.name);
    need(["purposes", key, "description"], purpose.description);
    const bases = Object.entries(purpose.bases);
    if (bases.length === 0)
      issues.push({ path: ["purposes", key, "bases"], message: "a purpose needs a legal basis for a category" });
    for (const [cat] of bases)
      if (!(cat in p.categories))
        issues.push({ path: ["purposes", key, "bases", cat], message: `${cat} is not a category of this policy` });
    if (bases.some(([, b]) => b === "LEGITIMATE_INTEREST")) {
      if (!purpose.balancing)
        issues.push({
          path: ["purposes", key, "balancing"],
          message: "legitimate interest needs its documented balancing test (Art. 6(1)(f))",
        });
      else need(["purposes", key, "balancing"], purpose.balancing);
    }
  }
  p.recipients.forEach((r, i) => {
    need(["recipients", i, "what"], r.what);
    if (!EEA.has(r.country) && !r.transferBasis)
      issues.push({
        path: ["recipients", i, "transferBasis"],
        message: `${r.country} is outside the EEA: name the transfer basis (adequacy decision, SCCs …)`,
      });
    else need(["recipients", i, "transferBasis"], r.transferBasis);
  });
  p.cookies.forEach((c, i) => {
    for (const field of ["party", "purpose", "lifetime"] as const) need(["cookies", i, field], c[field]);
    if ((APP_COOKIE_NAMES as readonly string[]).includes(c.name))
      issues.push({
        path: ["cookies", i, "name"],
        message: `${c.name} is Tillit's own cookie, which Tillit describes itself (from the code that sets it): remove it here`,
      });
    if (c.kind === "analytics" && !p.analytics)
      issues.push({ path: ["cookies", i, "kind"], message: "an analytics cookie, but analytics is null" });
  });
  for (const scheme of ["light", "dark"] as const) {
    const { accent, onAccent } = p.brand.colours[scheme];
    const bg = parseHexColour(PAGE_BACKGROUNDS[scheme])!;
    const a = parseHexColour(accent)!;
    const on = parseHexColour(onAccent)!;
    const onPage = contrastRatio(a, bg);
    if (onPage < 4.5)
      issues.push({
        path: ["brand", "colours", scheme, "accent"],
        message: `contrast ${onPage.toFixed(2)}:1 on the ${scheme} page background ${PAGE_BACKGROUNDS[scheme]}; links need 4.5:1`,
      });
    const onButton = contrastRatio(on, a);
    if (onButton < 4.5)
      issues.push({
        path: ["brand", "colours", scheme, "onAccent"],
        message: `contrast ${onButton.toFixed(2)}:1 on the accent ${accent}; button text needs 4.5:1`,
      });
  }
  return issues;
}
