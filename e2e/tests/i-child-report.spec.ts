import { test, expect, signIn } from './fixtures';

// Issue 3: a child reported on a phone reaches the Centre for Social Work at once.
test.use({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
});

test('a child reported on a phone appears at once in the social worker\'s inbox as urgent', async ({ browser }) => {
  const police = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await police.newPage();
  await signIn(page, 'le-police');
  await page.goto('/cases/new');
  await page.locator('#reporter_kind').selectOption('team-official');
  const name = `Дете${Date.now() % 100000}`;
  await page.locator('#given_name').fill(name);
  await page.locator('#estimated_age').fill('14');
  await page.locator('#may_be_child').check();
  await Promise.all([
    page.waitForURL(/\/cases\/\d+/),
    page.locator('main form button.primary[type="submit"]').last().tap(),
  ]);
  const heading = (await page.locator('main h1').innerText()).trim();
  const code = heading.match(/ЛЕ-\d{4}-\d{4}/)?.[0] ?? '';
  expect(code, heading).not.toBe('');
  await expect(page.locator('main .notice').first()).toBeVisible();
  await police.close();

  const social = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const inbox = await social.newPage();
  await signIn(inbox, 'le-social');
  await inbox.goto('/inbox');
  const referral = inbox.locator('main h3', { hasText: code });
  await expect(referral).toBeVisible();
  const marks = referral.locator('xpath=following-sibling::p[contains(@class, "marks")][1]');
  await expect(marks.locator('.badge.child').first()).toBeVisible();
  await expect(marks.locator('.badge.danger').first()).toBeVisible();
  // The case opens for the Centre, with the child's name, because the protocol shared it.
  await referral.locator('a').click();
  await expect(inbox.locator('main')).toContainText(name);
  await social.close();
});
