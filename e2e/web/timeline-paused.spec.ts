import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { connectHost, SCREENSHOTS, seriousViolations } from './live-helpers';

/** Rows of the timeline inside its visible box, and the seq of the last of them. */
async function rowsInView(page: Page): Promise<{ rows: number; lastSeq: number }> {
  return page.locator('.tl-list').evaluate((list) => {
    const box = list.getBoundingClientRect();
    let rows = 0;
    let lastSeq = 0;
    for (const row of list.querySelectorAll('[data-seq]')) {
      const r = row.getBoundingClientRect();
      if (r.bottom <= box.top || r.top >= box.bottom) continue;
      rows++;
      lastSeq = Math.max(lastSeq, Number(row.getAttribute('data-seq')));
    }
    return { rows, lastSeq };
  });
}

const row = (page: Page, seq: string): Locator => page.locator(`.tl-list .tl-row[data-seq="${seq}"]`);

test('under load the followed timeline is drawn every time it is looked at, ending at the newest events', async ({ app, server }) => {
  const host = await connectHost(server);
  expect((await host.invoke('load.start', { eventsPerSecond: 5000, durationS: 5 })).ok).toBe(true);
  await expect.poll(async () => (await rowsInView(app)).lastSeq, { timeout: 20_000 }).toBeGreaterThan(2000);
  const samples: { rows: number; lastSeq: number }[] = [];
  for (let i = 0; i < 15; i++) {
    samples.push(await rowsInView(app));
    await app.waitForTimeout(100);
  }
  // The list was blank in some frames before (its rows were those of the previous scroll offset).
  for (const sample of samples) expect(sample.rows).toBeGreaterThanOrEqual(10);
  expect(samples.at(-1)?.lastSeq).toBeGreaterThan(samples[0]?.lastSeq ?? 0);
  await app.screenshot({ path: `${SCREENSHOTS}/timeline-under-load.png` });
  host.close();
});

test('paused, the selected row stays on screen while the detail pane opens and closes; the noise switch hides load and metrics', async ({ app, server }) => {
  const host = await connectHost(server);
  expect((await host.invoke('load.start', { eventsPerSecond: 2000, durationS: 2 })).ok).toBe(true);
  await expect.poll(async () => (await rowsInView(app)).lastSeq, { timeout: 20_000 }).toBeGreaterThan(3000);
  await app.locator('.tl-toolbar').click();
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: /Jump to newest/ })).toBeVisible();

  const target = app.locator('.tl-list .tl-row[data-seq]').nth(6);
  const seq = (await target.getAttribute('data-seq')) as string;
  await target.click();
  await expect(app.getByRole('button', { name: 'Close event details' })).toBeVisible();
  await expect(row(app, seq)).toBeInViewport();
  await expect(row(app, seq)).toHaveAttribute('aria-selected', 'true');
  await app.getByRole('button', { name: 'Close event details' }).click();
  await expect(app.getByRole('button', { name: 'Close event details' })).toBeHidden();
  await expect(row(app, seq)).toBeInViewport();

  await app.getByRole('button', { name: /Jump to newest/ }).click();
  await host.invoke('scenario.load', { scenarioId: 'typhoon' });
  await app.getByLabel('Hide noise').check();
  await expect.poll(async () => app.locator('.tl-list .tl-row[data-event-type]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-type')))).not.toContain('synthetic_load');
  const types = await app.locator('.tl-list .tl-row[data-event-type]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-type')));
  expect(types).not.toContain('performance_updated');
  expect(types).toContain('engine_output');
  await app.screenshot({ path: `${SCREENSHOTS}/timeline-noise-hidden.png` });
  expect(await seriousViolations(app)).toEqual([]);
  await app.getByLabel('Hide noise').uncheck();
  host.close();
});
