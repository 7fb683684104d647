import { chromium } from '@playwright/test';
import WebSocket from 'ws';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { startBrowserMode } from '../e2e/support/browser-mode';
import { percentile, type BenchRow } from './measure';

/** What the benchmark reads in the page: its own frame counter and the renderer's debug hook. */
interface PageGlobals {
  __fps?: { frames: number; full: number; newest: number; minRows: number; measuring: boolean };
  __flightdeck?: { timelineLagMs?: number[]; eventsReceived?: number };
}

const EVENTS_PER_SECOND = 10_000;
const DURATION_S = 30;
/** The timeline's row height (EventList's ROW_HEIGHT_PX). */
const ROW_HEIGHT_PX = 24;

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
    // Each frame it also reads what the timeline drew: the rows in view (a frame counts as full
    // when they fill the list) and whether the last of them is the newest event the page held
    // at the frame before (what a frame can show at best).
    await page.evaluate(`(() => {
      const probe = { frames: 0, full: 0, newest: 0, minRows: Infinity, measuring: false };
      globalThis.__fps = probe;
      let heldBefore = 0;
      const tick = () => {
        probe.frames++;
        if (probe.measuring) {
          const list = document.querySelector('.tl-list');
          const box = list ? list.getBoundingClientRect() : null;
          let rows = 0;
          let last = 0;
          if (list && box) {
            for (const row of list.querySelectorAll('[data-seq]')) {
              const r = row.getBoundingClientRect();
              if (r.bottom <= box.top || r.top >= box.bottom) continue;
              rows++;
              last = Math.max(last, Number(row.getAttribute('data-seq')));
            }
          }
          const room = box ? Math.floor(box.height / ${ROW_HEIGHT_PX}) - 1 : 1;
          probe.minRows = Math.min(probe.minRows, rows);
          if (rows >= room) probe.full++;
          if (rows >= room && last >= heldBefore) probe.newest++;
        }
        heldBefore = globalThis.__flightdeck ? globalThis.__flightdeck.newestReceivedSeq : 0;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/ws?token=${server.token}`, { headers: { Origin: server.origin } });
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ kind: 'invoke', id: 1, command: 'load.start', payload: { eventsPerSecond: EVENTS_PER_SECOND, durationS: DURATION_S } }));
    // The first second fills the list; every frame of the next 28 (while the load still runs) is judged.
    await page.waitForTimeout(1000);
    const framesAtStart = await page.evaluate(() => {
      const probe = (globalThis as unknown as PageGlobals).__fps;
      if (probe) probe.measuring = true;
      return probe?.frames ?? 0;
    });
    const startedAt = Date.now();
    await page.waitForTimeout((DURATION_S - 2) * 1000);
    const probe = await page.evaluate(() => {
      const fps = (globalThis as unknown as PageGlobals).__fps;
      if (fps) fps.measuring = false;
      return fps ?? { frames: 0, full: 0, newest: 0, minRows: 0, measuring: false };
    });
    const framesAtEnd = probe.frames;
    const judged = framesAtEnd - framesAtStart;
    const seconds = (Date.now() - startedAt) / 1000;
    const lags = await page.evaluate(() => (globalThis as unknown as PageGlobals).__flightdeck?.timelineLagMs ?? []);
    const received = await page.evaluate(() => (globalThis as unknown as PageGlobals).__flightdeck?.eventsReceived ?? 0);
    ws.close();
    return [
      { key: 'ui.fpsUnderLoad', value: judged / seconds, unit: 'frames/s', note: `${EVENTS_PER_SECOND.toLocaleString('en-US')} events/s for ${DURATION_S} s, timeline tab, headless Chromium; ${received.toLocaleString('en-US')} events received` },
      { key: 'ui.rowsVisibleShare', value: judged > 0 ? probe.newest / judged : 0, unit: 'of frames', note: `frames whose timeline was full and ended at the newest event held a frame earlier: ${probe.newest.toLocaleString('en-US')} of ${judged.toLocaleString('en-US')}; full ${probe.full.toLocaleString('en-US')}; fewest rows in view ${probe.minRows}` },
      { key: 'ui.timelineLagMs', value: lags.length ? percentile(lags, 95) : Number.NaN, unit: 'ms', note: `p95 of ${lags.length} samples; median ${lags.length ? percentile(lags, 50).toFixed(0) : '?'} ms` }
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
