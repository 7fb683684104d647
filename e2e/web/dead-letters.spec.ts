import { test, expect } from '../support/fixtures';
import { deadLettered, openDoctored, resolved, type WireEvent } from './doctored-stream';
import { SCREENSHOTS, seriousViolations, setTheme } from './live-helpers';

/*
 * A real host in browser mode never dead-letters an event (see doctored-stream.ts): the letters
 * here are the test's, put in the stream where the host sent performance figures. The host is
 * real for everything else, including the discard it refuses below.
 */

/** The first event of a type the page was sent (history included). */
function firstOf(seen: readonly WireEvent[], eventType: string): WireEvent {
  const event = seen.find((e) => e.eventType === eventType);
  if (!event) throw new Error(`the page was sent no ${eventType}`);
  return event;
}

test('dead letters are listed with a count in the navigation, shown in the timeline, redelivered and discarded', async ({ page, server }) => {
  const stream = await openDoctored(page, server);
  const tab = page.getByRole('tab', { name: /Dead letters/ });
  await tab.click();
  const view = page.getByTestId('dead-letters-view');
  await expect(view.getByTestId('dead-letters-panel')).toContainText('No dead letters');
  await expect(view.getByTestId('dead-letters-panel')).toContainText("A dead letter is an event a subscriber's handler kept failing on");
  await expect(page.getByTestId('deadletters-badge')).toHaveCount(0);
  await expect(view.getByTestId('count-dead-letters-dropped')).toHaveCount(0);
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    await page.screenshot({ path: `${SCREENSHOTS}/dead-letters-empty-${theme}.png` });
    expect(await seriousViolations(page)).toEqual([]);
  }
  await setTheme(page, 'dark');

  // Two handlers fail on events of the session's log, after three attempts each.
  await expect.poll(() => stream.seen.some((e) => e.eventType === 'rule_added')).toBe(true);
  const rule = firstOf(stream.seen, 'rule_added');
  const change = firstOf(stream.seen, 'configuration_changed');
  await stream.replaceNextNoise((slot) => deadLettered(slot, rule, 'sensors', 'thermal limits table not loaded'));
  await stream.replaceNextNoise((slot) => deadLettered(slot, change, 'aerodynamics', 'handler timed out after 30000 ms', 4));
  await expect(page.getByTestId('deadletters-badge')).toHaveText('2 held');
  await expect(tab).toHaveAccessibleName(/Dead letters\s*2 held/);
  const rows = view.getByTestId('dead-letter');
  await expect(rows).toHaveCount(2);
  // Newest first, each with its event, subscriber, error and attempts.
  await expect(rows.first()).toHaveAttribute('data-engine', 'aerodynamics');
  await expect(rows.first()).toContainText('configuration_changed');
  await expect(rows.first()).toContainText('handler timed out after 30000 ms');
  await expect(rows.first().locator('td.wb-num')).toHaveText('4');
  const sensors = view.locator('tr[data-engine="sensors"]');
  await expect(sensors).toContainText('rule_added');
  await expect(sensors).toContainText('Sensors');
  await expect(view.getByTestId('count-dead-letters')).toContainText('2');
  await expect(view.getByTestId('count-dead-letter-engines')).toContainText('2');
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    await page.screenshot({ path: `${SCREENSHOTS}/dead-letters-${theme}.png` });
    expect(await seriousViolations(page)).toEqual([]);
  }
  await setTheme(page, 'dark');

  // The inspector of an engine with dead letters counts them.
  await page.getByTestId('engine-node-sensors').locator('.gr-node-name').click();
  await expect(page.getByTestId('inspector-dead-letters')).toContainText('1 event its handler failed on');

  // The event a letter is about opens in the timeline.
  await sensors.getByRole('button', { name: /^Show rule_added/ }).click();
  await expect(page.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true');
  const detail = page.getByRole('region', { name: 'Event details' });
  await expect(detail.getByRole('heading', { name: 'rule_added' })).toBeVisible();
  await expect(detail).toContainText(rule.eventId);
  await expect(page.locator('.tl-row--selected')).toHaveAttribute('data-event-type', 'rule_added');

  // Redeliver: the bus accepts it, the handler succeeds, the bus resolves it and it leaves the list.
  await tab.click();
  stream.answer('deadletters.redeliver', () => ({ redelivered: true }));
  await sensors.getByRole('button', { name: 'Redeliver rule_added to sensors' }).click();
  await expect(sensors.getByRole('status')).toHaveText('Redelivered; waiting for the handler…');
  await stream.replaceNextNoise((slot) => resolved(slot, rule, 'sensors', 'redelivered'));
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('deadletters-badge')).toHaveText('1 held');

  // Discard, asked of the real host: its bus holds no such letter and says so.
  const aerodynamics = view.locator('tr[data-engine="aerodynamics"]');
  await aerodynamics.getByRole('button', { name: 'Discard configuration_changed for aerodynamics' }).click();
  await expect(aerodynamics.getByRole('status')).toHaveText('Not discarded: the bus no longer holds it (already resolved, or the host restarted).');
  await expect(rows).toHaveCount(1);

  // A discard the bus carries out: the last letter goes, the empty state and the bare tab return.
  stream.answer('deadletters.discard', () => ({ discarded: true }));
  await aerodynamics.getByRole('button', { name: 'Discard configuration_changed for aerodynamics' }).click();
  await stream.replaceNextNoise((slot) => resolved(slot, change, 'aerodynamics', 'discarded'));
  await expect(rows).toHaveCount(0);
  await expect(view.getByTestId('dead-letters-panel')).toContainText('No dead letters');
  await expect(page.getByTestId('deadletters-badge')).toHaveCount(0);
});

test('letters the session no longer lists are counted', async ({ page, server }) => {
  const letter = { originalEventType: 'rule_added', engineId: 'manufacturing', message: 'process table missing', attempts: 3, at: Date.now() };
  // The state a session.sync carries after 212 letters: the newest 200 kept, 12 counted.
  await openDoctored(page, server, {
    changeSync: (state) => {
      state.deadLetters = Array.from({ length: 200 }, (_, i) => ({ ...letter, originalEventId: `old-${i}`, eventId: `err-${i}`, at: letter.at - i * 1000 }));
      state.deadLettersDropped = 12;
    }
  });
  await page.getByRole('tab', { name: /Dead letters/ }).click();
  const view = page.getByTestId('dead-letters-view');
  await expect(page.getByTestId('deadletters-badge')).toHaveText('200 held');
  await expect(view.getByTestId('dead-letter')).toHaveCount(200);
  await expect(view.getByTestId('count-dead-letters-dropped')).toContainText('12');
  await expect(view.getByTestId('dead-letters-dropped')).toHaveText('12 older dead letters are not listed: the session keeps the newest 200.');
  await page.screenshot({ path: `${SCREENSHOTS}/dead-letters-dropped-dark.png` });
  expect(await seriousViolations(page)).toEqual([]);
});
