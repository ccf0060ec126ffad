// The catalogue's two languages must agree: the same keys, and in every message the same ICU arguments (name and
// kind: plain, number, date, plural, select …), with an `other` case in every plural and select. A Swedish text
// that gains an argument its English twin lacks would otherwise only show up as a runtime formatting error.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { rawCatalogue } from "@/lib/i18n/catalogue";

type Tree = { [key: string]: unknown };

function flatten(node: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (typeof node === "string") out[prefix] = node;
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node as Tree)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else throw new Error(`${prefix}: not a string or an object`);
  return out;
}

const KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: "argument",
  [TYPE.number]: "number",
  [TYPE.date]: "date",
  [TYPE.time]: "time",
  [TYPE.select]: "select",
  [TYPE.plural]: "plural",
  [TYPE.tag]: "tag",
};

/** Every argument of a message as "name:kind", with plural and select branches searched too. */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    const kind = KIND[el.type];
    if (kind && "value" in el)
      out.add(
        `${el.value}:${kind === "plural" && "pluralType" in el && el.pluralType === "ordinal" ? "selectordinal" : kind}`,
      );
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, out);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, out);
  }
  return out;
}

function missingOther(elements: MessageFormatElement[]): boolean {
  return elements.some(
    (el) =>
      ((el.type === TYPE.plural || el.type === TYPE.select) &&
        (!("other" in el.options) || Object.values(el.options).some((o) => missingOther(o.value)))) ||
      (el.type === TYPE.tag && missingOther(el.children)),
  );
}

const sv = flatten(rawCatalogue.sv);
const en = flatten(rawCatalogue.en);

describe("message catalogue", () => {
  it("has exactly the same keys in Swedish and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it("has no empty messages and no dots inside a key (next-intl reads dots as nesting)", () => {
    for (const [key, text] of [...Object.entries(sv), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe("");
    }
    const keys = (node: unknown): string[] =>
      node && typeof node === "object" ? Object.entries(node as Tree).flatMap(([k, v]) => [k, ...keys(v)]) : [];
    for (const k of [...keys(rawCatalogue.sv), ...keys(rawCatalogue.en)]) expect(k).not.toMatch(/\./);
  });

  it("uses the same ICU arguments in both languages, and every plural and select has an other case", () => {
    const mismatches: string[] = [];
    for (const key of Object.keys(sv)) {
      if (!(key in en)) continue;
      const [a, b] = [parse(sv[key]!), parse(en[key]!)];
      const [argsSv, argsEn] = [[...argumentsOf(a)].sort(), [...argumentsOf(b)].sort()];
      if (argsSv.join() !== argsEn.join()) mismatches.push(`${key}: sv {${argsSv}} en {${argsEn}}`);
      if (missingOther(a) || missingOther(b)) mismatches.push(`${key}: a plural or select without "other"`);
    }
    expect(mismatches).toEqual([]);
  });
});
