// The registration notice's per-recipient values: the person's category, the purposes their data is used for (those
// with a recorded legal basis, by the policy's names) and the date by which it is deleted at the latest, from
// computeDeletionDate over the policy file's rules: the same date the person's own page and the retention job use.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Policy } from "@/lib/policy/file/load-policy-file";
import { categoryName, purposeName } from "@/lib/policy/policy-labels";
import { translatorFor } from "@/lib/i18n/translator";
import { computeDeletionDate } from "@/lib/retention/compute-deletion-date";
import type { MailingLanguage, RecipientValues } from "@/lib/mailings/render-mailing";

export type RegistrationValues = Required<Pick<RecipientValues, "category" | "purposes" | "deleteBy">>;

const LOCALE = { sv: "sv-SE", en: "en-GB" } as const;

/** One query for a batch (≤ 100 contacts), values in each recipient's mail language. */
export async function registrationNoticeValues(opts: {
  db: DbOrTx;
  policy: Pick<Policy, "categories" | "purposes" | "languages">;
  recipients: { contactId: string; language: MailingLanguage }[];
}): Promise<Map<string, RegistrationValues>> {
  const contacts = await opts.db.contact.findMany({
    where: { id: { in: opts.recipients.map((r) => r.contactId) } },
    select: {
      id: true,
      category: true,
      sourceDate: true,
      lastActivityAt: true,
      createdAt: true,
      roles: { select: { endsOn: true, organisation: { select: { relationship: true, relationshipEnd: true } } } },
      legalBases: { select: { purpose: true }, orderBy: { purpose: "asc" } },
    },
  });
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const out = new Map<string, RegistrationValues>();
  for (const r of opts.recipients) {
    const c = byId.get(r.contactId);
    if (!c) continue;
    const t = translatorFor(r.language);
    const retention = computeDeletionDate(c, opts.policy.categories);
    const deleteBy =
      retention.kind === "date"
        ? new Intl.DateTimeFormat(LOCALE[r.language], { dateStyle: "long", timeZone: "UTC" }).format(retention.deleteBy)
        : t("emails.registrationNotice.ongoing", { years: retention.years });
    const purposes = c.legalBases.map((b) => purposeName(opts.policy, b.purpose, r.language));
    out.set(r.contactId, {
      category: categoryName(opts.policy, c.category, r.language),
      purposes: purposes.length > 0 ? purposes.join(", ") : t("emails.registrationNotice.noPurposes"),
      deleteBy,
    });
  }
  return out;
}
