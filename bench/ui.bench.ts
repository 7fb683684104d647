import { chromium } from '@playwright/test';
import WebSocket from 'ws';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { startBrowserMode } from '../e2e/support/browser-mode';
import { percentile, type BenchRow } from './measure';

/** What the benchmark reads in the page: its own frame counter and the renderer's debug hook. */
interface PageGlobals {
  __fps?: { frames: number };
  __flightdeck?: { timelineLagMs?: number[]; eventsReceived?: number };
}

const EVENTS_PER_SECOND = 10_000;
const DURATION_S = 30;

/**
 * The page under a synthetic stream: 10,000 events/s for 30 s through the real host into
 * the real renderer (browser mode, Chromium). Frames are counted with requestAnimationFrame;
 * the timeline's lag is how old the newest event is when it first appears on screen.
 * Needs a build (`npm run build`).
 */
export async function benchUi(): Promise<BenchRow[]> {
  const server = await startBrowserMode();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url);
    await page.locator('html[data-bridge="open"]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByRole('tab', { name: 'Timeline' }).click();
    // A frame counter in the page. Sent as source text: tsx would wrap a function's inner
    // names with a helper that does not exist in the page.
    await page.evaluate(`(() => {
      const probe = { frames: 0 };
      globalThis.__fps = probe;
      const tick = () => { probe.frames++; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/ws?token=${server.token}`, { headers: { Origin: server.origin } });
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ kind: 'invoke', id: 1, command: 'load.start', payload: { eventsPerSecond: EVENTS_PER_SECOND, durationS: DURATION_S } }));
    const framesAtStart = await page.evaluate(() => (globalThis as unknown as PageGlobals).__fps?.frames ?? 0);
    const startedAt = Date.now();
    await page.waitForTimeout(DURATION_S * 1000);
    const framesAtEnd = await page.evaluate(() => (globalThis as unknown as PageGlobals).__fps?.frames ?? 0);
    const seconds = (Date.now() - startedAt) / 1000;
    const lags = await page.evaluate(() => (globalThis as unknown as PageGlobals).__flightdeck?.timelineLagMs ?? []);
    const received = await page.evaluate(() => (globalThis as unknown as PageGlobals).__flightdeck?.eventsReceived ?? 0);
    ws.close();
    return [
      { key: 'ui.fpsUnderLoad', value: (framesAtEnd - framesAtStart) / seconds, unit: 'frames/s', note: `${EVENTS_PER_SECOND.toLocaleString('en-US')} events/s for ${DURATION_S} s, timeline tab, headless Chromium; ${received.toLocaleString('en-US')} events received` },
      { key: 'ui.timelineLagMs', value: lags.length ? percentile(lags, 95) : Number.NaN, unit: 'ms', note: `p95 of ${lags.length} samples; median ${lags.length ? percentile(lags, 50).toFixed(0) : '?'} ms` }
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
