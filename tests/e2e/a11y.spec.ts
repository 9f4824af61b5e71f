// Lighthouse's accessibility audits, as axe rules, on the pages `npm run lighthouse` scores (README
// "Lighthouse"), each as the person who uses it, at Lighthouse's mobile viewport. The other specs run axe's
// WCAG rules and keep serious or critical findings out; Lighthouse also scores the best-practice rules
// (heading order, touch target size, list structure …) and counts every finding whatever its impact,
// so these pages must have none of the rules it scores.
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./auth-state";

// lighthouse 12.8.2, core/config/default-config.js: the accessibility category's audits that weigh in its
// score (each is the axe rule of the same id)
const LIGHTHOUSE_RULES = [
  "accesskeys",
  "aria-allowed-attr",
  "aria-allowed-role",
  "aria-command-name",
  "aria-conditional-attr",
  "aria-deprecated-role",
  "aria-dialog-name",
  "aria-hidden-body",
  "aria-hidden-focus",
  "aria-input-field-name",
  "aria-meter-name",
  "aria-progressbar-name",
  "aria-prohibited-attr",
  "aria-required-attr",
  "aria-required-children",
  "aria-required-parent",
  "aria-roles",
  "aria-text",
  "aria-toggle-field-name",
  "aria-tooltip-name",
  "aria-treeitem-name",
  "aria-valid-attr-value",
  "aria-valid-attr",
  "button-name",
  "bypass",
  "color-contrast",
  "definition-list",
  "dlitem",
  "document-title",
  "duplicate-id-aria",
  "form-field-multiple-labels",
  "frame-title",
  "heading-order",
  "html-has-lang",
  "html-lang-valid",
  "html-xml-lang-mismatch",
  "image-alt",
  "image-redundant-alt",
  "input-button-name",
  "input-image-alt",
  "label",
  "link-in-text-block",
  "link-name",
  "list",
  "listitem",
  "meta-refresh",
  "meta-viewport",
  "object-alt",
  "select-name",
  "skip-link",
  "tabindex",
  "table-duplicate-name",
  "target-size",
  "td-headers-attr",
  "th-has-data-cells",
  "valid-lang",
  "video-caption",
];

const PAGES: Array<{ path: string; account: string | null }> = [
  { path: "/dang-nhap", account: null },
  { path: "/", account: "demo.quan" },
  { path: "/ngoc-thuy", account: "demo.quan" },
  { path: "/ngoc-thuy/chuong-trinh/01-CT-QU", account: "demo.quan" },
  { path: "/ngoc-thuy/chuong-trinh/02-CTr-QU", account: "demo.quan" },
  { path: "/ngoc-thuy/chuong-trinh/03-CTr-QU", account: "demo.quan" },
  { path: "/so-sanh", account: "demo.quan" },
  { path: "/so-sanh/phuong?ward=ngoc-thuy", account: "demo.quan" },
  { path: "/tien-do", account: "demo.quan" },
  { path: "/ngoc-thuy/ban-tom-tat", account: "demo.quan" },
  { path: "/ngoc-thuy/nhap-lieu/2020/03-CTr-QU", account: "demo.phuong" },
  { path: "/ngoc-thuy/nhap-lieu/2020/03-CTr-QU", account: "demo.danguy" },
];

async function signedIn(browser: Browser, account: string | null): Promise<Page> {
  // Lighthouse's mobile preset: a Moto G Power's 412 × 823 screen
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    viewport: { width: 412, height: 823 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  if (account) {
    await page.goto("/dang-nhap");
    await page.getByLabel("Tên đăng nhập hoặc e-mail").fill(account);
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
  }
  return page;
}

test.describe("Lighthouse's accessibility rules", () => {
  // a dozen pages, each signed in and checked by axe: minutes on a busy 2-core machine
  test.slow();
  for (const account of [null, "demo.quan", "demo.phuong", "demo.danguy"]) {
    test(`pages of ${account ?? "a signed-out visitor"} break none of them`, async ({ browser }) => {
      const page = await signedIn(browser, account);
      for (const { path } of PAGES.filter((p) => p.account === account)) {
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).withRules(LIGHTHOUSE_RULES).analyze();
        expect(
          violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`),
          path,
        ).toEqual([]);
      }
      await page.context().close();
    });
  }
});
