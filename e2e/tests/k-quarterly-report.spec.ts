import AxeBuilder from '@axe-core/playwright';
import { test, expect, signIn, signOut } from './fixtures';

// The coordinator drafts the report of the last quarter that ended, writes its summary and
// submits it; the National Coordinator's office then finds it among the teams' reports.
const SUMMARY = 'У тромесечју су одржане трибине у средњим школама и обележен 30. јул.';

test('a quarterly report is drafted, edited, submitted and seen in the national view', async ({ page }) => {
  await signIn(page, 'le-coordinator');
  await page.goto('/reports');
  const period = await page.locator('#period').inputValue();
  expect(period).toMatch(/^\d{4}-Q[1-4]$/);
  await Promise.all([
    page.waitForURL(/\/reports\/\d+$/),
    page.locator('main form[action="/reports"] button.primary').click(),
  ]);
  const reportPath = new URL(page.url()).pathname;
  await expect(page.locator('main')).toContainText('Ово је нацрт');
  await expect(page.locator('main svg[role="img"]').first()).toBeVisible();

  await page.locator(`main a[href="${reportPath}/edit"]`).click();
  await page.locator('#summary').fill(SUMMARY);
  await Promise.all([
    page.waitForURL(reportPath),
    page.locator('main form button.primary').click(),
  ]);
  await expect(page.locator('main')).toContainText(SUMMARY);

  await page.locator(`main a[href="${reportPath}/submit"]`).click();
  await expect(page.locator('main')).toContainText(period);
  await Promise.all([
    page.waitForURL(reportPath),
    page.locator('main form button.primary').click(),
  ]);
  await expect(page.locator('#integrity')).toBeVisible();
  await expect(page.locator(`main a[href="${reportPath}/edit"]`)).toHaveCount(0);
  await signOut(page);

  await signIn(page, 'national');
  await page.goto('/reports');
  await page.locator('#period').fill(period);
  await page.locator('main form.search button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`period=${period}`));
  const row = page.locator('main table tbody tr', { hasText: period });
  await expect(row).toContainText('Лесков');
  await expect(page.locator('main')).toContainText(`Национални збир за ${period}`);
  await row.locator(`a[href="${reportPath}"]`).click();
  await expect(page.locator('main')).toContainText(SUMMARY);
  await expect(page.locator('main form[action$="/acknowledge"]')).toBeVisible();
});

test('the reports and statistics pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page, 'le-coordinator');
  for (const path of ['/reports', '/statistics', '/plan']) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, path).toEqual([]);
  }
  // A submitted report of the previous test, with its charts and tables.
  await page.goto('/reports');
  await page.locator('main table a').first().click();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
