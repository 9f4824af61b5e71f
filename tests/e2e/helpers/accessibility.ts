// The accessibility check of the specs: axe with the WCAG 2.1 A/AA rules, no serious or critical
// violation. (a11y.spec.ts checks Lighthouse's own rule set, every impact.)
import AxeBuilder from "@axe-core/playwright";
import { type Page, expect } from "@playwright/test";

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now (`label`: the page's URL). */
export async function expectAccessible(page: Page, label = page.url()) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`),
    label,
  ).toEqual([]);
}
