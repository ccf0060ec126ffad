// The legal bases a new contact gets: the deployment's policy file's purposes that name a basis for the contact's
// category (lib/policy/file). The file is the one source for what the software records and what the privacy page and
// the person's page say, so no text or rule can drift.
import type { ContactCategory, LegalBasis, Purpose } from "@/lib/generated/prisma/enums";
import { getPolicy } from "./current-policy";
import type { Policy } from "./file/load-policy-file";
import { policyPurposes } from "./policy-labels";

/** The legal bases recorded for a new contact of the category, in the app's fixed purpose order. */
export function defaultLegalBases(
  category: ContactCategory,
  policy: Pick<Policy, "purposes"> = getPolicy(),
): { purpose: Purpose; basis: LegalBasis }[] {
  return policyPurposes(policy).flatMap((purpose) => {
    const basis = policy.purposes[purpose]!.bases[category];
    return basis ? [{ purpose, basis }] : [];
  });
}
