import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import type { BrowserModeServer } from '../support/browser-mode';

/** Where the live views' specs write their screenshots. */
export const SCREENSHOTS = 'e2e/screenshots';

/** Axe findings that matter here: serious or critical, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** A second client of the host (Node `ws`), to drive the session from a test. */
export interface HostClient {
  invoke(command: string, payload: unknown): Promise<{ ok: boolean; data?: unknown; error?: unknown }>;
  close(): void;
}

export async function connectHost(server: BrowserModeServer): Promise<HostClient> {
  const url = new URL(server.url);
  const socket = new WebSocket(`ws://${url.host}/ws?token=${server.token}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: { ok: boolean; data?: unknown; error?: unknown }) => void>();
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as { kind: string; id?: number; result?: { ok: boolean } };
    if (message.kind === 'result' && typeof message.id === 'number') pending.get(message.id)?.(message.result ?? { ok: false });
  });
  return {
    invoke: (command, payload) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ kind: 'invoke', id, command, payload }));
      }),
    close: () => socket.close()
  };
}

/** Switches the theme the way a user does (the header button), waiting for it to apply. */
export async function setTheme(page: Page, theme: 'dark' | 'light'): Promise<void> {
  const current = await page.locator('html').getAttribute('data-theme');
  if (current !== theme) await page.getByRole('button', { name: /(Light|Dark) theme/ }).click();
  await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' });
  await page.waitForTimeout(250);
}

/** The on-screen type size of each matched element: its CSS size times the zoom it is drawn at. */
export async function renderedFontPx(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((el) => (Number.parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().height) / (el as HTMLElement).offsetHeight)
  );
}

/** The event types of the timeline's rows in view, top to bottom. */
export async function visibleTypes(page: Page): Promise<string[]> {
  return page.locator('.tl-list .tl-row[data-event-type]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-type') ?? ''));
}

/** Ticks one option of a filter bar multi-select (`Types`, `Hide sources`, …) and closes it. */
export async function chooseOption(page: Page, menu: string, option: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${menu}`) }).click();
  await page.getByRole('group', { name: menu }).getByRole('checkbox', { name: option, exact: true }).check();
  await page.keyboard.press('Escape');
}

/**
 * Screenshots `name` at 1280×720 and 1440×900 in both themes into `SCREENSHOTS`
 * (`<name>-<w>x<h>-<theme>.png`), each checked by axe for serious or critical findings.
 */
export async function shootAtBothSizesAndThemes(page: Page, name: string): Promise<string[]> {
  const findings: string[] = [];
  for (const [width, height] of [
    [1280, 720],
    [1440, 900]
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const theme of ['dark', 'light'] as const) {
      await setTheme(page, theme);
      await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}x${height}-${theme}.png` });
      findings.push(...(await seriousViolations(page)).map((f) => `${width}x${height} ${theme}: ${f}`));
    }
  }
  return findings;
}
