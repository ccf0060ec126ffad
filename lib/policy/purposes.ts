// The purposes the privacy policy (integritetspolicy 2024-03-25) names, with their legal bases. The one source for
// what the software enforces and what the recipient's page and the privacy policy page say: no text may drift.
import type { ContactCategory, LegalBasis, Purpose } from "@/lib/generated/prisma/enums";

type Text = { sv: string; en: string };

export type PurposeDefinition = {
  key: Purpose;
  name: Text;
  description: Text;
  /** The legal basis recorded for a new contact of each category that the purpose applies to. */
  defaultBasis: Partial<Record<ContactCategory, LegalBasis>>;
};

export const PURPOSES: readonly PurposeDefinition[] = [
  {
    key: "CUSTOMER_SERVICE",
    name: { sv: "Kundvård och kundkontakter", en: "Customer care and customer contacts" },
    description: {
      sv: "Att kunna nå dig som kontaktperson för din organisation och ge en så bra och ändamålsenlig service som möjligt.",
      en: "To reach you as a contact person for your organisation and give the best and most appropriate service.",
    },
    defaultBasis: { CUSTOMER_CONTACT: "LEGITIMATE_INTEREST", PARTNER_CONTACT: "LEGITIMATE_INTEREST" },
  },
  {
    key: "SERVICE_NOTICES",
    name: { sv: "Driftinformation och servicemeddelanden", en: "Service notices" },
    description: {
      sv: "Meddelanden om drift, underhåll och säkerhet i tjänster som din organisation använder.",
      en: "Notices about operations, maintenance and security of services your organisation uses.",
    },
    defaultBasis: { CUSTOMER_CONTACT: "LEGITIMATE_INTEREST" },
  },
  {
    key: "MARKETING_MAILINGS",
    name: { sv: "Mailutskick", en: "Mailings" },
    description: {
      sv: "Nyhetsbrev, produktnyheter och inbjudningar. Du kan när som helst tacka nej, helt eller per ämne.",
      en: "Newsletters, product news and invitations. You can opt out at any time, entirely or per topic.",
    },
    defaultBasis: {
      CUSTOMER_CONTACT: "LEGITIMATE_INTEREST",
      PARTNER_CONTACT: "LEGITIMATE_INTEREST",
      PROSPECT: "LEGITIMATE_INTEREST",
    },
  },
  {
    key: "SEGMENTATION_ANALYSIS",
    name: { sv: "Urval och enklare kundvårdsanalyser", en: "Selections and simple customer-care analyses" },
    description: {
      sv: "Att välja ut vilka som får vilka utskick, utifrån roll, organisation och språk.",
      en: "To choose who receives which mailing, based on role, organisation and language.",
    },
    defaultBasis: { CUSTOMER_CONTACT: "LEGITIMATE_INTEREST", PROSPECT: "LEGITIMATE_INTEREST" },
  },
  {
    key: "PROSPECTING",
    name: { sv: "Kontakt med potentiella kunder", en: "Contact with prospective customers" },
    description: {
      sv: "Att hålla kontakten efter säljmöten, mässor och konferenser; säljcyklerna i vår bransch kan vara långa.",
      en: "To keep in touch after sales meetings, fairs and conferences; sales cycles in our industry can be long.",
    },
    defaultBasis: { PROSPECT: "LEGITIMATE_INTEREST" },
  },
  {
    key: "SUPPLIER_ADMINISTRATION",
    name: { sv: "Affärsrelationer med partner och leverantörer", en: "Partner and supplier relationships" },
    description: {
      sv: "Att betala fakturor, skatter och avgifter och kontakta rätt representanter.",
      en: "To pay invoices, taxes and fees and to contact the right representatives.",
    },
    defaultBasis: { PARTNER_CONTACT: "LEGITIMATE_INTEREST", SUPPLIER_CONTACT: "LEGITIMATE_INTEREST" },
  },
];

/** Personal data is deleted at the latest this many years after the relationship ended (all categories). */
export const RETENTION_YEARS = 10;

export function defaultLegalBases(category: ContactCategory): { purpose: Purpose; basis: LegalBasis }[] {
  return PURPOSES.flatMap((p) => {
    const basis = p.defaultBasis[category];
    return basis ? [{ purpose: p.key, basis }] : [];
  });
}
