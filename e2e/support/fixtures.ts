import { test as base, expect, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeServer } from './browser-mode';
import { writeHostConfig, type RestartPolicies } from './host-config';

/**
 * `server`: a fresh browser-mode host per test (tests change the session, so none share
 * one), with the restart policies of `restartPolicies` (`test.use({ restartPolicies: … })`;
 * none: resources/flightdeck.yaml as it is). `app`: the page opened at the tokenised URL, once
 * the bridge is connected and the first engine statuses have arrived.
 */
export const test = base.extend<{ restartPolicies: RestartPolicies; server: BrowserModeServer; app: Page }>({
  restartPolicies: [{}, { option: true }],
  server: async ({ restartPolicies }, use, testInfo) => {
    const args = Object.keys(restartPolicies).length > 0 ? ['--config', writeHostConfig(testInfo.outputPath('host'), restartPolicies)] : [];
    const server = await startBrowserMode(args);
    await use(server);
    await server.stop();
  },
  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    await page.locator('html[data-bridge="open"]').waitFor({ state: 'attached', timeout: 20_000 });
    await use(page);
  }
});

export { expect };
