import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { listOrganisationsForStaff } from "@/lib/access/list-organisations-for-staff";
import { getDb } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { CATEGORIES, LEGAL_BASES, ROLE_TYPES, SOURCE_TYPES } from "@/lib/enums";
import { NewContactForm } from "./new-contact-form";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.register.contacts.newTitle };
}

export default async function NewContactPage({ searchParams }: Props) {
  const staff = await requireStaff("contacts.write", { returnTo: "/staff/contacts/new" });
  const { t } = await getI18n(searchParams);
  const r = t.register;
  const ct = r.contacts;
  // Account managers see only their own organisations; the use-case refuses any other (lib/access).
  const organisations = await listOrganisationsForStaff({ db: await getDb(), staff, permission: "roles.write" });
  const none = { value: "", label: r.common.none };
  return (
    <article aria-labelledby="contact-new-heading">
      <h1 id="contact-new-heading">{ct.newTitle}</h1>
      <NewContactForm
        languages={[
          { value: "sv", label: r.languages.sv },
          { value: "en", label: r.languages.en },
        ]}
        categories={CATEGORIES.map((k) => ({ value: k, label: r.category[k] }))}
        sourceTypes={SOURCE_TYPES.map((k) => ({ value: k, label: r.sourceType[k] }))}
        organisations={[none, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        roleTypes={[none, ...ROLE_TYPES.map((k) => ({ value: k, label: r.roleType[k] }))]}
        bases={[none, ...LEGAL_BASES.map((k) => ({ value: k, label: r.legalBasis[k] }))]}
        texts={{
          ...ct.fields,
          source: ct.source,
          sourceDetail: ct.sourceDetail,
          sourceDate: ct.sourceDate,
          dateHint: r.organisations.dateHint,
          organisation: ct.organisationOptional,
          role: ct.roleOptional,
          suppressedHeading: ct.suppressedHeading,
          override: ct.override,
          overrideBasis: ct.overrideBasis,
          overrideReason: ct.overrideReason,
          overrideHint: ct.overrideHint,
          create: ct.createButton,
        }}
      />
    </article>
  );
}
