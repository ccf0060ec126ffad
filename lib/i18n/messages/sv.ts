// Swedish, the default language. Its shape is the Messages type: en.ts must have exactly the same keys.
import { COMPANY_NAME, PRODUCT_NAME } from "@/lib/brand";

export const sv = {
  layout: {
    siteTitle: `${COMPANY_NAME} – kontaktinställningar`,
    tagline: `för ${COMPANY_NAME}`,
    skipLink: "Hoppa till innehållet",
    languageNav: "Välj språk",
    footer: `${COMPANY_NAME} använder ${PRODUCT_NAME}, fri programvara med öppen källkod för kontaktinställningar.`,
  },
  home: {
    title: `Dina uppgifter hos ${COMPANY_NAME}`,
    description: `Se vad ${COMPANY_NAME} har sparat om dig och varför, rätta det, välj vilka utskick du får eller bli raderad.`,
    heading: `Dina uppgifter hos ${COMPANY_NAME}`,
    lead: `${COMPANY_NAME} skickar e-post till kontaktpersoner hos kunder, partner och leverantörer, och till personer vi har träffat i affärssammanhang. Här ser du vad vi har sparat om dig och varför, rättar det som är fel, väljer vilka utskick du vill få – eller ber oss radera dig.`,
    cta: "Hantera mina inställningar",
    whatHeading: "Det här kan du göra",
    seeTitle: "Se vad vi har sparat",
    seeText: "Dina kontaktuppgifter, varför vi har dem, var vi fick dem ifrån och när de senast ska raderas.",
    correctTitle: "Rätta dina uppgifter",
    correctText: "Är något fel eller inaktuellt, till exempel din roll, kan du rätta det själv.",
    chooseTitle: "Välj dina utskick",
    chooseText: "Bestäm vilka sorters utskick du vill få, eller tacka nej till alla. Det går lika lätt att ändra sig.",
    eraseTitle: "Bli raderad",
    eraseText:
      "Be oss radera dina uppgifter för gott. Vi sparar då bara en kod som inte går att räkna tillbaka till din e-postadress, så att du inte läggs till igen av misstag.",
    howHeading: "Så hittar du din sida",
    howText: `Längst ned i varje e-postmeddelande från ${COMPANY_NAME} finns en personlig länk till din sida. Du behöver inget konto och inget lösenord.`,
  },
  preferences: {
    title: "Hantera dina inställningar",
    heading: "Hantera dina inställningar",
    intro: `Du når din personliga sida via länken längst ned i varje e-postmeddelande från ${COMPANY_NAME}. Där ser du dina uppgifter och väljer dina utskick, utan konto och utan lösenord.`,
    keepPrivate: "Länken är personlig, så dela den inte med andra.",
    back: "Tillbaka till startsidan",
  },
  notFound: {
    title: "Sidan finns inte",
    heading: "Vi hittar inte sidan",
    text: "Adressen kan vara felstavad, eller så finns sidan inte längre. Kom du hit via en länk i ett mejl från oss? Kontrollera att hela länken kom med.",
    back: "Till startsidan",
  },
  error: {
    heading: "Något gick fel",
    text: "Ett oväntat fel uppstod hos oss, inte hos dig. Försök igen, eller kom tillbaka om en stund.",
    retry: "Försök igen",
    back: "Till startsidan",
    reference: "Referens för felsökning:",
  },
};

export type Messages = typeof sv;
