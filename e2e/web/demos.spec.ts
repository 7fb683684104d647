import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { test, expect } from '../support/fixtures';
import { renderedFontPx, SCREENSHOTS, seriousViolations, setTheme } from './live-helpers';

const DEMOS_DIR = 'resources/demos';
const SHIPPED = readdirSync(DEMOS_DIR)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => {
    const doc = parse(readFileSync(join(DEMOS_DIR, file), 'utf8')) as { name: string; steps: unknown[] };
    return { id: file.replace(/\.yaml$/, ''), name: doc.name, steps: doc.steps.length };
  });

async function openMenu(app: Page): Promise<void> {
  const menu = app.getByTestId('demo-menu');
  if (!(await menu.isVisible())) await app.getByRole('button', { name: 'Present ▾' }).click();
  await expect(menu).toBeVisible();
}

/** Starts a shipped demo from the Present menu, its pauses halved. */
async function playDemo(app: Page, name: string): Promise<void> {
  await openMenu(app);
  await app.getByTestId('demo-pacing').selectOption('0.5');
  await app.getByRole('button', { name: `Play ${name}` }).click();
  await expect(app.getByTestId('demo-menu')).toBeHidden();
}

/** Waits until step `n` has run (it holds before the next), or fails with the demo's error. */
async function waitForStepDone(app: Page, n: number, total: number): Promise<void> {
  const bar = app.getByTestId('demo-bar');
  await expect(bar.getByTestId('demo-step')).toHaveText(`step ${n} / ${total}`, { timeout: 60_000 });
  await expect(bar).toHaveAttribute('data-status', /^(playing|finished|stopped)$/, { timeout: 120_000 });
  if ((await bar.getAttribute('data-status')) === 'stopped') throw new Error(`demo stopped at step ${n}: ${await bar.getByTestId('demo-error').textContent()}`);
}

for (const demo of SHIPPED) {
  test(`the shipped demo "${demo.name}" plays every step to the end`, async ({ app }) => {
    test.setTimeout(240_000);
    await playDemo(app, demo.name);
    const bar = app.getByTestId('demo-bar');
    for (let n = 1; n <= demo.steps; n++) {
      await waitForStepDone(app, n, demo.steps);
      await app.screenshot({ path: `${SCREENSHOTS}/demo-${demo.id}-step${n}.png` });
      // The presenter's clicker: skip the rest of the pause (the step itself has run).
      if (n < demo.steps) await app.keyboard.press('ArrowRight');
    }
    await expect(bar).toHaveAttribute('data-status', 'finished', { timeout: 10_000 });
    await expect(bar.getByTestId('demo-error')).toHaveCount(0);
  });
}

test('previous shows the earlier caption and pauses; p resumes', async ({ app }) => {
  await playDemo(app, 'A fault and its recovery');
  const bar = app.getByTestId('demo-bar');
  const total = SHIPPED.find((d) => d.id === 'fault-and-recovery')?.steps ?? 0;
  await waitForStepDone(app, 1, total);
  await app.keyboard.press('PageDown');
  await waitForStepDone(app, 2, total);
  await expect(app.getByRole('tab', { name: /Actions/ })).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('PageUp');
  await expect(bar.getByTestId('demo-step')).toHaveText(`step 1 / ${total}`);
  await expect(bar).toHaveAttribute('data-status', 'paused');
  await expect(bar.getByTestId('demo-caption')).toHaveText("Six engines, all healthy. Let's break one on purpose.");
  await app.keyboard.press('b');
  await expect(bar.getByTestId('demo-step')).toHaveText(`step 2 / ${total}`, { timeout: 10_000 });
  await app.getByRole('button', { name: 'Close the demo' }).click();
  await expect(bar).toHaveCount(0);
});

test('a demo file with mistakes is refused with errors naming the step and the field', async ({ app }) => {
  await openMenu(app);
  const bad = 'name: Broken\nsteps:\n  - injectFault: { engine: propulsion, kind: explode }\n  - waitForEvent: { type: engine_restarted }\n';
  await app.getByTestId('demo-file').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bad) });
  const errors = app.getByTestId('demo-load-errors');
  await expect(errors).toContainText("steps[0].injectFault.kind: Invalid discriminator value. Expected 'crash' | 'slow' | 'fail'");
  await expect(errors).toContainText('steps[1].waitForEvent.timeoutMs');
  await expect(app.getByTestId('demo-bar')).toHaveCount(0);

  const good = 'name: Mine\nsteps:\n  - caption: { text: Hello room, holdMs: 60000 }\n';
  await app.getByTestId('demo-file').setInputFiles({ name: 'mine.yaml', mimeType: 'text/yaml', buffer: Buffer.from(good) });
  await expect(app.getByTestId('demo-caption')).toHaveText('Hello room');
});

test('presenter mode: large type and the caption bar at 1280×720 and 1440×900 in both themes, no serious axe finding', async ({ app }) => {
  await playDemo(app, 'A design trade-off');
  await waitForStepDone(app, 1, SHIPPED.find((d) => d.id === 'design-trade-off')?.steps ?? 0);
  await app.keyboard.press('p');
  await app.keyboard.press('f');
  await expect(app.locator('html')).toHaveAttribute('data-presenter', 'true');
  const baseFontPx = await app.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(baseFontPx).toBeGreaterThanOrEqual(18);
  await app.getByRole('tab', { name: /Timeline/ }).click();
  const rowFontPx = await app.locator('.tl-row[data-event-type]').first().evaluate((row) => parseFloat(getComputedStyle(row).fontSize));
  expect(rowFontPx).toBeGreaterThanOrEqual(16);
  await expect(app.getByTestId('demo-caption')).toHaveText('The F/A-18E Super Hornet, as built: two F414-GE-400 engines.');
  for (const [width, height] of [
    [1280, 720],
    [1440, 900]
  ] as const) {
    await app.setViewportSize({ width, height });
    // The graph has the whole left column: its engine names read at 16 px or more.
    await expect.poll(async () => Math.min(...(await renderedFontPx(app, '.gr-node-name')))).toBeGreaterThanOrEqual(16);
    for (const theme of ['dark', 'light'] as const) {
      await setTheme(app, theme);
      await app.screenshot({ path: `${SCREENSHOTS}/presenter-${width}x${height}-${theme}.png` });
      expect(await seriousViolations(app)).toEqual([]);
    }
  }
});

test('the UI scale persists and scales the type', async ({ app }) => {
  await openMenu(app);
  await app.getByTestId('ui-scale').fill('150');
  await expect(app.getByTestId('demo-menu')).toContainText('150 %');
  const fontPx = (): Promise<number> => app.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(await fontPx()).toBeCloseTo(19.5, 1);
  await app.reload();
  await app.locator('html[data-bridge="open"]').waitFor({ state: 'attached' });
  expect(await fontPx()).toBeCloseTo(19.5, 1);

  // The largest scale still lays out: the timeline's rows grow with the type.
  await openMenu(app);
  await app.getByTestId('ui-scale').fill('200');
  await app.getByRole('button', { name: 'Present ▾' }).click();
  expect(await fontPx()).toBeCloseTo(26, 1);
  const rowHeight = await app.locator('.tl-row[data-event-type]').first().evaluate((row) => row.getBoundingClientRect().height);
  expect(rowHeight).toBe(48);
  await app.screenshot({ path: `${SCREENSHOTS}/ui-scale-200-dark.png` });
  expect(await seriousViolations(app)).toEqual([]);
});

test('the load generator starts and stops from the Actions view; the session saves as a demo with it', async ({ app }) => {
  await app.getByRole('tab', { name: /Actions/ }).click();
  const panel = app.getByTestId('load-panel');
  await panel.getByTestId('load-rate').fill('2000');
  await panel.getByLabel('until stopped').check();
  await expect(panel.getByTestId('load-duration')).toBeDisabled();
  await panel.getByRole('button', { name: 'Start load' }).click();
  const status = panel.getByTestId('load-status');
  await expect(status).toContainText('running');
  await expect(status).toContainText('2,000 events/s until stopped');
  await expect(status).toContainText(/[\d,]+ published/);
  await panel.scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SCREENSHOTS}/load-running-dark.png` });
  await panel.getByRole('button', { name: 'Stop load' }).click();
  await expect(status).toContainText(/idle.*The last run published [\d,]+ events\./);
  const published = Number((await status.textContent())?.match(/published ([\d,]+)/)?.[1]?.replace(/,/g, ''));
  expect(published).toBeGreaterThan(0);

  // Read-only while looking at an earlier moment: the buttons say why.
  await app.keyboard.press('[');
  await expect(panel.getByRole('button', { name: 'Start load' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Start load' })).toHaveAttribute('title', /Read-only/);
  await app.keyboard.press('l');
  await expect(panel.getByRole('button', { name: 'Start load' })).toBeEnabled();

  await openMenu(app);
  const download = app.waitForEvent('download');
  await app.getByTestId('demo-menu').getByRole('button', { name: /as a demo/ }).click();
  const file = await (await download).path();
  const saved = parse(readFileSync(file, 'utf8')) as { steps: Record<string, unknown>[] };
  expect(saved.steps).toContainEqual({ loadScenario: 'f22a' });
  const load = saved.steps.find((step) => 'startLoad' in step)?.startLoad as { eventsPerSecond: number; durationS: number } | undefined;
  expect(load?.eventsPerSecond).toBeGreaterThan(500);
  expect(load?.durationS).toBeGreaterThanOrEqual(1);
});

test('a recorded session saves as a demo from the Sessions view, and the file plays', async ({ app }) => {
  await app.getByRole('tab', { name: /Sessions/ }).click();
  const row = app.getByTestId('session-row').first();
  const download = app.waitForEvent('download');
  await row.getByRole('button', { name: /as a demo/ }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  expect((parse(text) as { steps: unknown[] }).steps).toContainEqual({ loadScenario: 'f22a' });
  await openMenu(app);
  await app.getByTestId('demo-file').setInputFiles({ name: 'saved.yaml', mimeType: 'text/yaml', buffer: Buffer.from(text) });
  await expect(app.getByTestId('demo-bar')).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
  await expect(app.getByTestId('demo-error')).toHaveCount(0);
});
