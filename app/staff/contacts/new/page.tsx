import type { Metadata } from "next";
import { getPolicy } from "@/lib/policy/current-policy";
import { categoryOptions } from "@/lib/policy/policy-labels";
import { requireStaff } from "@/lib/auth/current-staff";
import { listOrganisationsForStaff } from "@/lib/access/list-organisations-for-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { getI18n } from "@/lib/i18n/server";
import { LEGAL_BASES, ROLE_TYPES, SOURCE_TYPES } from "@/lib/enums";
import { NewContactForm } from "./new-contact-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("register.contacts.newTitle") };
}

const CONTACT_FORM_MESSAGES = [
  "staff.kit.organisationPicker",
  "register.contacts.fields",
  "register.contacts.source",
  "register.contacts.sourceDetail",
  "register.contacts.sourceDate",
  "register.organisations.dateHint",
  "register.contacts.organisationOptional",
  "register.contacts.roleOptional",
  "register.contacts.suppressedHeading",
  "register.contacts.override",
  "register.contacts.overrideBasis",
  "register.contacts.overrideReason",
  "register.contacts.overrideHint",
  "register.contacts.createButton",
];

export default async function NewContactPage({ searchParams }: Props) {
  const staff = await requireStaff("contacts.write", { returnTo: "/staff/contacts/new" });
  const { lang, t } = await getI18n(searchParams);
  // Account managers see only their own organisations; the use-case refuses any other (lib/access).
  const organisations = await listOrganisationsForStaff({ db: await getDb(), staff, permission: "roles.write" });
  const none = { value: "", label: t("register.common.none") };
  return (
    <article aria-labelledby="contact-new-heading">
      <h1 id="contact-new-heading">{t("register.contacts.newTitle")}</h1>
      <ClientMessages lang={lang} paths={CONTACT_FORM_MESSAGES}>
        <NewContactForm
          languages={offeredLanguages().map((l) => ({ value: l, label: t(`register.languages.${l}`) }))}
          categories={categoryOptions(getPolicy(), lang)}
          sourceTypes={SOURCE_TYPES.filter((k) => k !== "SIGNUP_FORM").map((k) => ({
            value: k,
            label: t(`enums.sourceType.label.${k}`),
          }))}
          organisations={
            organisations.kind === "list"
              ? {
                  kind: "list",
                  options: [none, ...organisations.organisations.map((o) => ({ value: o.id, label: o.name }))],
                }
              : { kind: "search" }
          }
          roleTypes={[none, ...ROLE_TYPES.map((k) => ({ value: k, label: t(`enums.roleType.label.${k}`) }))]}
          bases={[none, ...LEGAL_BASES.map((k) => ({ value: k, label: t(`enums.legalBasis.${k}`) }))]}
        />
      </ClientMessages>
    </article>
  );
}
