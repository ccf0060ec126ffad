// /staff/policy/preview: the privacy officer checks a draft of the policy file before it is committed: is it valid
// (the problems the server would refuse to start with), what does it change, and how will the privacy page read.
// Nothing is stored; the file in the repository stays the source of truth.
import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { PreviewForm } from "./preview-form";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("accountability.policy.preview.title") };
}

export default async function PolicyPreviewPage({ searchParams }: Props) {
  await requireStaff("policy.read", { returnTo: "/staff/policy/preview" });
  const { lang, t } = await getI18n(searchParams);
  return (
    <article aria-labelledby="preview-heading">
      <p>
        <Link href="/staff/policy">{t("accountability.policy.preview.back")}</Link>
      </p>
      <h1 id="preview-heading">{t("accountability.policy.preview.heading")}</h1>
      <p className="lead">{t("accountability.policy.preview.lead")}</p>
      <ClientMessages lang={lang} paths={["accountability.policy.preview"]}>
        <PreviewForm />
      </ClientMessages>
    </article>
  );
}
