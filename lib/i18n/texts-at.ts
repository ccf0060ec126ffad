// A part of the catalogue as a plain record of formatted texts, for code that looks texts up by a code it got at run
// time (form error codes, audit action names) and for pure functions outside lib/i18n that take a record. Every text
// is formatted by next-intl, so ICU escapes and brand names come out as in t().
import type { NestedKeyOf } from "next-intl";
import type { Messages } from "./catalogue";
import type { Language } from "./languages";
import { translatorFor } from "./translator";

type Path = NestedKeyOf<Messages>;

export function textsAt(lang: Language, path: Path): Record<string, string> {
  const t = translatorFor(lang) as unknown as ((key: string) => string) & { raw(key: string): unknown };
  const out: Record<string, string> = {};
  const walk = (node: unknown, key: string, rel: string) => {
    if (typeof node === "string") out[rel] = t(key);
    else if (node && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(v, `${key}.${k}`, rel ? `${rel}.${k}` : k);
  };
  walk(t.raw(path), path, "");
  return out;
}
