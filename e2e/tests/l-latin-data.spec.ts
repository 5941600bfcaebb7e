import { test, expect, passSecondFactor } from './fixtures';

// le-social is used by no other test, so the script it saves here cannot leak into them.
const USER = 'le-social';
const CYRILLIC = /[\u0400-\u04FF]/;

test('Latin chosen on the sign-in page is kept, and user data reads in Latin', async ({ page }) => {
  await page.goto('/login');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/login'),
    page.locator('header form.lang button[value="sr-Latn"]').click(),
  ]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Latn');
  await page.locator('#username').fill(USER);
  await page.locator('#password').fill('spona-demo-2026');
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.locator('form[action="/login"] button.primary').click(),
  ]);
  // A case worker's second step, in the script chosen.
  await expect(page).toHaveURL(/\/login\/second-factor/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Latn');
  expect(await page.locator('main').innerText()).not.toMatch(CYRILLIC);
  await passSecondFactor(page, USER);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Latn');
  await expect(page.locator('header form.who span')).toContainText('Prijavljeni ste kao');

  // The members list: names typed in Cyrillic read in Latin; only the switch keeps Cyrillic.
  await page.goto('/teams/leskovac/members');
  await expect(page.locator('main')).toContainText('Stojanović');
  expect(await page.locator('main').innerText()).not.toMatch(CYRILLIC);
  expect(await page.locator('header form.who').innerText()).not.toMatch(CYRILLIC);
  await expect(page.locator('header form.lang button[value="sr-Cyrl"]')).toHaveText(CYRILLIC);

  // Back to Cyrillic: the same names as they were typed.
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/teams/leskovac/members'),
    page.locator('header form.lang button[value="sr-Cyrl"]').click(),
  ]);
  await expect(page.locator('main')).toContainText('Стојановић');
});
