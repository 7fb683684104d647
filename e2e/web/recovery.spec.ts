import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { RESTART_AFTER_A_MINUTE } from '../support/host-config';
import { SCREENSHOTS } from './live-helpers';

// Its supervisor would restart materials ~100 ms after the failure: held back a minute, the
// restart is the user's (which cancels the supervisor's).
test.use({ restartPolicies: { materials: RESTART_AFTER_A_MINUTE } });

const ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];

/** Every engine idle in the graph, none stale and no config_version violation open: the session agrees. */
async function expectRecovered(page: Page): Promise<void> {
  for (const engine of ENGINES) await expect(page.getByTestId(`engine-node-${engine}`)).toHaveAttribute('data-status', 'idle');
  await page.getByRole('tab', { name: 'Consistency' }).click();
  const view = page.getByTestId('consistency-view');
  await expect(view.getByTestId('stale-panel')).toContainText('No engine is stale');
  await expect(view.getByTestId('count-stale')).toContainText('0');
  await expect(view.getByTestId('violations-open').locator('tr[data-rule="config_version"]')).toHaveCount(0);
  await expect(page.getByTestId('status-stale')).toHaveText('0 stale engines');
  // No further change was needed: the session is still on the version the failure happened in.
  await expect(page.getByTestId('header-aircraft')).toContainText('configuration v2');
}

test('a one-shot failure then a restart from the UI leaves nothing stale and no version violation, also after a reload', async ({ app }) => {
  // Arm one failure on materials.
  await app.getByRole('tab', { name: 'Actions' }).click();
  const materials = app.getByTestId('fault-table').locator('tr[data-engine="materials"]');
  await materials.getByLabel('Failures for materials').fill('1');
  await materials.getByRole('button', { name: 'Fail next materials' }).click();
  await expect(app.getByTestId('faults-materials')).toContainText('fail next 1');

  // Apply a change: materials fails on it, the engines that depend on it are blocked.
  await app.getByRole('tab', { name: 'Configuration' }).click();
  const configuration = app.getByTestId('configuration-view');
  await configuration.getByLabel('Engine model').selectOption('F135-PW-100');
  await expect(configuration.getByTestId('cf-validation-status')).toHaveText(/valid|finding/);
  await configuration.getByRole('button', { name: /^Apply/ }).click();
  await expect(configuration.getByTestId('cf-version')).toHaveText('2');
  await expect(app.getByTestId('engine-node-materials')).toHaveAttribute('data-status', 'failed');
  await app.getByRole('tab', { name: 'Consistency' }).click();
  const consistency = app.getByTestId('consistency-view');
  await expect(consistency.getByTestId('stale-engines').locator('.cs-stale').filter({ hasText: /^materials is stale/ })).toContainText(
    'could not compute configuration v2'
  );
  expect(Number(await consistency.getByTestId('count-stale').locator('.wb-kpi-value').textContent())).toBeGreaterThan(1);

  // Restart materials from the inspector: it recomputes v2 and everything downstream follows.
  await app.getByTestId('engine-node-materials').click();
  const inspector = app.getByTestId('inspector-engine');
  await inspector.getByRole('button', { name: 'Restart engine' }).click();
  await expect(inspector.getByRole('status')).toHaveText('materials restarted');
  await expect(inspector.getByTestId('inspector-restarts')).toHaveText('1');
  await expect(inspector.getByTestId('inspector-versions')).toHaveText('computed v2 · configuration v2');
  await expect(inspector.getByRole('region', { name: 'Staleness' })).toContainText('Up to date with its dependencies.');
  await expectRecovered(app);
  await app.screenshot({ path: `${SCREENSHOTS}/consistency-recovered-dark.png` });

  // A fresh window rebuilds the same session from the host's log.
  await app.reload();
  await app.locator('html[data-bridge="open"]').waitFor({ state: 'attached' });
  await expect(app.getByTestId('status-connection')).not.toContainText('syncing');
  await expectRecovered(app);
  await app.getByTestId('engine-node-materials').click();
  await expect(app.getByTestId('inspector-engine').getByTestId('inspector-restarts')).toHaveText('1');
});
