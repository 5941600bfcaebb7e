import { test, expect, signIn } from './fixtures';

// Issue 12: on a long phone page, a refused referral opens at its form (the error summary at
// the top links to the field), without JavaScript, and keeps what was typed.
test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  javaScriptEnabled: false,
});

test('a refused referral reloads at its form with the summary linking to the field', async ({ page }) => {
  await signIn(page, 'le-police');
  await page.goto('/cases/new');
  await page.locator('#reporter_kind').selectOption('team-official');
  await page.locator('#given_name').fill(`Особа${Date.now() % 100000}`);
  await page.locator('#estimated_age').fill('30');
  await Promise.all([
    page.waitForURL(/\/cases\/\d+/),
    page.locator('main form button.primary[type="submit"]').last().tap(),
  ]);
  const form = page.locator('#referral-form');
  await page.locator('#to_institution').selectOption({ label: 'Дом здравља Лесковац' });
  await page.locator('#part-identity').check();
  await page.locator('#override_reason').fill('Хитан преглед');
  await Promise.all([
    page.waitForURL(/\/referrals#referral-form$/),
    form.locator('button.primary[type="submit"]').tap(),
  ]);
  // The page opened at the form, not at its top four screens up.
  await expect(form).toBeInViewport();
  await expect(page.locator('main h1')).not.toBeInViewport();
  await expect(form.locator('#purpose-error')).toBeVisible();
  await expect(page.locator('#override_reason')).toHaveValue('Хитан преглед');
  await expect(page.locator('#part-identity')).toBeChecked();
  // The summary at the top links to the field.
  const summary = page.locator('.error-summary');
  await expect(summary.locator('a[href="#purpose"]')).toHaveCount(1);
});
