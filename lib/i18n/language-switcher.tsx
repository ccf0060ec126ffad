"use client";
// Plain links (full page loads), not client navigation: the root layout and <html lang> must render again in the new
// language. Each link keeps the current path and query and only changes ?lang, which proxy.ts also stores in a cookie.
// The languages are the deployment's (its policy file, read on the server and passed in); with one, no switcher.
import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LANGUAGE_NAMES, type Language } from "./languages";

export function LanguageSwitcher({ languages }: { languages: readonly Language[] }) {
  const t = useTranslations("layout");
  const current = useLocale();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const hrefFor = (lang: Language) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("lang", lang);
    return `${pathname}?${params.toString()}`;
  };
  if (languages.length < 2) return null;
  return (
    <nav aria-label={t("languageNav")} className="language-switcher">
      <ul>
        {languages.map((lang) => (
          <li key={lang}>
            <a href={hrefFor(lang)} hrefLang={lang} lang={lang} aria-current={lang === current ? "page" : undefined}>
              {LANGUAGE_NAMES[lang]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
