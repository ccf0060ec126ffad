// A policy text (one string per language the file offers) in the page's language, or in the first language the text
// has when the file does not offer the page's (an English-only policy on a Swedish staff page): the caller marks that
// text with its own `lang`, so a screen reader pronounces it right.
import { LANGUAGES, type Language } from "@/lib/i18n/languages";

export type TextIn = { text: string; lang: Language };

export function textIn(text: Partial<Record<Language, string>> | undefined, lang: Language): TextIn {
  if (text?.[lang]) return { text: text[lang], lang };
  for (const other of LANGUAGES) if (text?.[other]) return { text: text[other], lang: other };
  return { text: "", lang };
}
