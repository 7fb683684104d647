import { test, expect } from '../support/fixtures';
import { RESTART_AFTER_A_MINUTE } from '../support/host-config';
import { connectHost, SCREENSHOTS } from './live-helpers';

// Its supervisor would restart propulsion ~100 ms after the failure and heal it: held back a
// minute, propulsion stays failed (and its dependents blocked) until the next change.
test.use({ restartPolicies: { propulsion: RESTART_AFTER_A_MINUTE } });

test('an engine that fails makes it and its dependents stale, with the reason chain, until they recompute', async ({ app, server }) => {
  const host = await connectHost(server);
  await host.invoke('engine.fault', { engineId: 'propulsion', fault: { kind: 'fail', count: 1 } });
  await host.invoke('scenario.load', { scenarioId: 'typhoon' });

  await app.getByRole('tab', { name: 'Consistency' }).click();
  const stale = app.getByTestId('stale-engines');
  await expect(stale.locator('.cs-stale')).toHaveCount(3);
  const aerodynamics = stale.locator('.cs-stale').filter({ hasText: /^aerodynamics is stale/ });
  await expect(aerodynamics).toContainText('waits on propulsion, which could not compute configuration v2: injected failure');
  await expect(aerodynamics.getByRole('list', { name: 'Why aerodynamics is stale' })).toContainText(
    'propulsion could not compute'
  );
  await expect(aerodynamics).toContainText('aerodynamics depends on propulsion, so it could not compute either');
  await expect(app.getByTestId('engine-condition-propulsion')).toContainText('restarting in');
  await stale.scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SCREENSHOTS}/consistency-stale-dark.png` });

  // The next change computes everywhere: nothing is stale any more.
  await host.invoke('scenario.load', { scenarioId: 'f22a' });
  await expect(app.getByText('No engine is stale')).toBeVisible();
  host.close();
});
