import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getI18n } from "@/lib/i18n/server";
import { getSegment } from "@/lib/segments/get-segment";
import { archiveSegmentAction } from "../actions";
import { EDITOR_MESSAGES, editorProps } from "../_components/editor-props";
import { SegmentEditor } from "../_components/segment-editor";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t("segments.segments.title") };
}

export default async function EditSegmentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const path = `/staff/segments/${encodeURIComponent(id)}`;
  await requireStaff("segments.manage", { returnTo: path });
  const query = await searchParams;
  const { t, lang } = await getI18n(searchParams);
  const db = await getDb();
  const segment = await getSegment({ db, id });
  if (!segment) notFound();
  const props = await editorProps({ db, lang, query, saved: segment });
  return (
    <article aria-labelledby="segment-heading">
      <p>
        <Link href="/staff/segments">{t("segments.segments.back")}</Link>
      </p>
      <h1 id="segment-heading">{t("segments.segments.editTitle", { name: segment.name })}</h1>
      {query.saved ? (
        <p role="status" className="callout">
          {t("segments.saved")}
        </p>
      ) : null}
      {segment.archivedAt ? <p className="callout">{t("segments.segments.archivedNotice")}</p> : null}
      <ClientMessages lang={lang} paths={EDITOR_MESSAGES}>
        <SegmentEditor {...props} pagePath={path} />
      </ClientMessages>
      <form action={archiveSegmentAction}>
        <input type="hidden" name="id" value={segment.id} />
        <input type="hidden" name="archived" value={segment.archivedAt ? "" : "on"} />
        <button type="submit" className="button">
          {segment.archivedAt ? t("segments.segments.restore") : t("segments.segments.archive")}
        </button>
      </form>
    </article>
  );
}
