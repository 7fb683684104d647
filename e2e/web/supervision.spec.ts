import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { connectHost, SCREENSHOTS, seriousViolations, setTheme } from './live-helpers';

const DEPENDENTS_OF_MATERIALS = ['propulsion', 'sensors', 'aerodynamics', 'manufacturing'];

/** The seconds a restart countdown shows ("restarting in 7.4 s" → 7.4). */
async function countdownSeconds(page: Page, engineId: string): Promise<number> {
  const text = (await page.getByTestId(`engine-condition-${engineId}`).textContent()) ?? '';
  return Number(/restarting in ([\d.]+) s/.exec(text)?.[1] ?? Number.NaN);
}

test('an engine its supervisor gives up stays failed with the reason, its dependents run degraded, and Restart brings them back', async ({ app, server }) => {
  // resources/flightdeck.yaml allows 3 restarts within 60 s: the fourth failure in a row gives materials up.
  const host = await connectHost(server);
  await host.invoke('engine.fault', { engineId: 'materials', fault: { kind: 'fail', count: 4 } });
  await host.invoke('scenario.load', { scenarioId: 'typhoon' });
  host.close();

  const materials = app.getByTestId('engine-node-materials');
  await expect(materials).toHaveAttribute('data-condition', 'given-up');
  await expect(materials).toHaveAttribute('data-status', 'failed');
  await expect(materials.locator('.gr-status')).toHaveText('✖ failed');
  await expect(materials.getByTestId('given-up')).toContainText('gave up after 3 restarts');
  // The engines computed from its last outputs say so, with the word and which engine.
  for (const id of DEPENDENTS_OF_MATERIALS) {
    const node = app.getByTestId(`engine-node-${id}`);
    await expect(node).toHaveAttribute('data-status', 'degraded');
    await expect(node.locator('.gr-status')).toHaveText('◒ degraded');
    await expect(app.getByTestId(`engine-condition-${id}`)).toHaveText('on last outputs of materials');
  }
  await expect(app.getByTestId('engine-node-design')).toHaveAttribute('data-status', 'idle');
  await expect(app.getByTestId('overview-materials')).toContainText('gave up after 3 restarts');

  // The inspector gives the supervisor's reason and names the degraded engines.
  await materials.locator('.gr-node-name').click();
  const inspector = app.getByTestId('inspector-engine');
  const supervision = inspector.getByTestId('inspector-supervision');
  await expect(supervision).toHaveAttribute('data-kind', 'given-up');
  await expect(supervision).toContainText('Given up by its supervisor: gave up after 3 restarts');
  await expect(supervision.getByTestId('inspector-given-up-reason')).toContainText(
    'injected failure in materials (0 more to come) — given up: 4 failures within 60 s (at most 3 restarts allowed)'
  );
  await expect(supervision).toContainText('Running degraded on its last outputs: propulsion, sensors, aerodynamics, manufacturing.');
  await expect(inspector.getByTestId('inspector-status')).toHaveText('✖ failed');
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(app, theme);
    await app.screenshot({ path: `${SCREENSHOTS}/supervision-given-up-${theme}.png` });
    expect(await seriousViolations(app)).toEqual([]);
  }
  await setTheme(app, 'dark');

  // A degraded engine says what it was computed from, in the inspector and in its staleness.
  await supervision.getByRole('button', { name: 'aerodynamics' }).click();
  const aerodynamics = app.getByTestId('inspector-engine');
  await expect(aerodynamics).toHaveAttribute('data-engine', 'aerodynamics');
  await expect(aerodynamics.getByTestId('inspector-supervision')).toHaveAttribute('data-kind', 'degraded');
  await expect(aerodynamics.getByTestId('inspector-supervision')).toContainText('Degraded: computed v2 from the last outputs of materials');
  await expect(aerodynamics.getByRole('region', { name: 'Staleness' })).toContainText(
    'aerodynamics computed from the last outputs of materials, given up by its supervisor'
  );
  await app.getByRole('tab', { name: 'Consistency' }).click();
  const stale = app.getByTestId('stale-engines').locator('.cs-stale').filter({ hasText: /^aerodynamics is stale/ });
  await expect(stale).toContainText('computed v2 from the last outputs of materials, given up by the supervisor');
  await expect(stale.getByRole('list', { name: 'Why aerodynamics is stale' })).toHaveText(/aerodynamics computed from the last outputs of materials, given up by its supervisor/);
  await expect(app.getByTestId('engine-node-aerodynamics')).toHaveClass(/gr-node--selected/);
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(app, theme);
    await app.screenshot({ path: `${SCREENSHOTS}/supervision-degraded-${theme}.png` });
  }
  await setTheme(app, 'dark');

  // Restart from the graph: materials computes again and its dependents catch up.
  await materials.getByRole('button', { name: 'Restart materials' }).click();
  await expect(app.getByTestId('inspector-engine')).toHaveAttribute('data-engine', 'materials');
  await expect(app.getByTestId('inspector-engine').getByRole('status')).toHaveText('materials restarted');
  await expect(materials).toHaveAttribute('data-status', 'idle');
  await expect(app.getByTestId('inspector-engine').getByTestId('inspector-supervision')).toHaveCount(0);
  await expect(app.getByTestId('inspector-engine').getByTestId('inspector-restarts')).toHaveText('4');
  for (const id of DEPENDENTS_OF_MATERIALS) await expect(app.getByTestId(`engine-node-${id}`)).toHaveAttribute('data-status', 'idle');
  await expect(app.getByTestId('status-stale')).toHaveText('0 stale engines');
});

test.describe('with a slow supervisor', () => {
  // Long enough to read (and photograph) the countdown, short enough to watch it run out.
  test.use({ restartPolicies: { aerodynamics: { backoff_ms: 12_000, max_backoff_ms: 12_000, jitter: 0 } } });

  test('a failed engine counts down to its supervised restart, then is back by itself', async ({ app, server }) => {
    const host = await connectHost(server);
    await host.invoke('engine.fault', { engineId: 'aerodynamics', fault: { kind: 'crash' } });
    host.close();

    const node = app.getByTestId('engine-node-aerodynamics');
    await expect(node).toHaveAttribute('data-status', 'failed');
    await expect(node).toHaveAttribute('data-condition', 'countdown');
    await expect(app.getByTestId('engine-condition-aerodynamics')).toHaveText(/^◷ restarting in \d+(\.\d)? s$/);
    const first = await countdownSeconds(app, 'aerodynamics');
    expect(first).toBeLessThanOrEqual(12);
    // It counts down by itself, without any event arriving.
    await expect.poll(() => countdownSeconds(app, 'aerodynamics')).toBeLessThan(first);

    await node.locator('.gr-node-name').click();
    const supervision = app.getByTestId('inspector-engine').getByTestId('inspector-supervision');
    await expect(supervision).toHaveAttribute('data-kind', 'retry-pending');
    await expect(supervision).toContainText(/Failed, ◷ restarting in [\d.]+ s/);
    await expect(supervision).toContainText('engine aerodynamics crashed: injected crash');
    for (const theme of ['dark', 'light'] as const) {
      await setTheme(app, theme);
      await app.screenshot({ path: `${SCREENSHOTS}/supervision-countdown-${theme}.png` });
      expect(await seriousViolations(app)).toEqual([]);
    }

    // The supervisor restarts it when the countdown runs out; nobody asked.
    await expect(node).toHaveAttribute('data-status', 'idle', { timeout: 20_000 });
    await expect(node).toHaveAttribute('data-condition', 'note');
    await expect(app.getByTestId('inspector-engine').getByTestId('inspector-restarts')).toHaveText('1');
    await expect(supervision).toHaveCount(0);
    await expect(app.locator('.tl-row[data-event-type="engine_restarted"]')).toContainText('restart 1 after a failure (backoff 12000 ms)');
  });
});
