// Signing in through the sign-in page, as a person does: one definition for every spec.
import { type Browser, type Page, expect } from "@playwright/test";
import { DEMO_PASSWORD } from "../auth-state";

/**
 * Fills and sends the sign-in form as `username`, asking for `next` (absent: wherever the app sends the
 * person). Waits for nothing: for a first sign-in (which leads to /doi-mat-khau) or a refusal.
 */
export async function submitSignIn(
  page: Page,
  username: string,
  { next, password = DEMO_PASSWORD }: { next?: string; password?: string } = {},
) {
  await page.goto(next === undefined ? "/dang-nhap" : `/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Tên đăng nhập hoặc e-mail").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** The URL of a page whose path and query end with `next`. */
const endingWith = (next: string) => new RegExp(`${next.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);

/**
 * Signs `page` in as `username` (the demo accounts' password unless given) and waits until it shows
 * `next`, or, without `next`, a page with the person in its header.
 */
export async function signIn(page: Page, username: string, next?: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, username, { next, password });
  // a sign-in hashes the password and renders a page: seconds on a machine shared with other builds
  if (next === undefined) await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 30_000 });
  else await expect(page).toHaveURL(endingWith(next), { timeout: 30_000 });
}

/** A page in a new browser context of its own (no session), signed in as `signIn` does. */
export async function signedInPage(
  browser: Browser,
  username: string,
  next?: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, username, next, password);
  return page;
}
