import { test, expect, signIn, signOut, mainNav } from './fixtures';

test('a coordinator signs in to the dashboard and signs out again', async ({ page }) => {
  await signIn(page, 'le-coordinator');

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('main h1')).not.toBeEmpty();
  // The coordinator's Team link leads to the own team, not to a list of all teams.
  await expect(mainNav(page).locator('a[href="/teams/leskovac"]')).toBeVisible();

  await signOut(page);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('#username')).toBeVisible();

  // Signed out means signed out: the dashboard asks for the sign-in again.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('a wrong password keeps the person on the sign-in page with a message', async ({ page }) => {
  await page.goto('/login');
  await page.locator('#username').fill('le-member');
  await page.locator('#password').fill('not-the-password');
  await page.locator('form[action="/login"] button.primary').click();

  await expect(page.locator('#login-error')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator('#username')).toHaveValue('le-member');
});
