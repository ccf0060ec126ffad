import type { Metadata } from "next";
import { LinkProblem } from "@/app/_components/link-problem";
import { getI18n } from "@/lib/i18n/server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("linkPages.problem.invalid.heading"), robots: { index: false, follow: false } };
}

// Where proxy.ts sends a link page (/p, /s, /e) whose link is not one of ours: the text is the same for everyone and
// names no one, so the page is answered from the public-page cache (lib/http/public-page-cache.ts). The link pages
// still show the same problem themselves when reached without the proxy.
export default async function InvalidLinkPage({ searchParams }: Props) {
  const { lang } = await getI18n(searchParams);
  return <LinkProblem problem="invalid" linkScope="preferences" lang={lang} />;
}
