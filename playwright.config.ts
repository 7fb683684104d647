import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

/**
 * `web` drives browser mode in Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH, or a
 * Playwright-installed browser). `electron` launches the desktop app where its binary
 * exists and reports itself skipped, with the reason, where it does not.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    trace: 'off',
    screenshot: 'only-on-failure'
  },
  projects: [
    {
      name: 'web',
      testMatch: /web\/.*\.spec\.ts/,
      use: { launchOptions: chromiumLaunchOptions() }
    },
    {
      name: 'electron',
      testMatch: /electron\/.*\.spec\.ts/
    }
  ]
});
