// The record of processing activities (Art. 30 GDPR) of this deployment, built from its policy file: the purposes,
// the legal basis per category, the balancing tests, the retention rules and the recipients are the file's, the same
// definitions the register enforces (new contacts' bases, deletion dates, the privacy page), so the record cannot
// drift from what the software does. What the file does not say (which personal data Tillit keeps, its security
// measures) is Tillit's own and fixed here and in the catalogue (accountability.records). Pure: the same policy,
// language and time give the same record; the page, the JSON and the CSV are three views of it.
import type { ContactCategory, LegalBasis, Purpose } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/translator";
import type { Policy } from "@/lib/policy/file/load-policy-file";
import { EEA } from "@/lib/policy/file/policy-file-schema";
import { categoryName, inPolicyLanguage, policyCategories, policyPurposes } from "@/lib/policy/policy-labels";
import { LEGAL_BASIS_NAMES, POLICY_TEXT, retentionRuleText } from "@/lib/policy/privacy-policy-text";

/** What Tillit keeps about a contact, grouped as an Art. 30 record lists it (labels: accountability.records.dataCategory). */
export const DATA_CATEGORIES = [
  "identity",
  "workContact",
  "phone",
  "organisationRole",
  "language",
  "category",
  "source",
  "subscriptions",
  "deliveries",
  "notes",
  "history",
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Kept for every purpose: who the person is, how to reach them at work, where they sit, and where we got it from. */
const BASE: DataCategory[] = ["identity", "workContact", "organisationRole", "language", "category", "source"];

// Per purpose, the personal data it uses. Phone numbers and staff notes are for the purposes where staff deal with the
// person themselves (customer care, prospects, partners and suppliers); the mailing purposes use subscriptions and
// deliveries and never phone or notes, which is also why marketing staff never receive those fields
// (lib/auth/permissions.ts, redactContact). The audit history is kept whatever the purpose: every read and change is
// recorded (accountability, Art. 5(2)).
const DATA_BY_PURPOSE: Record<Purpose, DataCategory[]> = {
  CUSTOMER_SERVICE: [...BASE, "phone", "notes", "history"],
  SERVICE_NOTICES: [...BASE, "subscriptions", "deliveries", "history"],
  MARKETING_MAILINGS: [...BASE, "subscriptions", "deliveries", "history"],
  // Selections read role, organisation, language, category and subscriptions; they send nothing themselves.
  SEGMENTATION_ANALYSIS: [...BASE, "subscriptions", "history"],
  PROSPECTING: [...BASE, "phone", "notes", "history"],
  SUPPLIER_ADMINISTRATION: [...BASE, "phone", "notes", "history"],
};

/** The software's own measures (Art. 32), each checked against the code and SECURITY.md; in the catalogue. */
export const SECURITY_MEASURES = [
  "transit",
  "staffAccess",
  "staffSignIn",
  "links",
  "suppression",
  "audit",
  "erasure",
  "retention",
  "sendCheck",
  "pages",
  "logs",
  "rateLimits",
] as const;

export type RecordRecipient = {
  name: string;
  role: Policy["recipients"][number]["role"];
  roleName: string;
  what: string;
  /** ISO 3166 alpha-2, as in the policy file. */
  country: string;
  countryName: string;
  insideEea: boolean;
  /** The transfer basis the file names; for a recipient outside the EEA the file must name one. */
  transferBasis: string | null;
};

export type RecordCategoryRow = {
  category: ContactCategory;
  categoryName: string;
  basis: LegalBasis;
  basisName: string;
  /** The category's retention rule in words (the privacy page's sentence). */
  retention: string;
};

export type ProcessingActivity = {
  purpose: Purpose;
  name: string;
  description: string;
  /** The policy's categories for which the purpose has a basis, in the app's category order. */
  categories: RecordCategoryRow[];
  /** The documented balancing test; the schema requires one wherever a basis is legitimate interest. */
  balancingTest: string | null;
  dataCategories: { key: DataCategory; name: string }[];
  recipients: RecordRecipient[];
  transfers: RecordRecipient[];
};

export type ProcessingRecord = {
  language: Language;
  generatedAt: string;
  policy: { hash: string; effective: string; note: string };
  controller: {
    name: string;
    orgNumber: string | null;
    address: string | null;
    privacyContact: string;
    dataProtectionContact: string;
    supervisoryAuthority: { name: string; url: string };
  };
  activities: ProcessingActivity[];
  /** Web analytics of the public pages, a processing of visitors rather than of the register; null without analytics. */
  analytics: {
    product: string;
    name: string;
    category: string;
    basis: LegalBasis;
    basisName: string;
    dataCategories: string[];
    retention: string;
    text: string;
    recipients: RecordRecipient[];
    transfers: RecordRecipient[];
  } | null;
  /** Every recipient the policy file names. */
  recipients: RecordRecipient[];
  securityMeasures: { key: (typeof SECURITY_MEASURES)[number]; text: string }[];
};

export function buildProcessingRecord(opts: { policy: Policy; lang: Language; now?: Date }): ProcessingRecord {
  const { policy, lang } = opts;
  const t = translatorFor(lang);
  const text = (value: Partial<Record<Language, string>>) => inPolicyLanguage(policy, value, lang);
  const countries = new Intl.DisplayNames([lang], { type: "region" });
  const basisName = (basis: LegalBasis) => LEGAL_BASIS_NAMES[basis][lang];

  const recipients: RecordRecipient[] = policy.recipients.map((r) => ({
    name: r.name,
    role: r.role,
    roleName: POLICY_TEXT.recipientRole[r.role][lang],
    what: text(r.what),
    country: r.country,
    countryName: countries.of(r.country) ?? r.country,
    insideEea: EEA.has(r.country),
    transferBasis: r.transferBasis ? text(r.transferBasis) : null,
  }));
  // The analytics product sees visits to the public pages, never the register: it is a recipient of the analytics
  // processing only, and only when the policy has analytics at all.
  const product = policy.analytics?.product ?? null;
  const isAnalytics = (r: RecordRecipient) => product !== null && r.name === product;
  const registerRecipients = recipients.filter((r) => !isAnalytics(r));
  const outsideEea = (list: RecordRecipient[]) => list.filter((r) => !r.insideEea);

  const activities = policyPurposes(policy).map((purpose): ProcessingActivity => {
    const defined = policy.purposes[purpose]!;
    const categories = policyCategories(policy).flatMap((category): RecordCategoryRow[] => {
      const basis = defined.bases[category];
      if (!basis) return [];
      return [
        {
          category,
          categoryName: categoryName(policy, category, lang),
          basis,
          basisName: basisName(basis),
          retention: retentionRuleText(policy, policy.categories[category]!.retention, lang),
        },
      ];
    });
    return {
      purpose,
      name: text(defined.name),
      description: text(defined.description),
      categories,
      balancingTest: defined.balancing ? text(defined.balancing) : null,
      dataCategories: DATA_BY_PURPOSE[purpose].map((key) => ({
        key,
        name: t(`accountability.records.dataCategory.${key}`),
      })),
      recipients: registerRecipients,
      transfers: outsideEea(registerRecipients),
    };
  });

  const analyticsRecipients = recipients.filter(isAnalytics);
  const analyticsCookies = policy.cookies.filter((c) => c.kind === "analytics");
  const analytics =
    product === null
      ? null
      : {
          product,
          name: t("accountability.records.analyticsPurpose"),
          category: t("accountability.records.analyticsCategory"),
          basis: "CONSENT" as const,
          basisName: basisName("CONSENT"),
          dataCategories: [t("accountability.records.analyticsData")],
          retention: t("accountability.records.analyticsRetention", {
            lifetimes: analyticsCookies.map((c) => `${c.name} ${text(c.lifetime)}`).join(", "),
          }),
          text: t("accountability.records.analyticsText", { product, days: policy.consent.lifetimeDays }),
          recipients: analyticsRecipients,
          transfers: outsideEea(analyticsRecipients),
        };

  const c = policy.controller;
  return {
    language: lang,
    generatedAt: (opts.now ?? new Date()).toISOString(),
    policy: { hash: policy.hash, effective: policy.version.effective, note: text(policy.version.note) },
    controller: {
      name: c.name,
      orgNumber: c.orgNumber ?? null,
      address: c.address ?? null,
      privacyContact: c.privacyContact,
      dataProtectionContact: text(c.dataProtectionLead),
      supervisoryAuthority: { name: text(policy.supervisoryAuthority.name), url: policy.supervisoryAuthority.url },
    },
    activities,
    analytics,
    recipients,
    securityMeasures: SECURITY_MEASURES.map((key) => ({ key, text: t(`accountability.records.security.${key}`) })),
  };
}
