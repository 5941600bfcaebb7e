import { test, expect, signIn } from './fixtures';

test("another team's coordinator gets the not-found page for the Leskovac team", async ({ page }) => {
  await signIn(page, 'nis-coordinator');

  for (const path of ['/teams/leskovac', '/teams/leskovac/members', '/teams/leskovac/institutions']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator('main h1')).toBeVisible();
    // Nothing of the Leskovac team shows through.
    await expect(page.locator('main')).not.toContainText('Лесковац');
  }

  // The own team opens as usual.
  const own = await page.goto('/teams/nis');
  expect(own?.status()).toBe(200);
});
