import AxeBuilder from '@axe-core/playwright';
import { test, expect, DEMO_PASSWORD, passSecondFactor } from './fixtures';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';

// Issue 12: a case's whole way through the team, as its users walk it, on a phone and on a
// desktop, in Cyrillic, Latin and English: the police report a person and refer the case to
// the Centre for Social Work; the Centre accepts and starts a service; the police record the
// identification's outcome and close the case. And the child protocol: a child reported by
// the police reaches the Centre at once, with its deadline in Serbian local time. Every page
// visited is checked with axe.

type Script = 'sr-Cyrl' | 'sr-Latn' | 'en';

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const CYRILLIC = /[\u0400-\u04FF]/;
/** The Centre for Social Work in any script the page shows it in. */
const CENTRE = /Центар за социјални рад|Centar za socijalni rad/;

/** Serious or critical WCAG 2.1 A/AA violations on the page, as readable lines. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `accessibility of ${page.url()}`).toEqual([]);
}

/** On a Latin or English page, the main content holds no Cyrillic (user data included). */
async function expectScriptOfPage(page: Page, script: Script) {
  if (script === 'sr-Cyrl') return;
  const text = await page.locator('main').innerText();
  const at = text.search(CYRILLIC);
  expect(at, `Cyrillic on a ${script} page ${page.url()}: …${text.slice(Math.max(0, at - 40), at + 40)}…`).toBe(-1);
}

/** Chooses the script on the sign-in page, signs in, and checks the choice survived. */
async function signInWith(browser: Browser, device: BrowserContextOptions, user: string, script: Script): Promise<Page> {
  const context = await browser.newContext({ ...device, baseURL: process.env.SPONA_BASE_URL });
  const page = await context.newPage();
  await page.goto('/login');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/login'),
    page.locator(`header form.lang button[value="${script}"]`).click(),
  ]);
  await expectAccessible(page);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.locator('form[action="/login"] button.primary').click(),
  ]);
  if (new URL(page.url()).pathname === '/login/second-factor') {
    await expect(page.locator('html'), 'the second step is in the script chosen').toHaveAttribute('lang', script);
    await expectAccessible(page);
    await passSecondFactor(page, user);
  }
  await expect(page.locator('html'), 'the script chosen at sign-in is kept').toHaveAttribute('lang', script);
  await expectAccessible(page);
  return page;
}

/** Visits a page and checks it: accessible, and in the page's script. */
async function visit(page: Page, path: string, script: Script) {
  await page.goto(path);
  await expect(page.locator('main h1')).toBeVisible();
  await expectAccessible(page);
  await expectScriptOfPage(page, script);
}

/** Submits a form with the button and waits for the page that answers it to load. */
async function submit(page: Page, button: ReturnType<Page['locator']>) {
  const navigated = page.waitForEvent('framenavigated', (f) => f === page.mainFrame());
  await button.click();
  await navigated;
  await page.waitForLoadState('load');
}

/** Chooses the option of a select whose text matches, whatever the page's script. */
async function chooseOption(page: Page, select: string, text: RegExp) {
  const options = await page.locator(`${select} option`).evaluateAll((os) =>
    os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
  );
  const found = options.find((o) => text.test(o.text));
  expect(found, `an option like ${text} in ${select}`).toBeDefined();
  await page.locator(select).selectOption(found!.value);
}

/** Reports a person as the police; returns the case's path and its code. */
async function report(page: Page, script: Script, name: string, age: string, child: boolean) {
  await visit(page, '/cases/new', script);
  await page.locator('#reporter_kind').selectOption('team-official');
  await page.locator('#given_name').fill(name);
  await page.locator('#estimated_age').fill(age);
  if (child) await page.locator('#may_be_child').check();
  await Promise.all([
    page.waitForURL(/\/cases\/\d+/),
    page.locator('main form button.primary[type="submit"]').last().click(),
  ]);
  await expectAccessible(page);
  await expectScriptOfPage(page, script);
  const path = new URL(page.url()).pathname;
  const code = ((await page.locator('main h1').innerText()).match(/(ЛЕ|LE)-\d{4}-\d{4}/) ?? [''])[0];
  expect(code, 'the case has its code in the heading').not.toBe('');
  return { path, code };
}

/** Walks a case from report to closure; `police` and `social` are each one person's script. */
async function walkCase(browser: Browser, device: BrowserContextOptions, police: Script, social: Script) {
  const name = `Јована${Date.now() % 100000}`;
  const purpose = 'Смештај и разговор; одазива се на надимак Цеца';
  const officer = await signInWith(browser, device, 'le-police', police);
  const { path, code } = await report(officer, police, name, '30', false);

  // The referral is refused for want of consent: the message is where the officer is, and
  // after the consent is recorded the referral comes back as typed.
  const form = officer.locator('#referral-form');
  await chooseOption(officer, '#to_institution', CENTRE);
  await officer.locator('#purpose').fill(purpose);
  await officer.locator('#part-identity').check();
  await officer.locator('#part-circumstances').check();
  await officer.locator('#urgency').selectOption('normal');
  await submit(officer, form.locator('button[type="submit"]'));
  // The page opens at the referral form, whose error leads to the consent form above it.
  await expect(form).toBeInViewport();
  await expect(officer.locator('main .error-summary')).toBeAttached();
  const toConsent = officer.locator('#override_reason-error a[href="#consent-h"]');
  await expect(toConsent).toBeVisible();
  await expectAccessible(officer);
  await toConsent.click();
  const consent = officer.locator('form[action*="/consents"]');
  await expect(officer.locator('#consent-h')).toBeInViewport();
  await officer.locator('#consent-explained').fill('Објашњено усмено, уз преводиоца.');
  await submit(officer, consent.locator('button[type="submit"]'));
  await expect(officer.locator('#purpose'), 'the referral is kept as typed after the consent').toHaveValue(purpose);
  await expect(officer.locator('#part-circumstances')).toBeChecked();
  await submit(officer, officer.locator('#referral-form button[type="submit"]'));
  await expect(officer.locator('main .notice').first()).toBeVisible();
  await expectAccessible(officer);

  // The Centre finds it in its inbox (in its own script) and accepts it.
  const centre = await signInWith(browser, device, 'le-social', social);
  await visit(centre, '/inbox', social);
  const shownCode = social === 'sr-Cyrl' ? code.replace('LE', 'ЛЕ') : code.replace('ЛЕ', 'LE');
  const referral = centre.locator('main article, main li, main section').filter({ hasText: shownCode }).last();
  await expect(referral).toBeVisible();
  await centre.goto(path);
  await expectAccessible(centre);
  await expectScriptOfPage(centre, social);
  if (social !== 'sr-Cyrl') {
    await expect(centre.locator('main')).toContainText(name.replace('Јована', 'Jovana'));
  } else {
    await expect(centre.locator('main')).toContainText(name);
  }
  await submit(centre, centre.locator('main button[name="action"][value="accept"]').first());
  await expectAccessible(centre);

  // The Centre starts a service (the form is folded under its summary).
  await centre.locator('#services-h ~ details > summary').click();
  await centre.locator('#service-type').selectOption('psychological');
  await centre.locator('#service-provider').fill('Саветовалиште ЦСР');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade' }).format(new Date());
  await centre.locator('#service-starts_on').fill(today);
  await centre.locator('#service-status').selectOption('ongoing');
  await submit(centre, centre.locator('form[action$="/services#services-h"] button[type="submit"]'));
  await expectScriptOfPage(centre, social);
  await expectAccessible(centre);

  // The police record the identification's steps and close the case; closing lists what is
  // still open and asks to confirm.
  await officer.goto(path);
  for (const step of ['refer-for-identification', 'record-outcome-identified', 'start-assistance', 'start-return-or-inclusion']) {
    await submit(officer, officer.locator(`main button[name="transition"][value="${step}"]`));
    await expectAccessible(officer);
  }
  await submit(officer, officer.locator(`main a.button[href$="?closing=1#close-confirm"]`));
  const confirm = officer.locator('#close-confirm');
  await expect(confirm).toBeInViewport();
  await expect(confirm.locator('.still-open li').first(), 'the running service is listed').toBeVisible();
  await expectAccessible(officer);
  await submit(officer, confirm.locator('button[name="transition"][value="close"]'));
  // The closed case says how it ended and when.
  const summary = await officer.locator('main').innerText();
  const year = today.slice(0, 4);
  expect(summary).toMatch(police === 'en' ? /formally identified/i : police === 'sr-Latn' ? /formalno identifikovan/i : /формално идентификован/i);
  expect(summary).toContain(year);
  await expectScriptOfPage(officer, police);
  await expectAccessible(officer);

  await officer.context().close();
  await centre.context().close();
}

test.describe('a case from report to closure', () => {
  test.setTimeout(120_000);

  test('on a phone: the police in Cyrillic, the Centre in Latin', async ({ browser }) => {
    await walkCase(browser, PHONE, 'sr-Cyrl', 'sr-Latn');
  });

  test('on a desktop: the police in English, the Centre in Cyrillic', async ({ browser }) => {
    await walkCase(browser, DESKTOP, 'en', 'sr-Cyrl');
  });
});

test('the child protocol on a phone: the Centre sees the urgent referral with its deadline in Belgrade time', async ({ browser }) => {
  test.setTimeout(60_000);
  const officer = await signInWith(browser, PHONE, 'le-police', 'sr-Latn');
  const reportedAt = Date.now();
  const { code } = await report(officer, 'sr-Latn', `Дете${Date.now() % 100000}`, '14', true);
  await officer.context().close();

  const centre = await signInWith(browser, PHONE, 'le-social', 'en');
  await visit(centre, '/inbox', 'en');
  const heading = centre.locator('main h3', { hasText: code.replace('ЛЕ', 'LE') });
  await expect(heading).toBeVisible();
  const marks = heading.locator('xpath=following-sibling::p[contains(@class, "marks")][1]');
  await expect(marks.locator('.badge.child').first()).toBeVisible();
  await expect(marks.locator('.badge.danger').first()).toBeVisible();
  // The protocol's 4-hour deadline, in local time (either minute, should the clock turn).
  const inBelgrade = (ms: number) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Belgrade', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
  const due = [reportedAt, reportedAt + 60_000].map((t) => inBelgrade(t + 4 * 3600_000));
  const item = await heading.locator('xpath=..').innerText();
  expect(due.some((d) => item.includes(d)), `the deadline ${due.join(' or ')} in: ${item}`).toBe(true);
  await centre.context().close();
});
