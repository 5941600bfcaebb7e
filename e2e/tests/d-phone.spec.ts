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

/** The share of an 844 px screen the header may take on a phone. */
const HEADER_SHARE = 0.15;
/** WCAG 2.5.8: a target at least 24 by 24 CSS pixels. */
const MIN_TARGET = 24;

/** Visible controls smaller than a finger can hit: buttons, fields, menu and navigation links. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, .button, input:not([type=hidden]), select, textarea, summary, header nav a, .pager a',
    );
    const small: string[] = [];
    for (const el of controls) {
      // Not shown: inside the folded menu, or hidden.
      if (!el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) continue;
      // Hidden from sight and from assistive technology, clipped to no area: the report
      // form's first submit button, there only so that Enter saves rather than switches lists.
      if (el.closest('[aria-hidden="true"]') && el.classList.contains('visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < min || r.height < min) {
        small.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    return small;
  }, MIN_TARGET);
}

test("on a phone the header is one compact line with the menu folded, and every control is big enough to tap", async ({ page }) => {
  await signIn(page, 'le-police');
  for (const path of ['/dashboard', '/cases', '/cases/new', '/inbox', '/notifications']) {
    await page.goto(path);
    const header = await page.locator('header').boundingBox();
    expect(header, `${path} has a header`).not.toBeNull();
    expect(header!.height, `the header of ${path} takes ${header!.height}px of 844`).toBeLessThanOrEqual(844 * HEADER_SHARE);
    await expect(page.locator('header nav a').first(), `the menu of ${path} starts folded`).toBeHidden();
    expect(await smallTargets(page), `controls under ${MIN_TARGET}px on ${path}`).toEqual([]);
  }

  // Unfolded, the menu's links, languages and sign-out are big enough to tap too.
  await page.goto('/dashboard');
  await page.locator('header details.menu > summary').tap();
  await expect(page.locator('header nav a').first()).toBeVisible();
  expect(await smallTargets(page), `controls under ${MIN_TARGET}px in the open menu`).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('on a phone the folded menu opens and leads to its pages', async ({ page }) => {
    await signIn(page, 'le-coordinator');
    await expect(page.locator('header nav a').first()).toBeHidden();
    await page.locator('header details.menu > summary').tap();
    const cases = page.locator('header nav a[href="/cases"]');
    await expect(cases).toBeVisible();
    await Promise.all([page.waitForURL(/\/cases$/), cases.tap()]);
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.locator('header nav a').first()).toBeHidden();
  });
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

  test('the menu is open without a button to unfold it', async ({ page }) => {
    await signIn(page, 'le-coordinator');
    await expect(page.locator('header details.menu > summary')).toBeHidden();
    await expect(page.locator('header nav a[href="/cases"]')).toBeVisible();
    await expect(page.locator('header form[action="/logout"] button')).toBeVisible();
  });
});
