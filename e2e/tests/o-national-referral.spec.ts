import { test, expect, signIn, openMenu } from './fixtures';
import type { Browser, Page } from '@playwright/test';

// Issue 13: the national referral mechanism walked on a phone without JavaScript: a case
// referred across teams opens only as far as shared, the Centre's decision flows back into
// the case, and a case is handed over from the police to the Centre for Social Work.
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, javaScriptEnabled: false };

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ ...phone, baseURL: process.env.SPONA_BASE_URL });
  const page = await context.newPage();
  await signIn(page, username);
  // Other tests leave their language remembered for the account; these read Cyrillic.
  if ((await page.locator('html').getAttribute('lang')) !== 'sr-Cyrl') {
    await openMenu(page);
    await Promise.all([
      page.waitForLoadState('load'),
      page.locator('header form.lang button[value="sr-Cyrl"]').tap(),
    ]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl');
  }
  return page;
}

/** Reports an adult case; its code and its page's path. */
async function report(page: Page, name: string, narrative: string): Promise<{ code: string; path: string }> {
  await page.goto('/cases/new');
  await page.locator('#reporter_kind').selectOption('team-official');
  await page.locator('#given_name').fill(name);
  await page.locator('#estimated_age').fill('30');
  await page.locator('#narrative').fill(narrative);
  await Promise.all([
    page.waitForURL(/\/cases\/\d+/),
    page.locator('main form button.primary[type="submit"]').last().tap(),
  ]);
  const heading = (await page.locator('main h1').innerText()).trim();
  const code = heading.match(/[А-Я]{2}-\d{4}-\d{4}/)?.[0] ?? '';
  expect(code, heading).not.toBe('');
  return { code, path: new URL(page.url()).pathname };
}

/** Chooses, in a select, the option whose label starts with `label`. */
async function choose(page: Page, select: string, label: string): Promise<void> {
  const starts = new RegExp(`^\\s*${label}`);
  const value = await page.locator(`${select} option`, { hasText: starts }).first().getAttribute('value');
  expect(value, label).toBeTruthy();
  await page.locator(select).selectOption(value ?? '');
}

/** Refers the open case to `to`, sharing the identity only. */
async function refer(page: Page, to: string): Promise<void> {
  const form = page.locator('#referral-form');
  await choose(page, '#to_institution', to);
  await page.locator('#purpose').fill('Процена и подршка');
  await page.locator('#part-identity').check();
  await page.locator('#override_reason').fill('Особа је у непосредној опасности');
  await Promise.all([
    page.waitForURL(/referred=/),
    form.locator('button.primary[type="submit"]').tap(),
  ]);
}

test('a Niš police officer refers a case to the Leskovac Centre for Social Work, which sees only the identity', async ({ browser }) => {
  const police = await as(browser, 'nis-police');
  const name = `Особа${Date.now() % 100000}`;
  const narrative = 'Прича која није подељена';
  const { code } = await report(police, name, narrative);
  await refer(police, 'Центар за социјални рад Лесковац');
  await police.context().close();

  const social = await as(browser, 'le-social');
  await social.goto('/inbox');
  const referral = social.locator('main h3', { hasText: code });
  await expect(referral).toBeVisible();
  await referral.locator('a').tap();
  await expect(social.locator('main')).toContainText(name);
  await expect(social.locator('main')).not.toContainText(narrative);
  await social.context().close();
});

test('the Leskovac police refer a case to the Centre, whose decision appears in the case', async ({ browser }) => {
  const police = await as(browser, 'le-police');
  const { code, path } = await report(police, `Особа${Date.now() % 100000}`, 'Околности');
  await refer(police, 'Центар за заштиту ЖТЉ');

  const centre = await as(browser, 'centre');
  await centre.goto('/inbox');
  await centre.locator('main h3', { hasText: code }).locator('a').tap();
  await expect(centre).toHaveURL(new RegExp(`${path}$`));
  await Promise.all([
    centre.waitForURL(/answered=1/),
    centre.locator('main form[action$="/answer"] button[value="accept"]').first().tap(),
  ]);
  const decision = centre.locator('main form[id^="decision-"]');
  await decision.locator('input[name="decision"][value="identified"]').check();
  await decision.locator('input[name="decided_on"]').fill('2026-11-30');
  await Promise.all([
    centre.waitForURL(/answered=1/),
    decision.locator('button[value="complete"]').tap(),
  ]);
  await centre.context().close();

  await police.goto(path);
  await expect(police.locator('main')).toContainText('формално идентификовано');
  await police.context().close();
});

test('a case is handed over from the police to the Centre for Social Work', async ({ browser }) => {
  const police = await as(browser, 'le-police');
  const name = `Особа${Date.now() % 100000}`;
  const { code, path } = await report(police, name, 'Околности предаје');
  // The offer's form, with the directory, comes when asked for.
  await Promise.all([
    police.waitForURL(/form=transfer/),
    police.locator('#transfer-form a.button').tap(),
  ]);
  await choose(police, '#transfer_to', 'Центар за социјални рад Лесковац');
  await police.locator('#transfer_reason').fill('Рад са особом преузима ЦСР');
  await Promise.all([
    police.waitForURL(/offered=1/),
    police.locator('#transfer-form button[type="submit"]').tap(),
  ]);
  await expect(police.locator('#transfer-form')).toContainText('Предаја чека одговор');

  const social = await as(browser, 'le-social');
  await social.goto('/inbox');
  const offer = social.locator('main article', { has: social.locator('h3', { hasText: code }) }).filter({ hasText: 'Рад са особом преузима ЦСР' });
  await expect(offer).toBeVisible();
  await offer.locator('input[name="former_reads"]').check();
  await Promise.all([
    social.waitForURL(/taken_over=1/),
    offer.locator('button[value="accept"]').tap(),
  ]);
  await expect(social.locator('main')).toContainText('Случај је сада ваше установе');
  await expect(social.locator('main h1')).toContainText(code);
  await expect(social.locator('main')).toContainText(name);
  await social.context().close();

  // The police keep reading it and no longer work on it.
  await police.goto(path);
  await expect(police.locator('main')).toContainText(name);
  await expect(police.locator('#transfer-form')).toHaveCount(0);
  await expect(police.locator('#next-h')).toHaveCount(0);
  await police.context().close();
});
