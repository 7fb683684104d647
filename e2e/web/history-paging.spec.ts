import { test, expect } from '../support/fixtures';
import { connectHost, SCREENSHOTS, setTheme } from './live-helpers';

test('the timeline pages back from the store to event #1 of a session longer than its window', async ({ page, server }) => {
  // 6,000 synthetic events before the window opens: it seeds only the newest 2,000.
  const host = await connectHost(server);
  expect((await host.invoke('load.start', { eventsPerSecond: 3000, durationS: 2 })).ok).toBe(true);
  await expect.poll(async () => ((await host.invoke('sessions.list', {})) as { data: { store: { committedSeq: number } } }).data.store.committedSeq, { timeout: 15_000 }).toBeGreaterThan(6000);
  host.close();
  await page.goto(server.url);
  await page.locator('html[data-bridge="open"]').waitFor({ state: 'attached', timeout: 20_000 });

  const list = page.getByRole('listbox', { name: 'Events' });
  await expect(page.getByTestId('timeline-count')).toContainText(/^2,0\d\d events/);
  await expect(page.locator('.tl-row[data-seq="1"]')).toHaveCount(0);

  // Scrolling up reads older pages until the first event.
  await list.hover();
  for (let i = 0; i < 60 && (await page.locator('.tl-row[data-seq="1"]').count()) === 0; i++) {
    await page.mouse.wheel(0, -20_000);
    await page.waitForTimeout(150);
  }
  await expect(page.locator('.tl-row[data-seq="1"]')).toContainText('session_started');
  await expect(page.getByTestId('timeline-history')).toContainText('start of session reached');
  await expect(page.getByTestId('timeline-history')).toContainText('from the store');

  // A payload search runs in the store: only matching older events come back.
  await page.getByLabel('Search').fill('power_budget');
  await page.getByLabel('Search').press('Enter');
  await expect(page.locator('.tl-row[data-event-type="rule_added"]').first()).toBeVisible();
  await expect(page.locator('.tl-row[data-event-type="synthetic_load"]')).toHaveCount(0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-history-dark.png` });
  await setTheme(page, 'light');
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Search').press('Enter');
  await expect(page.getByTestId('timeline-history')).toContainText(/older events|start of session/);
  await page.screenshot({ path: `${SCREENSHOTS}/timeline-history-light.png` });
});
