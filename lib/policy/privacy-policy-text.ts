// The privacy policy page's prose (sv/en): what Tillit itself does, the same for every deployment (the rights and how
// to use them, what an erasure keeps, link and session lifetimes), in the software's words. Everything that differs
// between companies (who the controller is, categories, purposes and their bases, retention rules, recipients,
// cookies, the authority) comes from the deployment's policy file and is put in by the functions below, so no
// company's facts are written here and the page cannot drift from what the code enforces.
import type { LegalBasis, SourceType } from "@/lib/generated/prisma/enums";
import { SCOPES } from "@/lib/tokens/scopes";
import type { Policy } from "./file/load-policy-file";
import type { RETENTION_CLOCKS } from "./file/policy-file-schema";

type Text = { sv: string; en: string };
export type PolicyLanguage = keyof Text;

export const LEGAL_BASIS_NAMES: Record<LegalBasis, Text> = {
  CONSENT: { sv: "Samtycke (art. 6.1 a)", en: "Consent (Art. 6(1)(a))" },
  CONTRACT: { sv: "Avtal (art. 6.1 b)", en: "Contract (Art. 6(1)(b))" },
  LEGAL_OBLIGATION: { sv: "Rättslig förpliktelse (art. 6.1 c)", en: "Legal obligation (Art. 6(1)(c))" },
  LEGITIMATE_INTEREST: { sv: "Berättigat intresse (art. 6.1 f)", en: "Legitimate interest (Art. 6(1)(f))" },
};

export const SOURCE_NAMES: Record<SourceType, Text> = {
  NAMED_BY_CUSTOMER: {
    sv: "Din organisation har angett dig som kontaktperson.",
    en: "Your organisation named you as its contact person.",
  },
  MET_AT_EVENT: {
    sv: "Vi träffades på en mässa, konferens eller ett säljmöte (vi noterar vilket, när och vem du träffade).",
    en: "We met at a fair, conference or sales meeting (we note which, when and whom you met).",
  },
  IMPORTED: {
    sv: "Uppgifterna kom från en fil eller ett annat system hos oss (vi noterar vilket).",
    en: "The data came from a file or another of our systems (we note which).",
  },
  STAFF_ENTRY: {
    sv: "Du kontaktade oss direkt, till exempel per e-post eller telefon.",
    en: "You contacted us directly, for example by email or phone.",
  },
  SIGNUP_FORM: {
    sv: "Du anmälde dig till våra utskick i anmälningsformuläret och bekräftade från din e-post.",
    en: "You signed up for our mailings on the sign-up form and confirmed from your mailbox.",
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;
const footerLinkDays = Math.floor(SCOPES.preferences.lifetimeMs / DAY_MS);
const stepUpMinutes = Math.floor(SCOPES.stepUp.lifetimeMs / 60_000);

/** The page's prose, in order. Lists are arrays of paragraphs or items. */
export const POLICY_TEXT = {
  title: { sv: "Integritetspolicy", en: "Privacy policy" },
  whoHeading: { sv: "Vems uppgifter och vilka", en: "Whose data, and which" },
  whoText: {
    sv: "Vi har uppgifter om personer i de här grupperna:",
    en: "We keep data about people in these groups:",
  },
  dataText: {
    sv: "För var och en sparar vi bara det som behövs: namn, e-postadress, telefonnummer, befattning, språk, vilken organisation och roll du har (med datum), varifrån vi fick uppgifterna, vilka utskick du vill ha och vilka vi har skickat till dig. Om ett utskick kom fram, studsade eller anmäldes som skräppost får vi veta, men våra utskick spårar inte om du öppnar dem eller klickar på länkarna i dem. Vi sparar inga andra uppgifter om dig.",
    en: "For each we keep only what is needed: name, email address, phone number, job title, language, which organisation and role you have (with dates), where we got the data, which mailings you want and which we have sent to you. We learn whether a mailing arrived, bounced or was reported as spam, but our mailings do not track whether you open them or click their links. We keep nothing else about you.",
  },
  sourcesHeading: { sv: "Varifrån uppgifterna kommer", en: "Where the data comes from" },
  purposesHeading: { sv: "Ändamål och rättslig grund", en: "Purposes and legal bases" },
  purposesText: {
    sv: "Vi använder uppgifterna bara för de här ändamålen. Den rättsliga grunden beror på vilken grupp du tillhör. Där grunden är berättigat intresse har vi vägt vårt intresse mot ditt; du kan alltid invända, och mot direktmarknadsföring gäller din invändning alltid.",
    en: "We use the data only for these purposes. The legal basis depends on which group you belong to. Where the basis is legitimate interest, we have weighed our interest against yours; you can always object, and an objection to direct marketing always applies.",
  },
  purposeColumn: { sv: "Ändamål", en: "Purpose" },
  basisColumn: { sv: "Rättslig grund, per grupp", en: "Legal basis, by group" },
  retentionHeading: { sv: "Hur länge vi sparar uppgifterna", en: "How long we keep the data" },
  retentionText: {
    sv: "Hur länge uppgifterna sparas beror på vilken grupp du tillhör. De raderas senast:",
    en: "How long the data is kept depends on which group you belong to. It is deleted at the latest:",
  },
  retentionAfter: {
    sv: "Raderingen sker automatiskt. På din sida ser du det datum då dina uppgifter senast raderas. Du kan när som helst be om att bli raderad tidigare.",
    en: "Deletion is automatic. Your page shows the date by which your data will be deleted at the latest. You can ask to be erased earlier at any time.",
  },
  balancingLabel: { sv: "Intresseavvägning", en: "Balancing of interests" },
  recipientsHeading: { sv: "Vem som får del av uppgifterna", en: "Who receives the data" },
  recipientsNone: {
    sv: "Vi säljer inte uppgifterna och lämnar inte ut dem till någon annan, utom när lagen kräver det.",
    en: "We do not sell the data and do not disclose it to anyone else, except where the law requires it.",
  },
  recipientRole: {
    processor: { sv: "personuppgiftsbiträde", en: "processor" },
    controller: { sv: "självständigt personuppgiftsansvarig", en: "independent controller" },
    recipient: { sv: "mottagare", en: "recipient" },
  },
  transferLabel: { sv: "Överföring utanför EU/EES", en: "Transfer outside the EU/EEA" },
  rightsHeading: { sv: "Dina rättigheter", en: "Your rights" },
  rights: {
    sv: [
      "Tillgång (art. 15): se allt vi har sparat om dig och få en kopia.",
      "Rättelse (art. 16): rätta uppgifter som är fel. En ny e-postadress gäller först när du bekräftat den.",
      "Radering (art. 17): bli raderad för gott.",
      "Begränsning (art. 18): be oss att inte använda uppgifterna medan vi utreder om de stämmer.",
      "Dataportabilitet (art. 20): ladda ned dina uppgifter i ett maskinläsbart format (JSON eller CSV).",
      "Invändning (art. 21): tacka nej till utskick, helt eller per ämne. Mot direktmarknadsföring gäller invändningen alltid.",
    ],
    en: [
      "Access (Art. 15): see everything we keep about you and get a copy.",
      "Rectification (Art. 16): correct data that is wrong. A new email address applies only after you have confirmed it.",
      "Erasure (Art. 17): be erased for good.",
      "Restriction (Art. 18): ask us not to use the data while we check whether it is correct.",
      "Data portability (Art. 20): download your data in a machine-readable format (JSON or CSV).",
      "Objection (Art. 21): opt out of mailings, entirely or per topic. An objection to direct marketing always applies.",
    ],
  },
  rightsHow: {
    sv: `Det mesta gör du själv via länken längst ned i varje mejl från oss. Länken gäller i ${footerLinkDays} dagar och räcker för att välja utskick. För att se, rätta, ladda ned eller radera dina uppgifter skickar vi dessutom en säker engångslänk till din adress, som gäller i ${stepUpMinutes} minuter. Du kan också skriva till oss; vi svarar inom en månad, utan kostnad.`,
    en: `You can do most of it yourself through the link at the bottom of every email from us. The link is valid for ${footerLinkDays} days and is enough to choose your mailings. To see, correct, download or erase your data we also send a secure single-use link to your address, valid for ${stepUpMinutes} minutes. You can also write to us; we answer within one month, free of charge.`,
  },
  erasureHeading: { sv: "Efter att du raderats", en: "After you are erased" },
  erasure: {
    sv: "När du raderas tar vi bort alla dina personuppgifter på en gång. Vi sparar bara en kod som räknats fram ur din e-postadress med en hemlig nyckel (en så kallad nyckelad hash), datumet och vad spärren gäller. Koden går inte att räkna tillbaka till adressen, men den gör att vi känner igen adressen om någon försöker lägga till den igen, så att du inte får utskick av misstag.",
    en: "When you are erased we delete all your personal data at once. We keep only a code computed from your email address with a secret key (a keyed hash), the date and what the block covers. The code cannot be turned back into the address, but it lets us recognise the address if someone tries to add it again, so that you are not mailed by mistake.",
  },
  cookiesHeading: { sv: "Kakor (cookies)", en: "Cookies" },
  cookieName: { sv: "Namn", en: "Name" },
  cookieParty: { sv: "Vem", en: "Who" },
  cookiePurpose: { sv: "Syfte", en: "Purpose" },
  cookieLifetime: { sv: "Livslängd", en: "Lifetime" },
  cookieKind: {
    necessary: { sv: "Nödvändig", en: "Necessary" },
    analytics: { sv: "Analys, bara efter ja", en: "Analytics, only after yes" },
  },
  contactHeading: { sv: "Kontakt", en: "Contact" },
  controllerLabel: { sv: "Personuppgiftsansvarig", en: "Controller" },
  orgNumberLabel: { sv: "Organisationsnummer", en: "Organisation number" },
  supportLabel: { sv: "Övriga frågor", en: "Other questions" },
} satisfies Record<string, unknown>;

type Lang = PolicyLanguage;
/** A text of the policy file in `lang`, or in the file's first language. */
const pick = (policy: Pick<Policy, "languages">, text: Partial<Text>, lang: Lang) =>
  text[lang] ?? text[policy.languages[0]!] ?? "";

export function introText(policy: Policy, lang: Lang): string {
  const c = policy.controller.name;
  return {
    sv: `Här beskriver ${c} vilka personuppgifter vi har om kontaktpersoner, varför, hur länge och vilka rättigheter du har. ${c} är personuppgiftsansvarig.`,
    en: `This is how ${c} handles personal data about contact people: what we keep, why, for how long, and your rights. ${c} is the controller.`,
  }[lang];
}

const CLOCK: Record<(typeof RETENTION_CLOCKS)[number], (years: number) => Text> = {
  relationshipEnded: (n) => ({
    sv: `${n} år efter att affärsrelationen med din organisation upphörde.`,
    en: `${n} ${n === 1 ? "year" : "years"} after the business relationship with your organisation ended.`,
  }),
  roleEnded: (n) => ({
    sv: `${n} år efter att din roll hos organisationen upphörde.`,
    en: `${n} ${n === 1 ? "year" : "years"} after your role at the organisation ended.`,
  }),
  lastContact: (n) => ({
    sv: `${n} år efter vår senaste kontakt.`,
    en: `${n} ${n === 1 ? "year" : "years"} after we were last in contact.`,
  }),
};

/** One category's retention rule as a sentence: "10 years after …", then what counts as activity when it says. */
export function retentionRuleText(
  policy: Policy,
  rule: NonNullable<Policy["categories"][keyof Policy["categories"]]>["retention"],
  lang: Lang,
): string {
  const sentence = CLOCK[rule.clock](rule.years)[lang];
  if (!rule.activity) return sentence;
  return `${sentence} ${lang === "sv" ? "Som kontakt räknas:" : "What counts as contact:"} ${pick(policy, rule.activity, lang)}`;
}

/** "Resend (processor), United States: …" with the country named in the page's language. */
export function recipientText(policy: Policy, recipient: Policy["recipients"][number], lang: Lang) {
  const country = new Intl.DisplayNames([lang], { type: "region" }).of(recipient.country) ?? recipient.country;
  return {
    heading: `${recipient.name} (${POLICY_TEXT.recipientRole[recipient.role][lang]}), ${country}`,
    what: pick(policy, recipient.what, lang),
    transfer: recipient.transferBasis ? pick(policy, recipient.transferBasis, lang) : null,
  };
}

export function complaintText(policy: Policy, lang: Lang): string {
  const authority = pick(policy, policy.supervisoryAuthority.name, lang);
  return {
    sv: `Tycker du att vi behandlar dina uppgifter fel kan du klaga hos ${authority}.`,
    en: `If you think we handle your data wrongly, you can complain to ${authority}.`,
  }[lang];
}

/** The cookie section's prose: what is always set, what only after yes (when the policy has analytics), how long. */
export function cookiesText(policy: Policy, lang: Lang): string {
  const days = policy.consent.lifetimeDays;
  const product = policy.analytics?.product;
  if (!product)
    return {
      sv: "Vi sätter bara kakor som behövs för att webbplatsen ska fungera. Vi använder ingen webbanalys och inga kakor för marknadsföring, och därför frågar vi inte om samtycke.",
      en: "We set only the cookies the website needs in order to work. We use no web analytics and no marketing cookies, so we do not ask for consent.",
    }[lang];
  return {
    sv: `Kakor som behövs för att webbplatsen ska fungera sätts alltid. Analyskakor från ${product} sätts bara om du tackar ja, och tas bort om du ändrar dig. Ditt svar, vilken version av frågan du svarade på och när, sparas bara i en kaka på din enhet, i högst ${days} dagar; sedan frågar vi igen. Vi sparar ingenting om ditt val på vår server. Du ändrar dig när som helst med kakknappen längst ned till vänster på varje sida.`,
    en: `Cookies the website needs in order to work are always set. Analytics cookies from ${product} are set only if you accept, and are removed if you change your mind. Your answer, which version of the question you answered and when, is kept only in a cookie on your device, for at most ${days} days; then we ask again. We store nothing about your choice on our server. You can change your mind at any time with the cookie button in the bottom-left corner of every page.`,
  }[lang];
}

export function contactText(policy: Policy, lang: Lang): string {
  const lead = pick(policy, policy.controller.dataProtectionLead, lang);
  return {
    sv: `Frågor om hur vi behandlar personuppgifter besvaras av ${lead.charAt(0).toLowerCase()}${lead.slice(1)}. Skriv till`,
    en: `Questions about how we handle personal data are answered by ${lead.charAt(0).toLowerCase()}${lead.slice(1)}. Write to`,
  }[lang];
}
