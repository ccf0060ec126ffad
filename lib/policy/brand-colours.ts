// The policy file's brand colours as the colour tokens of app/globals.css, for the recipient pages (the site frame and
// the one-click page). The file's check (policy-file-schema.ts) has measured accent on the page and onAccent on the
// accent; the hover shade is derived here and used only where it keeps both contrasts, else the accent itself.
import type { PolicyFile } from "./file/policy-file-schema";
import { PAGE_BACKGROUNDS } from "./file/policy-file-schema";
import { contrastRatio, parseHexColour } from "./file/contrast";

type Palette = PolicyFile["brand"]["colours"]["light"];
type Rgb = [number, number, number];

const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
const mix = (a: Rgb, b: Rgb, share: number): Rgb => a.map((v, i) => v + (b[i]! - v) * share) as Rgb;

/** The hover shade of a button or link: a fifth of the way to the page's text colour, if it stays readable. */
export function strongAccent(palette: Palette, scheme: "light" | "dark"): string {
  const accent = parseHexColour(palette.accent)!;
  const strong = mix(accent, scheme === "light" ? [0, 0, 0] : [255, 255, 255], 0.25);
  const readable =
    contrastRatio(strong, parseHexColour(PAGE_BACKGROUNDS[scheme])!) >= 4.5 &&
    contrastRatio(parseHexColour(palette.onAccent)!, strong) >= 4.5;
  return readable ? hex(strong) : palette.accent.toLowerCase();
}

function tokens(palette: Palette, scheme: "light" | "dark"): string {
  return [
    `--color-accent:${palette.accent}`,
    `--color-accent-strong:${strongAccent(palette, scheme)}`,
    `--color-on-accent:${palette.onAccent}`,
    `--color-focus:${palette.accent}`,
  ].join(";");
}

/** CSS that sets the accent tokens for both colour schemes; placed after app/globals.css, it wins over its values. */
export function brandColourCss(colours: PolicyFile["brand"]["colours"]): string {
  return `:root{${tokens(colours.light, "light")}}@media (prefers-color-scheme:dark){:root{${tokens(colours.dark, "dark")}}}`;
}
