// The purposes the privacy policy (integritetspolicy 2024-03-25) names, with their legal bases. The one source for
// what the software enforces and what the recipient's page and the privacy policy page say: no text may drift. Each
// purpose's name and description are in the message catalogue (enums.purpose in lib/i18n/messages/<lang>/enums.json).
import type { ContactCategory, LegalBasis, Purpose } from "@/lib/generated/prisma/enums";
import { getPolicy } from "./current-policy";
import type { Policy } from "./file/load-policy-file";

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

/**
 * The years the privacy page's prose states. The deletion date itself follows the policy file's rule per category
 * (lib/retention/compute-deletion-date.ts); the prose moves to the policy file next (issue 14).
 */
export const RETENTION_YEARS = 10;

/**
 * The legal bases recorded for a new contact of the category: the deployment's policy file's purposes that name a basis
 * for it (lib/policy/file), not the list above, which only keeps the purposes' order for the pages not yet reading the
 * policy file.
 */
export function defaultLegalBases(
  category: ContactCategory,
  policy: Pick<Policy, "purposes"> = getPolicy(),
): { purpose: Purpose; basis: LegalBasis }[] {
  return (Object.entries(policy.purposes) as [Purpose, NonNullable<Policy["purposes"][Purpose]>][]).flatMap(
    ([purpose, p]) => {
      const basis = p.bases[category];
      return basis ? [{ purpose, basis }] : [];
    },
  );
}
