// Accessibility check with axe-core against WCAG 2.2 AA (and the 2.0/2.1 A and AA rules it includes).
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** One readable paragraph per violation; an empty array when the page passes. */
export async function axeViolations(page: Page, opts: { disableRules?: string[] } = {}): Promise<string[]> {
  // Let a client-side navigation settle (title and all) before judging; a page without a title still fails below.
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 3000 }).catch(() => {});
  // A fully sandboxed iframe (the mail preview) runs no script, so axe cannot enter it and would wait forever; the
  // iframe element itself (its title) is still checked. The mail's own accessibility is checked in the email tests.
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .exclude('iframe[sandbox=""]')
    .disableRules(opts.disableRules ?? [])
    .analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes
      .map((n) => `    at ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").split("\n").join("\n      ")}`)
      .join("\n");
    return `${v.id} (${v.impact ?? "unknown impact"}) on ${page.url()}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
  });
}

/**
 * With a React Aria combobox's list open. While the list is open React Aria hides the rest of the page from assistive
 * technology with aria-hidden (so a screen reader stays between the input and its portalled list), and axe's
 * aria-hidden-focus rule flags the hidden links and buttons, although focus cannot reach them: focus stays in the
 * input and Tab closes the list, which removes the attribute (upstream: adobe/react-spectrum#4937). That one rule is
 * left out here, only while the list is open; every other rule runs, and the tests check the page in full again with
 * the list closed.
 */
export async function axeViolationsWithListOpen(page: Page): Promise<string[]> {
  const hidden = await page.evaluate(
    () => document.querySelector('[role=combobox][aria-expanded="true"]')?.closest("[aria-hidden=true]") !== null,
  );
  if (hidden) return ["the open combobox itself is aria-hidden"];
  return axeViolations(page, { disableRules: ["aria-hidden-focus"] });
}
