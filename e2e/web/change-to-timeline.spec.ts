import { test, expect } from '../support/fixtures';

const ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];

test('a configuration change applied from the UI arrives in the timeline, engine by engine', async ({ app }) => {
  await app.getByRole('tab', { name: 'Configuration' }).click();
  const view = app.getByTestId('configuration-view');
  await expect(view.getByTestId('cf-version')).toHaveText('1');
  await view.getByLabel('Engine model').selectOption('F135-PW-100');
  await view.getByRole('button', { name: /^Apply/ }).click();
  await expect(view.getByTestId('cf-version')).toHaveText('2');

  await app.getByRole('tab', { name: 'Timeline' }).click();
  const change = app.locator('.tl-row[data-event-type="configuration_changed"]').filter({ hasText: 'v2' });
  await expect(change).toHaveCount(1);
  await expect(change).toContainText('HIGH');
  const outputs = app.locator('.tl-row[data-event-type="engine_output"]').filter({ hasText: 'v2' });
  await expect(outputs).toHaveCount(6);
  for (const engine of ENGINES) await expect(outputs.filter({ hasText: new RegExp(`^.*${engine} →`) })).toHaveCount(1);

  // The change's causal chain links every engine's recomputation back to it.
  await change.click();
  const chain = app.getByRole('tree', { name: 'Causal chain' });
  await expect(chain.locator('[data-event-type="engine_output"]')).toHaveCount(6);
  await expect(chain).toContainText('wait');
});
