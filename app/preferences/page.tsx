import type { Metadata } from "next";
import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: t.preferences.title };
}

// Honest placeholder until "send me a new link" exists: no form that pretends to work.
export default async function PreferencesPage({ searchParams }: Props) {
  const { t } = await getI18n(searchParams);
  return (
    <article className="prose">
      <h1>{t.preferences.heading}</h1>
      <p className="lead">{t.preferences.intro}</p>
      <p>{t.preferences.keepPrivate}</p>
      <h2>{t.preferences.newLinkHeading}</h2>
      <p>{t.preferences.newLinkText}</p>
      <p>
        <Link href="/">{t.preferences.back}</Link>
      </p>
    </article>
  );
}
