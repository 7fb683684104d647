import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { chooseOption, connectHost, SCREENSHOTS, seriousViolations, setTheme, visibleTypes } from './live-helpers';

const ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];

/** The number of events the timeline shows (its toolbar count, "N" or "N of M events"). */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('timeline-count').textContent()) ?? '';
  const match = /^([\d,]+)/.exec(text.trim());
  return match ? Number(match[1]?.replaceAll(',', '')) : 0;
}

test('opens with the host history; events stream in; filters hide and clearing restores; pause counts new events', async ({ app, server }) => {
  // History from before this page connected: the initial F-22A change and its six engine outputs.
  await chooseOption(app, 'Types', 'engine_output');
  await expect.poll(() => shownCount(app)).toBe(6);
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(app.locator('.tl-row[data-event-type="configuration_changed"]').first()).toContainText('F-22A Raptor');

  const host = await connectHost(server);
  await host.invoke('scenario.load', { scenarioId: 'typhoon' });

  // By type: the history's six outputs and the Typhoon's six.
  await chooseOption(app, 'Types', 'engine_output');
  await expect.poll(() => shownCount(app)).toBe(12);
  expect(new Set(await visibleTypes(app))).toEqual(new Set(['engine_output']));
  await app.getByRole('button', { name: 'Clear filters' }).click();
  // Clearing re-filters over a few frames: wait for the full count.
  await expect.poll(() => shownCount(app)).toBeGreaterThanOrEqual(14);
  const total = await shownCount(app);

  // By engine, as source or target: an output is addressed to the engines that depend on its
  // source, so manufacturing (which depends on the other five) sees its own two and their ten.
  await chooseOption(app, 'Engines', 'manufacturing');
  await chooseOption(app, 'Types', 'engine_output');
  await expect.poll(() => shownCount(app)).toBe(12);
  const routes = await app.locator('.tl-list .tl-row .tl-route').allTextContents();
  expect(routes.filter((route) => route === 'manufacturing → all')).toHaveLength(2);
  for (const route of routes.filter((r) => !r.startsWith('manufacturing'))) expect(route).toMatch(/ → (.+, )?manufacturing$/);
  await app.getByRole('button', { name: 'Clear filters' }).click();
  // …or as a target only: the invalidation a recompute request addresses to manufacturing (a
  // configuration change invalidates nothing: the engines behind it compute anyway).
  await host.invoke('engine.recompute', { engineId: 'manufacturing' });
  await chooseOption(app, 'Engines', 'manufacturing');
  await chooseOption(app, 'Types', 'data_invalidated');
  await expect.poll(() => shownCount(app)).toBe(1);
  await expect(app.locator('.tl-list .tl-row .tl-route')).toHaveText(['coordinator → manufacturing']);
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await chooseOption(app, 'Engines', 'manufacturing');
  await expect.poll(async () => (await visibleTypes(app)).includes('performance_updated')).toBe(false);
  await app.getByRole('button', { name: 'Clear filters' }).click();

  // Free text inside payloads: the Typhoon's configuration, and the outputs that name its engine.
  await app.getByLabel('Search').fill('EJ200');
  await expect.poll(async () => new Set(await visibleTypes(app))).toEqual(new Set(['configuration_changed', 'engine_output']));
  await expect(app.locator('.tl-list .tl-row[data-event-type="configuration_changed"]')).toHaveCount(1);
  await expect(app.locator('.tl-list .tl-row[data-event-type="configuration_changed"]')).toContainText('Eurofighter Typhoon');
  const namingEngine = await app.locator('.tl-list .tl-row[data-event-type="engine_output"] .tl-route').allTextContents();
  expect(new Set(namingEngine)).toEqual(new Set(['propulsion → aerodynamics, manufacturing', 'aerodynamics → manufacturing']));
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(app.getByLabel('Search')).toHaveValue('');
  await expect.poll(() => shownCount(app)).toBeGreaterThanOrEqual(total);

  // Pause: Space (focus outside inputs), then new events count but the list stays put.
  await app.locator('.tl-toolbar').click();
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: /Resume live/ })).toBeVisible();
  await expect(app.getByTestId('timeline-new')).toContainText('0 new');
  const scrollBefore = await app.locator('.tl-list').evaluate((el) => el.scrollTop);
  await host.invoke('scenario.load', { scenarioId: 'f16c-block50' });
  await expect(app.getByTestId('timeline-new')).not.toContainText(/\b0 new/);
  // The change's events arrive over a few frames: wait until all of them are counted.
  const newCount = async (): Promise<number> =>
    Number(/([\d,]+) new/.exec((await app.getByTestId('timeline-new').textContent()) ?? '')?.[1]?.replaceAll(',', ''));
  await expect.poll(newCount).toBeGreaterThanOrEqual(7);
  expect(await app.locator('.tl-list').evaluate((el) => el.scrollTop)).toBe(scrollBefore);
  await app.getByRole('button', { name: /Jump to newest/ }).click();
  await expect(app.getByText('Following newest')).toBeVisible();
  host.close();
});

test('a configuration change shows its diff and the causal chain through all six engines', async ({ app, server }) => {
  const host = await connectHost(server);
  await host.invoke('scenario.load', { scenarioId: 'typhoon' });
  // The F-22A change from history is there too: pick the Typhoon's.
  await chooseOption(app, 'Types', 'configuration_changed');
  const row = app.locator('.tl-row[data-event-type="configuration_changed"]').filter({ hasText: 'Eurofighter Typhoon' });
  await expect(row).toHaveCount(1);
  const correlation = (await row.locator('.tl-corr').getAttribute('title')) as string;
  await row.click();
  // The whole chain, not the one configuration_changed the type filter leaves.
  await app.getByRole('button', { name: 'show only this chain' }).click();
  await expect.poll(() => visibleTypes(app)).toContain('engine_output');
  const correlations = await app.locator('.tl-list .tl-row[data-event-type] .tl-corr').evaluateAll((cells) => cells.map((c) => c.getAttribute('title')));
  expect(new Set(correlations)).toEqual(new Set([correlation]));
  await app.getByRole('button', { name: 'Clear filters' }).click();

  const detail = app.getByRole('region', { name: 'Event details' });
  await expect(detail.getByRole('heading', { name: 'configuration_changed' })).toBeVisible();
  const diff = detail.getByRole('region', { name: 'Configuration diff' });
  const engineRow = diff.getByRole('row').filter({ hasText: 'propulsion.engineModel' });
  await expect(engineRow).toContainText('"F119-PW-100" → "EJ200"');
  await expect(diff.getByRole('row').filter({ hasText: /^name/ })).toContainText('"F-22A Raptor" → "Eurofighter Typhoon"');

  const chain = detail.getByRole('tree', { name: 'Causal chain' });
  const outputs = chain.locator('[data-event-type="engine_output"]');
  await expect(outputs).toHaveCount(6);
  const sources = await outputs.locator('.tl-chain-source').allTextContents();
  expect(new Set(sources)).toEqual(new Set(ENGINES));
  // The root is the configuration change, and outputs sit below it.
  await expect(chain.getByRole('treeitem').first()).toHaveAttribute('data-event-type', 'configuration_changed');
  await expect(chain.getByRole('treeitem').first()).toHaveAttribute('aria-level', '1');
  await expect(outputs.filter({ hasText: 'manufacturing' })).not.toHaveAttribute('aria-level', '1');

  // Clicking a chain row selects that event; the graph highlights its source and the engines it
  // is addressed to (an output goes to the source's dependents).
  await outputs.filter({ hasText: 'propulsion' }).click();
  await expect(detail.getByRole('heading', { name: 'engine_output' })).toBeVisible();
  await expect(app.getByTestId('engine-node-propulsion')).toHaveClass(/gr-node--highlight-source/);
  await expect(app.locator('.gr-node--highlight-target')).toHaveCount(2);
  await expect(app.getByTestId('engine-node-aerodynamics')).toHaveClass(/gr-node--highlight-target/);
  await expect(app.getByTestId('engine-node-manufacturing')).toHaveClass(/gr-node--highlight-target/);
  // An invalidation (here, of a recompute request) is addressed too: its target is highlighted,
  // and its source is the coordinator, no engine of the graph.
  await host.invoke('engine.recompute', { engineId: 'aerodynamics' });
  host.close();
  await chooseOption(app, 'Types', 'data_invalidated');
  await chooseOption(app, 'Engines', 'aerodynamics');
  await app.locator('.tl-list .tl-row[data-event-type="data_invalidated"]').last().click();
  await expect(app.getByTestId('engine-node-aerodynamics')).toHaveClass(/gr-node--highlight-target/);
  await expect(app.locator('.gr-node--highlight-target')).toHaveCount(1);
  await expect(app.locator('.gr-node--highlight-source')).toHaveCount(0);
  await app.getByRole('button', { name: 'Clear filters' }).click();

  // Many events followed the change (module diffs, metrics): filter back to it.
  await chooseOption(app, 'Types', 'configuration_changed');
  await row.click();
  await expect(detail.getByRole('heading', { name: 'configuration_changed' })).toBeVisible();
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(app, theme);
    await app.screenshot({ path: `${SCREENSHOTS}/timeline-${theme}.png` });
    expect(await seriousViolations(app)).toEqual([]);
  }
});

test('holds a 5,000 events/s load and stays responsive', async ({ app, server }) => {
  test.setTimeout(90_000);
  const host = await connectHost(server);
  const started = await host.invoke('load.start', { eventsPerSecond: 5000, durationS: 4 });
  expect(started.ok).toBe(true);
  await expect.poll(() => shownCount(app), { timeout: 20_000 }).toBeGreaterThan(5000);
  // A tab click still works while events pour in.
  await app.getByRole('tab', { name: /Performance/ }).click();
  await expect(app.getByRole('tab', { name: /Performance/ })).toHaveAttribute('aria-selected', 'true', { timeout: 3000 });
  await app.getByRole('tab', { name: /Timeline/ }).click();
  await expect(app.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true', { timeout: 3000 });
  await expect.poll(() => shownCount(app), { timeout: 30_000 }).toBeGreaterThan(15_000);
  await expect(app.locator('.tl-row[data-event-type="synthetic_load"]').first()).toBeVisible();
  // The rendered timeline keeps up: the debug hook saw the newest events drawn.
  const hooks = await app.evaluate(
    () => (window as unknown as { __flightdeck?: { eventsReceived: number; timelineLagMs: number[] } }).__flightdeck
  );
  expect(hooks?.eventsReceived).toBeGreaterThan(15_000);
  expect(hooks?.timelineLagMs.length).toBeGreaterThan(10);
  host.close();
});
