// Gives the client components below it their texts: next-intl's provider with only the listed parts of one
// language's catalogue (a namespace, or a dotted path inside one), never the whole catalogue. A page lists what its
// client components call useTranslations() with, in the page's language (getI18n).
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { pickMessages } from "./catalogue";
import type { Language } from "./languages";
import { TIME_ZONE } from "./translator";

export function ClientMessages({
  lang,
  paths,
  children,
}: {
  lang: Language;
  paths: readonly string[];
  children: ReactNode;
}) {
  return (
    <NextIntlClientProvider locale={lang} messages={pickMessages(lang, paths)} timeZone={TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}
