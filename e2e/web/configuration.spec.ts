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

test('swapping the engine applies a new version that every engine computes', async ({ app }) => {
  await app.getByRole('tab', { name: 'Configuration' }).click();
  const view = app.getByTestId('configuration-view');
  await expect(view.getByTestId('cf-aircraft-name')).toHaveText('F-22A Raptor');
  await expect(view.getByTestId('cf-version')).toHaveText('1');
  await expect(view.getByTestId('cf-current-engine')).toContainText('F119-PW-100 × 2');
  await expect(view.getByTestId('cf-current-modules')).toContainText('AN/APG-77');

  // The engine list shows each model's thrust.
  await expect(view.getByLabel('Engine model').locator('option[value="F135-PW-100"]')).toHaveText(/125\/191 kN dry\/wet/);
  await view.getByLabel('Engine model').selectOption('F135-PW-100');
  await expect(view.getByTestId('cf-draft-changes')).toContainText('engine → F135-PW-100');
  await expect(view.getByTestId('cf-validation-status')).toHaveText(/valid|finding/);
  await view.getByRole('button', { name: /^Apply/ }).click();

  await expect(view.getByTestId('cf-version')).toHaveText('2');
  await expect(view.getByTestId('cf-result-version')).toHaveText('2');
  await expect(view.getByTestId('cf-current-engine')).toContainText('F135-PW-100 × 2');
  const outcomes = view.getByTestId('cf-engine-outcomes').locator('tbody tr');
  await expect(outcomes).toHaveCount(6);
  for (const engine of ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing']) {
    await expect(outcomes.filter({ hasText: engine })).toContainText('computed');
  }
  await expect(view.getByTestId('cf-engine-outcomes')).toContainText(' ms');
  // The draft is gone once applied.
  await expect(view.getByRole('button', { name: 'Reset' })).toBeDisabled();
});

test('an invalid draft shows the finding next to the offending module', async ({ app }) => {
  await app.getByRole('tab', { name: 'Configuration' }).click();
  const view = app.getByTestId('configuration-view');
  await expect(view.getByTestId('cf-aircraft-name')).toHaveText('F-22A Raptor');

  // A 2,000 lb bomb on the nose radar bay: wrong attachment kind.
  await view.getByRole('combobox', { name: 'Module', exact: true }).selectOption('gbu-31');
  await view.getByRole('combobox', { name: 'Attachment point' }).selectOption('nose');
  await view.getByRole('button', { name: 'Add module' }).click();
  const row = view.getByTestId('cf-draft-modules').locator('tr[data-instance="gbu-31"]');
  await expect(row.getByTestId('cf-finding').first()).toContainText('cannot be mounted on a nose');
  await expect(row).toContainText('WRONG_ATTACHMENT_KIND');
  await expect(view.getByTestId('cf-validation-status')).toContainText('error');
  // The host would refuse it (validate and apply run the same checks): Apply stays off.
  await expect(view.getByRole('button', { name: /^Apply/ })).toBeDisabled();
  await expect(view.getByRole('button', { name: /^Apply/ })).toHaveAttribute('title', /Apply is off: \d+ errors? to fix first/);
  // The overloaded nose is flagged on the radar's row as well.
  await expect(view.getByTestId('cf-draft-modules').locator('tr[data-instance="radar"]')).toContainText('ATTACHMENT_OVERLOADED');

  await row.scrollIntoViewIfNeeded();
  await app.waitForTimeout(300);
  await app.screenshot({ path: join(SHOTS, 'configuration-dark.png') });
  await expectNoSeriousAxeViolations(app, 'configuration-view');
  await app.evaluate(() => {
    document.documentElement.dataset.theme = 'light';
  });
  await app.waitForTimeout(300);
  await app.screenshot({ path: join(SHOTS, 'configuration-light.png') });
  await expectNoSeriousAxeViolations(app, 'configuration-view');

  // Reset discards the draft and its findings.
  await view.getByRole('button', { name: 'Reset' }).click();
  await expect(view.getByTestId('cf-draft-modules').locator('tr[data-instance="gbu-31"]')).toHaveCount(0);
  await expect(view.getByTestId('cf-finding')).toHaveCount(0);
});

test('loading a scenario replaces the aircraft', async ({ app }) => {
  await app.getByRole('tab', { name: 'Configuration' }).click();
  const view = app.getByTestId('configuration-view');
  await view.getByLabel('Scenario').selectOption('typhoon');
  await view.getByRole('button', { name: 'Load scenario' }).click();
  await expect(view.getByTestId('cf-aircraft-name')).toHaveText('Eurofighter Typhoon');
  await expect(view.getByTestId('cf-current-engine')).toContainText('EJ200 × 2');
  await expect(view.getByTestId('cf-version')).toHaveText('2');
});

test('a refused configuration changes nothing: the version stays and the refusal is in the log', async ({ app, server }) => {
  await app.getByRole('tab', { name: 'Configuration' }).click();
  const view = app.getByTestId('configuration-view');
  await expect(view.getByTestId('cf-version')).toHaveText('1');

  // Another client sends a configuration with an engine the library does not have.
  const host = await connectHost(server);
  const current = (await host.invoke('configuration.get', {})).data as { configuration: { propulsion: Record<string, unknown> } };
  const refused = { ...current.configuration, propulsion: { ...current.configuration.propulsion, engineModel: 'NOPE-1' } };
  const result = await host.invoke('configuration.apply', { configuration: refused });
  expect(result).toMatchObject({ ok: true, data: { ok: false, version: 1, engines: [] } });
  host.close();

  await expect(view.getByTestId('cf-last-refusal')).toContainText('nothing changed, the session is still on version 1');
  await expect(view.getByTestId('cf-last-refusal')).toContainText('propulsion.engineModel: unknown engine model "NOPE-1"');
  await expect(view.getByTestId('cf-version')).toHaveText('1');
  await expect(view.getByTestId('cf-current-engine')).toContainText('F119-PW-100 × 2');
  await expect(app.getByTestId('header-aircraft')).toContainText('configuration v1');
  await app.getByRole('tab', { name: 'Timeline' }).click();
  await expect(app.locator('.tl-row[data-event-type="validation_failed"]')).toContainText('refused: propulsion.engineModel');
  await expect(app.locator('.tl-row[data-event-type="configuration_changed"]')).toHaveCount(1);
});

test('a number field refuses what it would have to change, says why, and holds Apply; Esc leaves it', async ({ app }) => {
  await app.getByRole('tab', { name: 'Configuration' }).click();
  const view = app.getByTestId('configuration-view');
  await expect(view.getByTestId('cf-current-engine')).toContainText('F119-PW-100 × 2');
  const count = view.getByLabel('Engine count');
  const apply = view.getByRole('button', { name: /^Apply/ });
  for (const [typed, reason] of [
    ['9', 'at most 4'],
    ['-1', 'at least 1'],
    ['2.5', 'a whole number, from 1 to 4'],
    ['', 'enter a whole number from 1 to 4']
  ] as const) {
    await count.fill(typed);
    await expect(count).toHaveValue(typed);
    await expect(count).toHaveAttribute('aria-invalid', 'true');
    await expect(view.getByRole('alert').filter({ hasText: reason })).toBeVisible();
  }
  await expect(apply).toBeDisabled();
  await expect(apply).toHaveAttribute('title', /fix the engine count first/);
  expect(await shootAtBothSizesAndThemes(app, 'configuration-number-field')).toEqual([]);
  await count.focus();
  // While typing, the status bar says how to leave the field; shortcut keys type into it.
  await expect(app.getByTestId('status-hint')).toContainText('Esc leaves it');
  await count.fill('3');
  await expect(count).toHaveAttribute('aria-invalid', 'false');
  await expect(view.getByTestId('cf-draft-changes')).toContainText('3');
  await app.keyboard.press('Escape');
  await expect(count).not.toBeFocused();
  await expect(app.getByTestId('status-hint')).toHaveText('Press ? for shortcuts');
  await app.keyboard.press('1');
  await expect(app.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await app.getByRole('tab', { name: 'Configuration' }).click();
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(view.getByTestId('cf-current-engine')).toContainText('F119-PW-100 × 3');
});
