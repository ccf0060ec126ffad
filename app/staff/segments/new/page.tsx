import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { EDITOR_MESSAGES, editorProps } from "../_components/editor-props";
import { SegmentEditor } from "../_components/segment-editor";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("segments.segments.newTitle") };
}

export default async function NewSegmentPage({ searchParams }: Props) {
  await requireStaff("segments.manage", { returnTo: "/staff/segments/new" });
  const query = await searchParams;
  const { t, lang } = await getI18n(searchParams);
  const props = await editorProps({ db: await getDb(), lang, query });
  return (
    <article aria-labelledby="segment-heading">
      <p>
        <Link href="/staff/segments">{t("segments.segments.back")}</Link>
      </p>
      <h1 id="segment-heading">{t("segments.segments.newTitle")}</h1>
      <ClientMessages lang={lang} paths={EDITOR_MESSAGES}>
        <SegmentEditor {...props} pagePath="/staff/segments/new" />
      </ClientMessages>
    </article>
  );
}
