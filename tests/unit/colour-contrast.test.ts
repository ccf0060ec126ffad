// The colour tokens of app/globals.css in both schemes (light in :root, dark in the prefers-color-scheme: dark block),
// measured: every text colour on every background it is drawn on reaches 4.5:1 (WCAG 2.2 AA 1.4.3) and every
// graphic that tells something (focus ring, chart series, axis line, a status border) reaches 3:1 (1.4.11). The pairs
// are listed below by hand, each with where it is used; a new token pair needs a line here. Also checked on the
// source: both schemes declare the same tokens, no stylesheet or chart component keeps a colour of its own outside the
// token blocks, and the one-click page (a document of its own, without globals.css) copies the tokens unchanged.
// Borders of cards and tables, grid lines, the chart's hover band and shadows are decoration (1.4.11 does not apply)
// and are not measured.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio, luminance, parseHexColour } from "@/lib/policy/file/contrast";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
/** Comments removed, their line breaks kept (so line numbers stay right). */
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ""));

type Tokens = Map<string, string>;

/** The declarations between the brace at `open` and its matching closing brace. */
function blockAt(css: string, open: number): string {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === "{") depth++;
    else if (css[i] === "}" && --depth === 0) return css.slice(open + 1, i);
  }
  throw new Error("unbalanced braces");
}

function declarations(block: string): Tokens {
  const tokens: Tokens = new Map();
  for (const m of block.matchAll(/(--[\w-]+|color-scheme)\s*:\s*([^;{}]+);?/g)) tokens.set(m[1]!, m[2]!.trim());
  return tokens;
}

/** The :root block outside any at-rule (light) and the :root block inside @media (prefers-color-scheme: dark). */
function schemes(source: string): { light: Tokens; dark: Tokens } {
  const css = withoutComments(source);
  const media = css.search(/@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{/);
  expect(media, "a prefers-color-scheme: dark block").toBeGreaterThan(-1);
  const mediaBody = blockAt(css, css.indexOf("{", media));
  const light = css.search(/(^|[}\s]):root\s*\{/);
  expect(light, "a :root block").toBeGreaterThan(-1);
  expect(light, "the light :root block comes before the dark one").toBeLessThan(media);
  const darkRoot = mediaBody.search(/:root\s*\{/);
  expect(darkRoot, ":root inside the dark block").toBeGreaterThan(-1);
  return {
    light: declarations(blockAt(css, css.indexOf("{", light))),
    dark: declarations(blockAt(mediaBody, mediaBody.indexOf("{", darkRoot))),
  };
}

/** A token's colour as 0–255 channels, following var() to another token. */
function rgb(tokens: Tokens, name: string, seen: string[] = []): [number, number, number] {
  const value = tokens.get(name);
  if (value === undefined) throw new Error(`${name} is not declared`);
  const ref = /^var\((--[\w-]+)\)$/.exec(value);
  if (ref) {
    if (seen.includes(ref[1]!)) throw new Error(`var() cycle at ${name}`);
    return rgb(tokens, ref[1]!, [...seen, name]);
  }
  const channels = parseHexColour(value);
  if (!channels) throw new Error(`${name}: ${value} is not an opaque #rgb or #rrggbb colour`);
  return channels;
}

const contrast = contrastRatio;

const TEXT = 4.5;
const GRAPHIC = 3;

/** [foreground token, background token, minimum ratio, where the pair is drawn]. */
const PAIRS: [string, string, number, string][] = [
  ["--color-text", "--color-bg", TEXT, "body text"],
  ["--color-text", "--color-surface", TEXT, "cards, footer, cookie banner, staff table headers"],
  ["--color-text", "--color-raised", TEXT, "dialogs, the organisation picker's list, chart tooltips"],
  ["--color-text", "--color-row-hover", TEXT, "a staff table row under the pointer"],
  ["--color-text", "--color-border", TEXT, "staff navigation link under the pointer"],
  ["--color-muted", "--color-bg", TEXT, "hints, taglines, labels of stat tiles"],
  ["--color-muted", "--color-surface", TEXT, "footer, staff navigation headings"],
  ["--color-muted", "--color-raised", TEXT, "organisation numbers in the picker's list"],
  ["--color-muted", "--color-row-hover", TEXT, "muted text in a hovered table row"],
  ["--color-accent", "--color-bg", TEXT, "links, secondary buttons"],
  ["--color-accent", "--color-surface", TEXT, "links in the footer, cookie banner and cards"],
  ["--color-accent", "--color-raised", TEXT, "links in dialogs"],
  ["--color-accent", "--color-row-hover", TEXT, "links in a hovered table row"],
  ["--color-accent", "--color-success-bg", TEXT, "a link in a success callout"],
  ["--color-accent", "--color-danger-bg", TEXT, "a link in a danger callout"],
  ["--color-accent-strong", "--color-bg", TEXT, "a link under the pointer"],
  ["--color-accent-strong", "--color-surface", TEXT, "a secondary button under the pointer"],
  ["--color-on-accent", "--color-accent", TEXT, "a button's label, the current staff page"],
  ["--color-on-accent", "--color-accent-strong", TEXT, "a button's label under the pointer"],
  ["--color-focus", "--color-bg", GRAPHIC, "the focus ring on the page"],
  ["--color-focus", "--color-surface", GRAPHIC, "the focus ring on a card or the footer"],
  ["--color-focus", "--color-raised", GRAPHIC, "the focus ring in a dialog"],
  ["--color-danger", "--color-bg", TEXT, "field errors, invalid field borders"],
  ["--color-danger", "--color-surface", TEXT, "field errors in a filter bar"],
  ["--color-danger", "--color-raised", TEXT, "field errors in a dialog"],
  ["--color-on-danger", "--color-danger", TEXT, "a destructive button's label"],
  ["--color-on-danger", "--color-danger-strong", TEXT, "a destructive button's label under the pointer"],
  ["--color-success", "--color-bg", GRAPHIC, "a success callout's edge"],
  ["--color-neutral-text", "--color-neutral-bg", TEXT, "a neutral badge"],
  ["--color-success-text", "--color-success-bg", TEXT, "ok badge, success callout"],
  ["--color-warning-text", "--color-warning-bg", TEXT, "warning badge"],
  ["--color-danger-text", "--color-danger-bg", TEXT, "danger badge, danger callout"],
  ["--color-info-text", "--color-info-bg", TEXT, "info badge"],
  ["--color-saved-text", "--color-saved-bg", TEXT, "preference page and one-click page: saved"],
  ["--color-saved-border", "--color-bg", GRAPHIC, "the saved notice's border"],
  ["--color-error-text", "--color-error-bg", TEXT, "preference page: not saved"],
  ["--color-error-border", "--color-bg", GRAPHIC, "the error notice's border"],
  ["--color-mydata-danger", "--color-bg", TEXT, "my data pages: field errors, invalid borders"],
  ["--color-on-accent", "--color-mydata-danger", TEXT, "my data pages: the erase button's label"],
  ["--color-on-accent", "--color-mydata-danger-strong", TEXT, "my data pages: the erase button under the pointer"],
  ["--color-chart-tick", "--color-bg", TEXT, "chart axis labels"],
  ["--color-chart-axis", "--color-bg", GRAPHIC, "chart axis lines and tick marks"],
  ...["blue", "orange", "red", "green", "purple", "grey"].flatMap((c): [string, string, number, string][] => [
    [`--color-chart-${c}`, "--color-bg", TEXT, `chart series ${c} on its panel (4.5:1 so it also serves as text)`],
    [`--color-chart-${c}`, "--color-raised", TEXT, `chart series ${c} as text in a tooltip`],
  ]),
];

const globals = schemes(read("app/globals.css"));

describe("colour tokens", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`${scheme}: every listed pair reaches its contrast`, () => {
      const tokens = globals[scheme];
      const failures = PAIRS.map(([fg, bg, min, where]) => ({
        pair: `${fg} on ${bg} (${where})`,
        ratio: contrast(rgb(tokens, fg), rgb(tokens, bg)),
        min,
      }))
        .filter((p) => !(p.ratio >= p.min))
        .map((p) => `${p.pair}: ${p.ratio.toFixed(2)}:1, needs ${p.min}:1`);
      expect(failures).toEqual([]);
    });
  }

  it("the schemes say which they are, so form controls and scrollbars follow", () => {
    expect(globals.light.get("color-scheme")).toBe("light");
    expect(globals.dark.get("color-scheme")).toBe("dark");
  });

  it("light and dark declare the same colour tokens (none keeps its light value in dark mode)", () => {
    const names = (t: Tokens) => [...t.keys()].filter((k) => k.startsWith("--color-")).sort();
    expect(names(globals.dark)).toEqual(names(globals.light));
  });

  it("the dark page background is dark and the light one light", () => {
    expect(luminance(rgb(globals.dark, "--color-bg"))).toBeLessThan(0.02);
    expect(luminance(rgb(globals.light, "--color-bg"))).toBeGreaterThan(0.9);
  });

  it("the one-click page copies the tokens it uses, in both schemes, unchanged", () => {
    const source = read("app/u/[token]/one-click-document.tsx");
    const css = /const CSS = `([\s\S]*?)`;/.exec(source)?.[1];
    expect(css).toBeDefined();
    const own = schemes(css!);
    for (const scheme of ["light", "dark"] as const) {
      expect(own[scheme].size).toBeGreaterThan(5);
      for (const [name, value] of own[scheme])
        expect(`${scheme} ${name}: ${value}`).toBe(`${scheme} ${name}: ${globals[scheme].get(name)}`);
    }
  });
});

const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/i;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return files(rel, ext);
    return ext.test(name) ? [rel] : [];
  });
}

describe("no colour outside the tokens", () => {
  it("stylesheets and components under app/ use var(--color-…), not colour literals", () => {
    // The dev mailbox (app/(site)/dev/mail, never in production) keeps inline colours of its own; the one-click page's
    // tokens are compared above.
    const allowed = new Set([path.join("app", "(site)", "dev", "mail", "styles.ts")]);
    const offenders = files("app", /\.(css|ts|tsx)$/)
      .filter((file) => !allowed.has(file))
      .flatMap((file) => {
        let text = withoutComments(read(file));
        if (file === path.join("app", "globals.css")) text = text.replace(/^\s*--color-[\w-]+\s*:[^;]*;/gm, "");
        if (file.endsWith("one-click-document.tsx"))
          text = text.replace(/^:root\{.*$|^@media \(prefers-color-scheme.*$/gm, "");
        return text
          .split("\n")
          .map((line, i) => ({ line, n: i + 1 }))
          .filter(({ line }) => COLOUR_LITERAL.test(line.replace(/\/\/.*$/, "")))
          .map(({ line, n }) => `${file}:${n}: ${line.trim()}`);
      });
    expect(offenders).toEqual([]);
  });
});
