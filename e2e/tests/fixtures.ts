import { test as base, expect, type Page } from '@playwright/test';

/** The password of every demo account (`spona serve --demo` prints it). */
export const DEMO_PASSWORD = 'spona-demo-2026';

const baseURL = process.env.SPONA_BASE_URL;
if (!baseURL) {
  throw new Error('SPONA_BASE_URL is not set: run the suite with `npx playwright test` (global-setup.ts starts the server).');
}

/** Playwright's test, pointed at the server global-setup.ts started. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(baseURL);
  },
});

export { expect };

/** Signs in through the form at /login, as a person would, and waits to leave it. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.locator('form[action="/login"] button.primary').click(),
  ]);
}

/** Unfolds the header's menu where it is folded (a phone-sized screen). */
export async function openMenu(page: Page): Promise<void> {
  const summary = page.locator('header details.menu > summary');
  if (!(await summary.isVisible())) return;
  const open = await page.locator('header details.menu').evaluate((d) => (d as HTMLDetailsElement).open);
  if (!open) await summary.click();
}

/** Signs out with the button of the header form. */
export async function signOut(page: Page): Promise<void> {
  await openMenu(page);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/login'),
    page.locator('header form[action="/logout"] button[type="submit"]').click(),
  ]);
}

/** The main navigation of the header. */
export function mainNav(page: Page) {
  return page.locator('header nav');
}
