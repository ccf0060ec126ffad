"use client";
// Plain links (full page loads), not client navigation: the root layout and <html lang> must render again in the new
// language. Each link keeps the current path and query and only changes ?lang, which proxy.ts also stores in a cookie.
import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "./languages";

export function LanguageSwitcher() {
  const t = useTranslations("layout");
  const current = useLocale();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const hrefFor = (lang: Language) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("lang", lang);
    return `${pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label={t("languageNav")} className="language-switcher">
      <ul>
        {LANGUAGES.map((lang) => (
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
