import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests of Spona: Debian's Chromium (never a downloaded browser) driving the real
 * `spona` binary, which global-setup.ts starts on a free loopback port over a fresh demo.
 */
export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  // The tests share one server and change its data (a new member, a user's language), so
  // they run one at a time, in file order, and a failure is never retried into a pass.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A sign-in of a case worker may wait up to thirty seconds for a fresh authenticator code
  // (each code is accepted once), on top of the test's own work.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // CI also asks for a JSON summary (SPONA_E2E_JSON=path) to prove that tests really ran.
  reporter: process.env.SPONA_E2E_JSON
    ? [['list'], ['json', { outputFile: process.env.SPONA_E2E_JSON }]]
    : [['list']],
  // Traces and screenshots of failures; a run clears the folder first, so two runs at once
  // (CI beside a developer's run) each need their own (SPONA_E2E_OUTPUT).
  outputDir: process.env.SPONA_E2E_OUTPUT ?? './test-results',
  use: {
    ...devices['Desktop Chrome'],
    headless: true,
    locale: 'sr-RS',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
