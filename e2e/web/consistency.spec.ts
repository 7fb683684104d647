import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { connectHost, shootAtBothSizesAndThemes } from './live-helpers';

const SHOTS = join(import.meta.dirname, '..', 'screenshots');

async function expectNoSeriousAxeViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(`[data-testid="${view}"]`).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** In the Configuration view: a draft edit, then Apply, waiting for the new version. */
async function applyDraft(page: Page, edit: () => Promise<void>): Promise<void> {
  await page.getByRole('tab', { name: 'Configuration' }).click();
  const view = page.getByTestId('configuration-view');
  const before = Number(await view.getByTestId('cf-version').textContent());
  await edit();
  await view.getByRole('button', { name: /^Apply/ }).click();
  await expect(view.getByTestId('cf-version')).toHaveText(String(before + 1));
}

test('a power-budget violation opens, follows rule edits and resolves when the module goes', async ({ app }) => {
  await app.getByRole('tab', { name: 'Consistency' }).click();
  const view = app.getByTestId('consistency-view');
  // The F-22A as loaded is consistent.
  await expect(view.getByTestId('open-violations')).toContainText('No open violations');
  await expect(view.getByTestId('rules-panel')).toContainText('power_budget');
  // Rules show what they compared.
  await expect(view.getByTestId('coverage-power_budget')).toContainText('powerDemandKW');
  await expect(view.getByTestId('coverage-power_budget')).toContainText(/passed/);

  // 18 internal jammers (5 kW each) on top of ~45 kW of avionics exceed the 130 kW generated.
  await applyDraft(app, async () => {
    const cf = app.getByTestId('configuration-view');
    await cf.getByRole('combobox', { name: 'Module', exact: true }).selectOption('ecm-internal');
    await cf.getByRole('combobox', { name: 'Attachment point' }).selectOption('avionics');
    await cf.getByLabel('Quantity').fill('18');
    await cf.getByRole('button', { name: 'Add module' }).click();
  });

  await app.getByRole('tab', { name: 'Consistency' }).click();
  const powerRow = view.getByTestId('violations-open').locator('tr[data-rule="power_budget"]');
  await expect(powerRow).toBeVisible();
  await expect(powerRow).toContainText('design → sensors');
  await expect(powerRow).toContainText('≤ 130.0 kW');
  await expect(powerRow).toContainText('134.9');
  await expect(view.getByTestId('count-error')).toContainText('1');
  await powerRow.getByRole('button', { name: /Show message/ }).click();
  await expect(view.getByTestId('violations-open')).toContainText('power demand 134.9 kW');

  await app.waitForTimeout(500);
  await app.screenshot({ path: join(SHOTS, 'consistency-dark.png') });
  await expectNoSeriousAxeViolations(app, 'consistency-view');
  await app.evaluate(() => {
    document.documentElement.dataset.theme = 'light';
  });
  await app.waitForTimeout(300);
  await app.screenshot({ path: join(SHOTS, 'consistency-light.png') });
  await expectNoSeriousAxeViolations(app, 'consistency-view');

  // Disabling the rule resolves its violation at once; enabling it reopens it.
  const rule = view.locator('article[data-rule-id="power_budget"]');
  await rule.getByRole('checkbox', { name: 'Enabled' }).click();
  await expect(view.getByTestId('rule-change-result')).toContainText('power_budget updated');
  await expect(view.getByTestId('rule-change-result')).toContainText('1 resolved');
  await expect(powerRow).toHaveCount(0);
  await expect(view.getByTestId('violations-resolved').locator('tr[data-rule="power_budget"]').first()).toContainText('rule disabled');
  await expect(rule.getByRole('checkbox', { name: 'Enabled' })).not.toBeChecked();
  await rule.getByRole('checkbox', { name: 'Enabled' }).click();
  await expect(view.getByTestId('rule-change-result')).toContainText('1 opened');
  await expect(powerRow).toBeVisible();

  // Editing the severity recomputes too: the open violation now reads warning.
  await rule.getByRole('button', { name: 'Edit' }).click();
  await rule.getByLabel('Severity').selectOption('warning');
  await rule.getByRole('button', { name: 'Save rule' }).click();
  await expect(rule.locator('.wb-badge').first()).toHaveText('warning');
  await expect(powerRow).toContainText('warning');

  // Removing the jammers resolves it.
  await applyDraft(app, async () => {
    await app.getByTestId('configuration-view').getByRole('button', { name: 'Remove ecm-internal' }).click();
  });
  await app.getByRole('tab', { name: 'Consistency' }).click();
  await expect(view.getByTestId('open-violations')).toContainText('No open violations');
  await expect(view.getByTestId('violations-resolved').locator('tr[data-rule="power_budget"]').first()).toContainText('passed');
});

test('adding a rule validates inline and recomputes violations', async ({ app }) => {
  await app.getByRole('tab', { name: 'Consistency' }).click();
  const view = app.getByTestId('consistency-view');
  const form = view.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByRole('alert').first()).toContainText('give the rule an id');

  // A duplicate id comes back from the host and is shown next to the id field.
  await form.getByLabel('Rule id').fill('power_budget');
  await form.getByRole('checkbox', { name: 'sensors' }).check();
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();

  await form.getByLabel('Rule id').fill('engine_mass_check');
  await form.getByLabel('Source engine').selectOption('design');
  await form.getByLabel(/Fields/).fill('engineMassKg');
  await form.getByLabel('Relative tolerance').fill('0.01');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(view.getByTestId('rule-change-result')).toContainText('engine_mass_check added');
  await expect(view.locator('article[data-rule-id="engine_mass_check"]')).toContainText('±1 %');
});

test('the violations one failed engine causes are grouped under it', async ({ app, server }) => {
  // resources/flightdeck.yaml gives materials up after its fourth failure in a row.
  const host = await connectHost(server);
  await host.invoke('engine.fault', { engineId: 'materials', fault: { kind: 'fail', count: 4 } });
  await host.invoke('scenario.load', { scenarioId: 'typhoon' });
  host.close();
  await expect(app.getByTestId('engine-node-materials')).toHaveAttribute('data-condition', 'given-up');
  await app.getByRole('tab', { name: 'Consistency' }).click();
  const table = app.getByTestId('violations-open');
  const group = table.locator('tbody[data-root-cause="materials"]');
  await expect(group.locator('.cs-group-row')).toContainText(/✖ materials failed — \d+ violations? follows? from it/);
  const rows = group.locator('tr[data-rule]');
  expect(await rows.count()).toBeGreaterThan(0);
  // Every grouped violation involves materials or an engine held up by it.
  for (const text of await rows.allTextContents()) expect(text).toMatch(/materials|propulsion|sensors|aerodynamics|manufacturing/);
  await expectNoSeriousAxeViolations(app, 'consistency-view');
  expect(await shootAtBothSizesAndThemes(app, 'consistency-root-cause')).toEqual([]);
});
