import { test, expect, signIn, signOut, codeAt, freshCode, passSecondFactor, DEMO_PASSWORD } from './fixtures';

// Every test here may wait for fresh authenticator codes of the accounts it uses.
test.describe.configure({ timeout: 120_000 });

// le-social's second factor is reset and enrolled anew here; l-latin-data, which signs in as
// le-social with the demo's secret, runs before this file.
const WORKER = 'le-social';

/** Types the password and waits for the second step. */
async function password(page: import('@playwright/test').Page, username: string) {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.locator('form[action="/login"] button.primary').click(),
  ]);
}

test('a case worker signs in with a code, and neither the password alone nor a used code opens a case page', async ({ page }) => {
  await password(page, 'le-police');
  await expect(page).toHaveURL(/\/login\/second-factor/);
  // Half signed in is not signed in: a case page sends back to the sign-in page.
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/login\?/);

  await password(page, 'le-police');
  const code = await freshCode('le-police');
  await page.locator('#code').fill(code);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.locator('form[action="/login/second-factor"] button.primary').click(),
  ]);
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/cases$/);
  await signOut(page);

  // The same code a second time is refused.
  await password(page, 'le-police');
  await page.locator('#code').fill(code);
  await page.locator('form[action="/login/second-factor"] button.primary').click();
  await expect(page.locator('#code-error')).toBeVisible();
  await expect(page).toHaveURL(/\/login\/second-factor/);
  await passSecondFactor(page, 'le-police');
  await expect(page.locator('header form.who')).toBeVisible();
});

test('after a reset a case worker enrols an authenticator, and a recovery code works once', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto(`/admin/users?q=${WORKER}`);
  await page.locator(`main a[href^="/admin/users/"]`, { hasText: WORKER }).first().click();
  await page.locator('main a[href$="/second-factor/reset"]').click();
  await Promise.all([
    page.waitForURL(/factor_reset=1/),
    page.locator('main form button[type="submit"]').first().click(),
  ]);
  await expect(page.locator('main p.notice')).toBeVisible();
  await signOut(page);

  // The next sign-in leads through enrolment, and nowhere else.
  await password(page, WORKER);
  await expect(page).toHaveURL(/\/login\/enrol/);
  await expect(page.locator('figure.qr svg')).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login\?/);
  await password(page, WORKER);
  const secret = (await page.locator('#secret').innerText()).replace(/\s+/g, '');
  const step = Math.floor(Date.now() / 1000 / 30);
  await page.locator('#code').fill(codeAt(secret, step));
  await page.locator('form[action="/login/enrol"] button.primary').click();
  const codes = page.locator('#recovery-codes li');
  await expect(codes).toHaveCount(10);
  const recovery = await codes.first().innerText();
  await page.locator('main a.button.primary').click();
  await expect(page.locator('header form.who')).toBeVisible();
  await page.goto('/account/second-factor');
  await expect(page.locator('#codes-left')).toContainText('10');
  await signOut(page);

  // A recovery code instead of the app's code: once.
  await password(page, WORKER);
  await page.locator('#code').fill(recovery);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.locator('form[action="/login/second-factor"] button.primary').click(),
  ]);
  await page.goto('/account/second-factor');
  await expect(page.locator('#codes-left')).toContainText('9');
  await signOut(page);
  await password(page, WORKER);
  await page.locator('#code').fill(recovery);
  await page.locator('form[action="/login/second-factor"] button.primary').click();
  await expect(page.locator('#code-error')).toBeVisible();
  // The app's code of a later step still works.
  await page.locator('#code').fill(codeAt(secret, step + 1));
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.locator('form[action="/login/second-factor"] button.primary').click(),
  ]);
  await expect(page.locator('header form.who')).toBeVisible();
});

test('confirming again takes the password and a code, on a phone-sized screen', async ({ page }) => {
  // Waiting for a fresh step of the authenticator may take up to thirty seconds.
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'nis-police');
  // Some minutes later a sensitive act sends here; the page itself is reached the same way.
  await page.goto('/account/confirm?next=%2Fcases');
  await expect(page.locator('#code')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  // A wrong password is refused before the code is looked at.
  await page.locator('#password').fill('wrong password');
  await page.locator('#code').fill('000000');
  await page.locator('form[action="/account/confirm"] button.primary').click();
  await expect(page.locator('#confirm-error')).toBeVisible();
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('#code').fill(await freshCode('nis-police'));
  await Promise.all([
    page.waitForURL(/\/cases$/),
    page.locator('form[action="/account/confirm"] button.primary').click(),
  ]);
});

test('a passkey is added, and then signs in in place of a code', async ({ page }) => {
  // Browsers refuse an IP address as a passkey's site: the server takes its loopback
  // address as localhost.
  const local = (process.env.SPONA_BASE_URL ?? '').replace('127.0.0.1', 'localhost');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  // A member needs no second factor; once it has a passkey, its sign-in asks for one.
  const member = 'le-member';
  async function passwordAt(base: string) {
    await page.goto(`${base}/login`);
    await page.locator('#username').fill(member);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/login'),
      page.locator('form[action="/login"] button.primary').click(),
    ]);
  }
  await passwordAt(local);
  await page.goto(`${local}/account/second-factor`);
  await expect(page.locator('#no-passkeys')).toBeVisible();
  await page.locator('#passkey-name').fill('Службени телефон');
  await Promise.all([
    page.waitForURL(/passkey=added/),
    page.locator('#passkey-register button[type="submit"]').click(),
  ]);
  await expect(page.locator('#passkeys')).toContainText('Службени телефон');
  await signOut(page);

  await passwordAt(local);
  await expect(page).toHaveURL(/\/login\/second-factor/);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.locator('#passkey-sign-in button[type="submit"]').click(),
  ]);
  await expect(page.locator('header form.who')).toBeVisible();
  await page.goto(`${local}/account/second-factor`);
  await expect(page.locator('#passkeys')).toContainText('последњи пут коришћен');

  // Before a sensitive act, the passkey confirms in place of the password.
  await page.goto(`${local}/account/confirm?next=%2Fdashboard`);
  await Promise.all([
    page.waitForURL(/\/dashboard$/),
    page.locator('#passkey-confirm button[type="submit"]').click(),
  ]);
});
