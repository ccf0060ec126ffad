// The purposes the privacy policy (integritetspolicy 2024-03-25) names, with their legal bases. The one source for
// what the software enforces and what the recipient's page and the privacy policy page say: no text may drift. Each
// purpose's name and description are in the message catalogue (enums.purpose in lib/i18n/messages/<lang>/enums.json).
import type { ContactCategory, LegalBasis, Purpose } from "@/lib/generated/prisma/enums";

export type PurposeDefinition = {
  key: Purpose;
  /** The legal basis recorded for a new contact of each category that the purpose applies to. */
  defaultBasis: Partial<Record<ContactCategory, LegalBasis>>;
};

export const PURPOSES: readonly PurposeDefinition[] = [
  {
    key: "CUSTOMER_SERVICE",
    defaultBasis: { CUSTOMER_CONTACT: "LEGITIMATE_INTEREST", PARTNER_CONTACT: "LEGITIMATE_INTEREST" },
  },
  {
    key: "SERVICE_NOTICES",
    defaultBasis: { CUSTOMER_CONTACT: "LEGITIMATE_INTEREST" },
  },
  {
    key: "MARKETING_MAILINGS",
    defaultBasis: {
      CUSTOMER_CONTACT: "LEGITIMATE_INTEREST",
      PARTNER_CONTACT: "LEGITIMATE_INTEREST",
      PROSPECT: "LEGITIMATE_INTEREST",
    },
  },
  {
    key: "SEGMENTATION_ANALYSIS",
    defaultBasis: { CUSTOMER_CONTACT: "LEGITIMATE_INTEREST", PROSPECT: "LEGITIMATE_INTEREST" },
  },
  {
    key: "PROSPECTING",
    defaultBasis: { PROSPECT: "LEGITIMATE_INTEREST" },
  },
  {
    key: "SUPPLIER_ADMINISTRATION",
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
