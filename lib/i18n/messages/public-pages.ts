// Messages of the public pages (send me a link, cookie banner, privacy policy page), sv first; en is typed by sv so a
// missing key fails the typecheck. The privacy policy's prose lives in lib/policy/privacy-policy-text.ts.
import { COMPANY_NAME } from "@/lib/brand";

export const sv = {
  sendLink: {
    heading: "Få en ny länk",
    text: "Skriv din e-postadress, så skickar vi en personlig länk till din sida om adressen finns i vårt register.",
    emailLabel: "Din e-postadress",
    emailHint: "Till exempel namn@foretag.se",
    submit: "Skicka länken",
    sending: "Skickar …",
    accepted: (days: number) =>
      `Om adressen finns i vårt register har vi nu skickat en länk till den. Länken gäller i ${days} dagar. Hittar du inget mejl inom några minuter, titta i skräpposten.`,
    limited: "Du har försökt många gånger på kort tid. Vänta en stund och försök sedan igen.",
    failed: "Något gick fel hos oss. Försök igen om en stund.",
    errors: {
      email_required: "Skriv din e-postadress.",
      email_too_long: "Adressen är för lång.",
      email_invalid: "Det ser inte ut som en e-postadress. Kontrollera att den är hel, till exempel namn@foretag.se.",
    },
  },
  cookies: {
    regionLabel: "Kakor (cookies)",
    heading: "Får vi använda analyskakor?",
    text: `Vi vill använda Piwik PRO, en tjänst för webbanalys, för att räkna besök och se vilka sidor som används, så att vi kan göra webbplatsen bättre. Då sätts kakor som lever i upp till 13 månader, och Piwik PRO behandlar uppgifterna åt ${COMPANY_NAME}. Vi använder det bara om du tackar ja.`,
    necessary:
      "Kakor som behövs för att sidan ska fungera (ditt språkval, ditt svar här och inloggningen efter en säker länk) sätts alltid.",
    remember:
      "Vi sparar ditt svar i en kaka i högst 365 dagar. Du kan ändra dig när som helst med kakknappen längst ned till vänster.",
    accept: "Tacka ja till analys",
    decline: "Tacka nej till analys",
    more: "Läs mer om kakor",
    reopen: "Inställningar för kakor",
    savedAccepted: "Du har tackat ja till analyskakor. Du kan ändra dig med kakknappen längst ned till vänster.",
    savedDeclined: "Du har tackat nej till analyskakor. Du kan ändra dig med kakknappen längst ned till vänster.",
    current: { accepted: "Just nu: du har tackat ja.", declined: "Just nu: du har tackat nej." },
  },
  privacy: {
    title: "Integritetspolicy",
    footerLink: "Integritetspolicy",
  },
};

export const en: typeof sv = {
  sendLink: {
    heading: "Get a new link",
    text: "Type your email address, and we will send a personal link to your page if the address is in our register.",
    emailLabel: "Your email address",
    emailHint: "For example name@company.com",
    submit: "Send the link",
    sending: "Sending …",
    accepted: (days: number) =>
      `If the address is in our register, we have sent a link to it. The link is valid for ${days} days. If no email arrives within a few minutes, check your spam folder.`,
    limited: "You have tried many times in a short while. Please wait a moment and try again.",
    failed: "Something went wrong on our side. Please try again in a moment.",
    errors: {
      email_required: "Type your email address.",
      email_too_long: "The address is too long.",
      email_invalid:
        "That does not look like an email address. Check that it is complete, for example name@company.com.",
    },
  },
  cookies: {
    regionLabel: "Cookies",
    heading: "May we use analytics cookies?",
    text: `We would like to use Piwik PRO, a web analytics service, to count visits and see which pages are used, so that we can improve the site. It sets cookies that last up to 13 months, and Piwik PRO processes the data on behalf of ${COMPANY_NAME}. We only use it if you accept.`,
    necessary:
      "Cookies the site needs to work (your language choice, your answer here and the sign-in after a secure link) are always set.",
    remember:
      "We keep your answer in a cookie for at most 365 days. You can change your mind at any time with the cookie button in the bottom-left corner.",
    accept: "Accept analytics",
    decline: "Decline analytics",
    more: "Read more about cookies",
    reopen: "Cookie settings",
    savedAccepted:
      "You have accepted analytics cookies. You can change your mind with the cookie button in the bottom-left corner.",
    savedDeclined:
      "You have declined analytics cookies. You can change your mind with the cookie button in the bottom-left corner.",
    current: { accepted: "Currently: you have accepted.", declined: "Currently: you have declined." },
  },
  privacy: {
    title: "Privacy policy",
    footerLink: "Privacy policy",
  },
};
