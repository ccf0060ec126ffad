// Every cookie the site may set, with its purpose and lifetime: the one list the cookie banner and the privacy policy
// page show, built from the same constants the code uses to set the cookies.
import { CONSENT_COOKIE } from "@/lib/consent/consent-cookie";
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE_SECONDS } from "@/lib/i18n/languages";
import { RECIPIENT_SESSION_COOKIE } from "@/lib/recipients/recipient-session";
import { RECIPIENT_SESSION_MS } from "@/lib/tokens/scopes";
import { getPolicy } from "./current-policy";

type Text = { sv: string; en: string };

export type CookieDefinition = {
  name: string;
  kind: "necessary" | "analytics";
  /** Who sets and reads it. */
  party: Text;
  purpose: Text;
  lifetime: Text;
};

const days = (n: number): Text => ({ sv: `${n} dagar`, en: `${n} days` });
const ELASTX: Text = { sv: "Vi (förstapart)", en: "We (first party)" };
const PIWIK: Text = { sv: "Piwik PRO (tredje part, vårt biträde)", en: "Piwik PRO (third party, our processor)" };

export const ANALYTICS_LONGEST_LIFETIME: Text = { sv: "13 månader", en: "13 months" };

export const COOKIES: readonly CookieDefinition[] = [
  {
    name: LANG_COOKIE,
    kind: "necessary",
    party: ELASTX,
    purpose: {
      sv: "Kommer ihåg språket du valde. Sätts bara när du väljer språk.",
      en: "Remembers the language you chose. Set only when you choose one.",
    },
    lifetime: days(Math.round(LANG_COOKIE_MAX_AGE_SECONDS / 86_400)),
  },
  {
    name: CONSENT_COOKIE,
    kind: "necessary",
    party: ELASTX,
    purpose: {
      sv: "Kommer ihåg om du tackat ja eller nej till analyskakor, vilken version av frågan du svarade på och när. Det är vår enda logg över ditt val; vi sparar det inte på servern.",
      en: "Remembers whether you accepted or declined analytics cookies, which version of the question you answered and when. It is our only record of your choice; we do not store it on the server.",
    },
    lifetime: days(getPolicy().consent.lifetimeDays),
  },
  {
    name: RECIPIENT_SESSION_COOKIE,
    kind: "necessary",
    party: ELASTX,
    purpose: {
      sv: "Håller dig inloggad en kort stund efter att du öppnat en säker länk från oss, så att du kan se och ändra dina uppgifter.",
      en: "Keeps you signed in for a short while after you open a secure link from us, so you can see and change your details.",
    },
    lifetime: {
      sv: `${RECIPIENT_SESSION_MS / 60_000} minuter`,
      en: `${RECIPIENT_SESSION_MS / 60_000} minutes`,
    },
  },
  {
    name: "_pk_id.*",
    kind: "analytics",
    party: PIWIK,
    purpose: {
      sv: "Ett slumpat besökar-id, så att återkommande besök kan räknas.",
      en: "A random visitor id, so that returning visits can be counted.",
    },
    lifetime: ANALYTICS_LONGEST_LIFETIME,
  },
  {
    name: "_pk_ses.*",
    kind: "analytics",
    party: PIWIK,
    purpose: { sv: "Binder ihop sidvisningarna i ett besök.", en: "Ties the page views of one visit together." },
    lifetime: { sv: "30 minuter", en: "30 minutes" },
  },
  {
    name: "_pk_ref.*",
    kind: "analytics",
    party: PIWIK,
    purpose: {
      sv: "Vilken webbplats som ledde dig hit.",
      en: "Which website led you here.",
    },
    lifetime: { sv: "6 månader", en: "6 months" },
  },
  {
    name: "stg_*",
    kind: "analytics",
    party: PIWIK,
    purpose: {
      sv: "Piwik PRO:s tagghanterare: trafikkälla och senaste besök.",
      en: "Piwik PRO's tag manager: traffic source and latest visit.",
    },
    lifetime: { sv: "högst 12 månader", en: "at most 12 months" },
  },
];
