import { test as base, expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

/** The password of every demo account (`spona serve --demo` prints it). */
export const DEMO_PASSWORD = 'spona-demo-2026';

/** The authenticator secret of the demo accounts whose role signs in with a second factor. */
export const DEMO_TOTP_SECRET = 'SPONADEMOKEYFORTHEDEMOACCOUNTS22';

const STEP = 30;

/** The last authenticator step this run used, per account: the server accepts a code once. */
const stepsUsed = new Map<string, number>();

/** The code of an authenticator app with `secret` for the given step. */
export function codeAt(secret: string, step: number): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: STEP });
  return totp.generate({ timestamp: step * STEP * 1000 });
}

/**
 * A code the server accepts now from `username`: of a step not used before (it allows one
 * step of drift either way, so three sign-ins fit in thirty seconds), waiting for the next
 * step when this moment's are spent.
 */
export async function freshCode(username: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / STEP);
    const step = Math.max(now - 1, (stepsUsed.get(username) ?? 0) + 1);
    if (step <= now + 1) {
      stepsUsed.set(username, step);
      return codeAt(secret, step);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Types a fresh code on the second step of the sign-in, and waits to leave it. */
export async function passSecondFactor(page: Page, username: string): Promise<void> {
  // A run restarted after a failure forgets the steps it used: a refused code is retried
  // with the next step's.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator('#code').fill(await freshCode(username));
    await page.locator('form[action="/login/second-factor"] button.primary').click();
    await page.waitForLoadState();
    if (new URL(page.url()).pathname !== '/login/second-factor') return;
    stepsUsed.set(username, Math.floor(Date.now() / 1000 / STEP) + 1);
  }
  throw new Error(`the second factor of ${username} was refused`);
}

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

/**
 * Signs in through the form at /login, as a person would, and waits to leave it; where the
 * account has a second factor, types a code of the demo's authenticator next.
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.locator('form[action="/login"] button.primary').click(),
  ]);
  if (new URL(page.url()).pathname === '/login/second-factor') {
    await passSecondFactor(page, username);
  }
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
