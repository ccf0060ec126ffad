// Every cookie the site may set, with its purpose and lifetime: the one list the cookie banner and the privacy policy
// page show. The app's own cookies are described here, from the same constants the code uses to set them (the consent
// cookie's lifetime is the policy file's); the deployment's other cookies (its analytics product's) come from its
// policy file.
import { CONSENT_COOKIE } from "@/lib/consent/consent-cookie";
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE_SECONDS } from "@/lib/i18n/languages";
import { RECIPIENT_SESSION_COOKIE } from "@/lib/recipients/recipient-session";
import { RECIPIENT_SESSION_MS } from "@/lib/tokens/scopes";
import type { Policy } from "./file/load-policy-file";

type Text = { sv: string; en: string };

export type CookieDefinition = {
  name: string;
  kind: "necessary" | "analytics";
  /** Who sets and reads it. */
  party: Partial<Text>;
  purpose: Partial<Text>;
  lifetime: Partial<Text>;
};

const days = (n: number): Text => ({ sv: `${n} dagar`, en: `${n} days` });
const FIRST_PARTY: Text = { sv: "Vi (förstapart)", en: "We (first party)" };

/** The names of the cookies Tillit itself sets; a policy file lists only the others. */
export const APP_COOKIE_NAMES = [LANG_COOKIE, CONSENT_COOKIE, RECIPIENT_SESSION_COOKIE] as const;

export function cookieList(policy: Pick<Policy, "cookies" | "consent" | "analytics">): CookieDefinition[] {
  const own: CookieDefinition[] = [
    {
      name: LANG_COOKIE,
      kind: "necessary",
      party: FIRST_PARTY,
      purpose: {
        sv: "Kommer ihåg språket du valde. Sätts bara när du väljer språk.",
        en: "Remembers the language you chose. Set only when you choose one.",
      },
      lifetime: days(Math.round(LANG_COOKIE_MAX_AGE_SECONDS / 86_400)),
    },
    // Only a deployment with analytics asks, so only then is an answer kept.
    ...(policy.analytics
      ? [
          {
            name: CONSENT_COOKIE,
            kind: "necessary" as const,
            party: FIRST_PARTY,
            purpose: {
              sv: "Kommer ihåg om du tackat ja eller nej till analyskakor, vilken version av frågan du svarade på och när. Det är vår enda logg över ditt val; vi sparar det inte på servern.",
              en: "Remembers whether you accepted or declined analytics cookies, which version of the question you answered and when. It is our only record of your choice; we do not store it on the server.",
            },
            lifetime: days(policy.consent.lifetimeDays),
          },
        ]
      : []),
    {
      name: RECIPIENT_SESSION_COOKIE,
      kind: "necessary",
      party: FIRST_PARTY,
      purpose: {
        sv: "Håller dig inloggad en kort stund efter att du öppnat en säker länk från oss, så att du kan se och ändra dina uppgifter.",
        en: "Keeps you signed in for a short while after you open a secure link from us, so you can see and change your details.",
      },
      lifetime: {
        sv: `${RECIPIENT_SESSION_MS / 60_000} minuter`,
        en: `${RECIPIENT_SESSION_MS / 60_000} minutes`,
      },
    },
  ];
  return [...own, ...policy.cookies];
}
