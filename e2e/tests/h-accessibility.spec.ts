import AxeBuilder from '@axe-core/playwright';
import { test, expect, signIn } from './fixtures';
import type { Page } from '@playwright/test';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the sign-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/login');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the dashboard and the team pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page, 'le-coordinator');
  for (const path of ['/dashboard', '/teams/leskovac/institutions', '/teams/leskovac/members', '/teams/leskovac/members/new']) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test("a case worker's case pages have no serious accessibility violations", async ({ page }) => {
  await signIn(page, 'le-police');
  for (const path of ['/cases', '/cases/new', '/inbox']) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
