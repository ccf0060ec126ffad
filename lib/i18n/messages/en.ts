// English. Typed by the Swedish dictionary, so a missing or extra key fails the type check.
import { COMPANY_NAME, PRODUCT_NAME } from "@/lib/brand";
import type { Messages } from "./sv";

export const en: Messages = {
  layout: {
    siteTitle: `${COMPANY_NAME} – contact preferences`,
    tagline: `for ${COMPANY_NAME}`,
    skipLink: "Skip to content",
    languageNav: "Choose language",
    footer: `${COMPANY_NAME} uses ${PRODUCT_NAME}, free and open-source software for contact preferences.`,
  },
  home: {
    title: `Your details at ${COMPANY_NAME}`,
    description: `See what ${COMPANY_NAME} stores about you and why, correct it, choose which mailings you get, or be erased.`,
    heading: `Your details at ${COMPANY_NAME}`,
    lead: `${COMPANY_NAME} sends email to contact people at customers, partners and suppliers, and to people we have met in business. Here you can see what we store about you and why, correct what is wrong, choose which mailings you want – or ask us to erase you.`,
    cta: "Manage my preferences",
    whatHeading: "What you can do here",
    seeTitle: "See what we store",
    seeText: "Your contact details, why we have them, where we got them and the latest date they will be deleted.",
    correctTitle: "Correct your details",
    correctText: "If something is wrong or out of date, such as your role, you can correct it yourself.",
    chooseTitle: "Choose your mailings",
    chooseText:
      "Decide which kinds of mailings you want, or say no to all of them. Changing your mind is just as easy.",
    eraseTitle: "Be erased",
    eraseText:
      "Ask us to erase your details for good. We then keep only a code that cannot be turned back into your email address, so that you are not added again by mistake.",
    howHeading: "How to find your page",
    howText: `At the bottom of every email from ${COMPANY_NAME} there is a personal link to your page. You need no account and no password.`,
  },
  preferences: {
    title: "Manage your preferences",
    heading: "Manage your preferences",
    intro: `You reach your personal page through the link at the bottom of every email from ${COMPANY_NAME}. There you see your details and choose your mailings, with no account and no password.`,
    keepPrivate: "The link is personal, so do not share it with others.",
    back: "Back to the home page",
  },
  notFound: {
    title: "Page not found",
    heading: "We can't find that page",
    text: "The address may be mistyped, or the page no longer exists. Did you follow a link in an email from us? Check that the whole link was included.",
    back: "Go to the home page",
  },
  error: {
    heading: "Something went wrong",
    text: "An unexpected error happened on our side, not yours. Please try again, or come back in a little while.",
    retry: "Try again",
    back: "Go to the home page",
    reference: "Reference for troubleshooting:",
  },
};
