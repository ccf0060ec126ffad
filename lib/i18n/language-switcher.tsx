"use client";
// Plain links (full page loads), not client navigation: the root layout and <html lang> must render again in the new
// language. Each link keeps the current path and query and only changes ?lang, which proxy.ts also stores in a cookie.
import { usePathname, useSearchParams } from "next/navigation";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "./languages";

export function LanguageSwitcher({ current, label }: { current: Language; label: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const hrefFor = (lang: Language) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("lang", lang);
    return `${pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label={label} className="language-switcher">
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
