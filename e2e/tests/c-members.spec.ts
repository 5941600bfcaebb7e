import { test, expect, signIn } from './fixtures';

// Written in Cyrillic, looked for in Latin: the search must find it across the two scripts.
const NAME = 'Драгана Живковић';
const NAME_IN_LATIN = 'Živković';

test('a coordinator adds a team member and finds it by searching in the other script', async ({ page }) => {
  await signIn(page, 'le-coordinator');
  await page.goto('/teams/leskovac/members/new');
  await expect(page.locator('main h1')).toBeVisible();

  await page.locator('#institution_id').selectOption({ label: 'Црвени крст Лесковац' });
  await page.locator('#full_name').fill(NAME);
  await page.locator('#position').fill('волонтерка');
  await page.locator('#team_role').selectOption('representative');
  await page.locator('#from_date').fill('2026-01-15');
  await Promise.all([
    page.waitForURL(/\/teams\/leskovac\/members\/\d+$/),
    page.locator('main form button.primary').click(),
  ]);

  await expect(page.locator('main h1')).toHaveText(NAME);
  await expect(page.locator('main dl.facts')).toContainText('ЦК Лесковац');
  await expect(page.locator('main dl.facts')).toContainText('волонтерка');
  const memberPath = new URL(page.url()).pathname;

  await page.goto('/teams/leskovac/members');
  await page.locator('#q').fill(NAME_IN_LATIN);
  await page.locator('#q').press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  const results = page.locator('#results');
  await expect(results.locator(`a[href="${memberPath}"]`)).toHaveText(NAME);
  // The search narrows: a member of the demo with another name is not among the results.
  await expect(results).not.toContainText('Милена Стојановић');
});

test('the members list finds a demo member by a Latin name without diacritics', async ({ page }) => {
  await signIn(page, 'le-coordinator');
  await page.goto('/teams/leskovac/members?q=stojanovic');
  await expect(page.locator('#results')).toContainText('Милена Стојановић');
  await expect(page.locator('#results')).not.toContainText('Дејан Илић');
});
