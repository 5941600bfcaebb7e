import { test, expect, signIn } from './fixtures';
import type { Page } from '@playwright/test';

test.use({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
});

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
}

test('on a phone the sign-in works and the pages fit the screen width', async ({ page }) => {
  await page.goto('/login');
  await expectNoHorizontalScroll(page);

  await page.locator('#username').fill('le-coordinator');
  await page.locator('#password').fill('spona-demo-2026');
  await Promise.all([
    page.waitForURL(/\/dashboard$/),
    page.locator('form[action="/login"] button.primary').tap(),
  ]);
  await expect(page.locator('main h1')).toBeVisible();
  await expectNoHorizontalScroll(page);

  for (const path of ['/teams/leskovac/institutions', '/teams/leskovac/members']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});

test("on a phone a case worker's case pages fit the screen width", async ({ page }) => {
  await signIn(page, 'le-police');
  for (const path of ['/cases', '/cases/new', '/inbox']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
});
