import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import WebSocket from 'ws';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import type { BrowserModeServer } from '../support/browser-mode';

const SHOTS = join(import.meta.dirname, '..', 'screenshots');

/** Sends one command to the host over its WebSocket, as a second client would. */
async function invokeOnHost(server: BrowserModeServer, command: string, payload: unknown): Promise<unknown> {
  const socket = new WebSocket(`${server.origin.replace('http', 'ws')}/ws?token=${server.token}`, { headers: { Origin: server.origin } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const result = await new Promise<unknown>((resolve) => {
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { kind: string; id?: number; result?: unknown };
      if (message.kind === 'result' && message.id === 1) resolve(message.result);
    });
    socket.send(JSON.stringify({ kind: 'invoke', id: 1, command, payload }));
  });
  socket.close();
  return result;
}

async function expectNoSeriousAxeViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(`[data-testid="${view}"]`).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('performance view charts throughput, latency, queue waits, memory and slow operations', async ({ app, server }) => {
  await app.getByRole('tab', { name: 'Performance' }).click();
  const view = app.getByTestId('performance-view');
  await expect(view).toBeVisible();

  expect(await invokeOnHost(server, 'load.start', { eventsPerSecond: 2000, durationS: 2 })).toEqual({ ok: true, data: { started: true } });

  // The events/s chart's latest value follows the synthetic load.
  await expect(view.getByTestId('perf-latest-rate')).not.toHaveText(/^(—|0)$/, { timeout: 15_000 });
  await expect(view.locator('.recharts-line-curve').first()).toBeVisible();
  // Latency per operation, the engines' computations among them.
  await expect(view.getByTestId('perf-latency-chart')).toContainText('compute:aerodynamics');
  // The slow-operation table is never empty once something was timed.
  const rows = view.getByTestId('perf-slow-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(view.getByTestId('perf-slow-table')).toContainText('compute:');
  // Memory in MB.
  await expect(view.getByTestId('perf-latest-memory')).toContainText(/heap \d+(\.\d)? MB · RSS \d+(\.\d)? MB/);
  // Bus counters.
  await expect(view.getByTestId('perf-bus-published')).not.toContainText('—');

  // A threshold of 0 ms marks every operation slow.
  await view.getByLabel('Threshold (ms)').fill('0');
  await expect(view.getByTestId('perf-slow-table').locator('tbody tr').first()).toContainText('slow');

  // Grouping by engine lists the engines.
  await view.getByLabel('Group by').selectOption('engine');
  await expect(view.getByTestId('perf-latency-chart')).toContainText('aerodynamics');

  // The rate and memory charts take a time range; the chart stays drawn in each.
  const range = view.getByLabel('Time range of the rate and memory charts');
  await expect(range).toHaveValue('1');
  await expect(range.locator('option')).toHaveText(['last minute', 'last 5 minutes', 'all held']);
  for (const value of ['0', '2']) {
    await range.selectOption(value);
    await expect(view.locator('.recharts-line-curve').first()).toBeVisible();
  }

  await app.waitForTimeout(1000);
  for (const [width, height] of [
    [1280, 720],
    [1440, 900]
  ] as const) {
    await app.setViewportSize({ width, height });
    for (const theme of ['dark', 'light']) {
      await app.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      await app.waitForTimeout(300);
      await app.screenshot({ path: join(SHOTS, `performance-${width}x${height}-${theme}.png`) });
      await expectNoSeriousAxeViolations(app, 'performance-view');
    }
  }
});
