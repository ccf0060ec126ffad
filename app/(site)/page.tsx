import type { Metadata } from "next";
import Link from "@/app/_components/link";
import { getI18n } from "@/lib/i18n/server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { t } = await getI18n(searchParams);
  return { title: { absolute: t("home.title") }, description: t("home.description") };
}

export default async function HomePage({ searchParams }: Props) {
  const { t } = await getI18n(searchParams);
  const abilities = [
    { title: t("home.seeTitle"), text: t("home.seeText") },
    { title: t("home.correctTitle"), text: t("home.correctText") },
    { title: t("home.chooseTitle"), text: t("home.chooseText") },
    { title: t("home.eraseTitle"), text: t("home.eraseText") },
  ];
  return (
    <>
      <section className="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">{t("home.heading")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <p>
          <Link href="/preferences" className="button">
            {t("home.cta")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="what-heading">
        <h2 id="what-heading">{t("home.whatHeading")}</h2>
        <ul className="cards">
          {abilities.map((a) => (
            <li key={a.title} className="card">
              <h3>{a.title}</h3>
              <p>{a.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t("home.howHeading")}</h2>
        <p>{t("home.howText")}</p>
      </section>
    </>
  );
}
