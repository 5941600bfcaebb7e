import { test, expect, signIn } from './fixtures';

test.use({ javaScriptEnabled: false });

test('without JavaScript a person signs in and opens the institutions list', async ({ page }) => {
  await signIn(page, 'le-coordinator');
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto('/teams/leskovac/institutions');
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('main')).toContainText('Полицијска управа Лесковац');
});

test('without JavaScript the members search works as a plain form', async ({ page }) => {
  await signIn(page, 'le-coordinator');
  await page.goto('/teams/leskovac/members');
  await page.locator('#q').fill('Ilić');
  await Promise.all([page.waitForURL(/[?&]q=Ili/), page.locator('#q').press('Enter')]);
  await expect(page.locator('#results')).toContainText('Дејан Илић');
  await expect(page.locator('#results')).not.toContainText('Милена Стојановић');
});
