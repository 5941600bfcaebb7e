import { test, expect, signIn } from './fixtures';

// The coordinator drafts next year's plan with an activity that counts two events; a talk
// recorded against it in the register moves the plan's progress from 0 % to 50 %.
const PLAN = 'План координације 2027 (проба)';
const ACTIVITY = 'Две трибине у сеоским школама';

test('a plan activity counts the talks recorded against it', async ({ page }) => {
  await signIn(page, 'le-coordinator');

  await page.goto('/plan/new');
  await page.locator('#title').fill(PLAN);
  await page.locator('#starts_on').fill('2027-01-01');
  await page.locator('#ends_on').fill('2027-12-31');
  await Promise.all([
    page.waitForURL(/\/plan\/\d+$/),
    page.locator('main form button.primary').click(),
  ]);
  const planPath = new URL(page.url()).pathname;
  await expect(page.locator('main h1')).toHaveText(PLAN);

  await page.locator('main form[action$="/objectives"] #title').fill('Превенција у школама');
  await Promise.all([
    page.waitForURL(planPath),
    page.locator('main form[action$="/objectives"] button[type="submit"]').click(),
  ]);
  await page.locator(`main a[href^="${planPath}/activities/new"]`).first().click();
  await page.locator('#title').fill(ACTIVITY);
  await page.locator('#responsible').selectOption({ index: 1 });
  await page.locator('#deadline').fill('2027-06-15');
  await page.locator('#planned_events').fill('2');
  await Promise.all([
    page.waitForURL((url) => url.pathname === planPath),
    page.locator('main form button.primary').click(),
  ]);
  await expect(page.locator('#plan-progress-value')).toHaveText('0%');

  await page.goto('/activities/new');
  await page.locator('#title').fill('Трибина у ОШ у Печењевцу');
  await page.locator('#kind').selectOption('public-talk');
  await page.locator('#held_on').fill('2027-03-10');
  await page.locator('#place').fill('ОШ Печењевце');
  await page.locator('#pupils').fill('45');
  await page.locator('#plan_activity_id').selectOption({ label: ACTIVITY });
  await Promise.all([
    page.waitForURL(/\/activities\/\d+$/),
    page.locator('main form button.primary').click(),
  ]);
  const talkPath = new URL(page.url()).pathname;

  // The talk's page leads to the plan activity it carries out; there, progress has moved.
  await page.locator('main dl.facts a', { hasText: ACTIVITY }).click();
  await expect(page).toHaveURL(new RegExp(`${planPath}#activity-\\d+$`));
  await expect(page.locator('#plan-progress-value')).toHaveText('50%');
  const row = page.locator('main li[id^="activity-"]', { hasText: ACTIVITY });
  await expect(row).toContainText('1 / 2');
  await expect(row.locator(`a[href="${talkPath}"]`)).toBeVisible();
});
