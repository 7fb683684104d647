import { test as base, expect, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeServer } from './browser-mode';

/**
 * `server`: a fresh browser-mode host per test (tests change the session, so none share
 * one). `app`: the page opened at the tokenised URL, once the bridge is connected and the
 * first engine statuses have arrived.
 */
export const test = base.extend<{ server: BrowserModeServer; app: Page }>({
  server: async ({}, use) => {
    const server = await startBrowserMode();
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
