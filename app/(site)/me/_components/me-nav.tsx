// The links between the "my data" pages and the sign-out button (a POST: signing out changes state).
import Link from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import type { Language } from "@/lib/i18n/languages";
import styles from "../me.module.css";
import { signOut } from "./sign-out";

export async function MeNav({ lang, current }: { lang: Language; current: "overview" | "correct" | "erase" }) {
  const t = await getTranslations({ locale: lang });
  const items = [
    { key: "overview", href: "/me", label: t("myData.nav.overview") },
    { key: "correct", href: "/me/correct", label: t("myData.nav.correct") },
    { key: "erase", href: "/me/erase", label: t("myData.nav.erase") },
  ] as const;
  return (
    <div className={styles.navBar}>
      <nav aria-label={t("myData.nav.label")}>
        <ul className={styles.nav}>
          {items.map((i) => (
            <li key={i.key}>
              <Link href={`${i.href}?lang=${lang}`} aria-current={i.key === current ? "page" : undefined}>
                {i.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form action={signOut}>
        <button type="submit" className={styles.secondaryButton}>
          {t("myData.nav.signOut")}
        </button>
      </form>
    </div>
  );
}
