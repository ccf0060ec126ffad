import type { Metadata } from "next";
import { PrivacyPolicyView } from "@/app/_components/privacy-policy/privacy-policy-view";
import { getI18n } from "@/lib/i18n/server";
import { getPolicy } from "@/lib/policy/current-policy";
import { POLICY_TEXT } from "@/lib/policy/privacy-policy-text";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { lang } = await getI18n(searchParams);
  return { title: POLICY_TEXT.title[lang] };
}

// The deployment's policy file, as the person reads it: the page says what the code does.
export default async function PrivacyPage({ searchParams }: Props) {
  const { lang, t } = await getI18n(searchParams);
  return <PrivacyPolicyView policy={getPolicy()} lang={lang} t={t} />;
}
