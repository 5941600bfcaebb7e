import { test, expect, signIn } from './fixtures';

test('an institution saved without its name shows the error at the field and keeps what was typed', async ({ page }) => {
  await signIn(page, 'le-coordinator');
  await page.goto('/teams/leskovac/institutions/new');

  await page.locator('#short_name').fill('Тест');
  await page.locator('#address').fill('Булевар ослобођења 1, Лесковац');
  await page.locator('#email').fill('kontakt@example.org');
  await page.locator('#cooperation').fill('Заједничке трибине у школама.');
  await page.locator('main form button.primary').click();

  const error = page.locator('#name_cyrl-error');
  await expect(error).toBeVisible();
  await expect(error).not.toBeEmpty();
  await expect(page.locator('main [role="alert"]')).toBeVisible();
  // The error is tied to its field for assistive technology.
  await expect(page.locator('#name_cyrl')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#name_cyrl')).toHaveAttribute('aria-describedby', /name_cyrl-error/);

  await expect(page.locator('#short_name')).toHaveValue('Тест');
  await expect(page.locator('#address')).toHaveValue('Булевар ослобођења 1, Лесковац');
  await expect(page.locator('#email')).toHaveValue('kontakt@example.org');
  await expect(page.locator('#cooperation')).toHaveValue('Заједничке трибине у школама.');
});

test('an empty institution form is refused with the error next to the Cyrillic name', async ({ page }) => {
  await signIn(page, 'le-coordinator');
  await page.goto('/teams/leskovac/institutions/new');
  await page.locator('main form button.primary').click();
  await expect(page.locator('#name_cyrl-error')).toBeVisible();
  await expect(page).toHaveURL(/\/teams\/leskovac\/institutions(\/new)?$/);
});
