"use client";
// Gives client components (error boundaries in particular, which cannot read request headers) the page's language.
import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_LANGUAGE, type Language } from "./languages";

const LanguageContext = createContext<Language>(DEFAULT_LANGUAGE);

export function LanguageProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  return <LanguageContext value={lang}>{children}</LanguageContext>;
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}
