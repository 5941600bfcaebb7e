import { test, expect, signIn, signOut, mainNav } from './fixtures';
import type { Page } from '@playwright/test';

// le-member is used by no other test, so its remembered language cannot leak into them.
const USER = 'le-member';

async function switchTo(page: Page, code: 'sr-Cyrl' | 'sr-Latn' | 'en') {
  const here = new URL(page.url()).pathname;
  await Promise.all([
    page.waitForURL((url) => url.pathname === here),
    page.locator(`header form.lang button[value="${code}"]`).click(),
  ]);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
}

test('the script switch changes the page and is remembered for the user', async ({ page, context }) => {
  await signIn(page, USER);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl');
  await expect(mainNav(page)).toContainText('Тим');

  await switchTo(page, 'sr-Latn');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(mainNav(page)).toContainText('Tim');
  await expect(mainNav(page)).not.toContainText('Тим');
  await expect(page.locator('header form.lang button[value="sr-Latn"]')).toHaveAttribute('aria-pressed', 'true');
  // No Cyrillic letter is left in the navigation.
  expect(await mainNav(page).innerText()).not.toMatch(/[\u0400-\u04FF]/);

  // Remembered per user: not only in this browser's cookie.
  await signOut(page);
  await context.clearCookies();
  await signIn(page, USER);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Latn');
  await expect(mainNav(page)).toContainText('Tim');

  await switchTo(page, 'en');
  await expect(mainNav(page)).toContainText('Team');
  await expect(page.locator('main h1')).not.toHaveText(/[\u0400-\u04FF]/);

  await switchTo(page, 'sr-Cyrl');
  await expect(mainNav(page)).toContainText('Тим');
});

test('the switch keeps the page the person was on', async ({ page }) => {
  await signIn(page, USER);
  await page.goto('/teams/leskovac/institutions');
  await switchTo(page, 'sr-Latn');
  await expect(page).toHaveURL(/\/teams\/leskovac\/institutions$/);
  await expect(page.locator('main')).toContainText('Leskovac');
  await switchTo(page, 'sr-Cyrl');
  await expect(page.locator('main')).toContainText('Лесковац');
});
