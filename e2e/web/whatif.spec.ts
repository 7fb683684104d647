import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { connectHost, SCREENSHOTS, setTheme } from './live-helpers';

const F22A = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'scenarios', 'f22a.json'), 'utf8')) as {
  basePlatform: Record<string, unknown>;
};

/** Axe findings inside the What-if view that matter: serious or critical. */
async function seriousInView(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="whatif-view"]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Screenshots of the view at 1280×720 in both themes, the part `scrollTo` names at the top, axe-checked in each. */
async function shootBothThemes(page: Page, name: string, scrollTo: string): Promise<void> {
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    // Scroll the view alone (scrollIntoView would scroll the document too and cut off the header).
    await page.getByTestId(scrollTo).evaluate((el) => {
      const view = el.closest('.wb-view');
      if (view) view.scrollTop += el.getBoundingClientRect().top - view.getBoundingClientRect().top - 8;
    });
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${theme}.png` });
    expect(await seriousInView(page)).toEqual([]);
  }
  await setTheme(page, 'dark');
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
});

test('re-judging the live session with power_budget edited shows the violation delta event by event', async ({ app, server }) => {
  // 40 kW generated against ~45 kW of avionics and radar: the live session opens a power-budget violation.
  const host = await connectHost(server);
  const applied = await host.invoke('configuration.apply', { configuration: { ...F22A, basePlatform: { ...F22A.basePlatform, powerGenerationKW: 40 } } });
  expect(applied.ok).toBe(true);
  await app.getByRole('tab', { name: 'Consistency' }).click();
  await expect(app.getByTestId('violations-open').locator('tr[data-rule="power_budget"]')).toBeVisible();

  await app.getByRole('tab', { name: 'What-if' }).click();
  const view = app.getByTestId('whatif-view');
  await expect(view.getByTestId('whatif-untouched')).toContainText('live session');
  await expect(view.getByRole('combobox', { name: 'Session' })).toContainText('Live');
  const rule = view.locator('article[data-rule-id="power_budget"]');

  // A bad edit comes back from the host, verbatim, beside the form: a rule added under a taken id.
  await view.getByText('Add a rule to the what-if').click();
  const addForm = view.getByRole('form', { name: 'Add a rule' });
  await addForm.getByLabel('Rule id').fill('power_budget');
  await addForm.getByRole('checkbox', { name: 'sensors' }).check();
  await addForm.getByRole('button', { name: 'Add rule' }).click();
  await expect(view.getByTestId('whatif-edits')).toContainText('power_budget: added');
  await view.getByRole('button', { name: 'Run re-judge' }).click();
  await expect(view.getByTestId('rejudge-error')).toHaveText('whatif.rejudge: edit 1 (add "power_budget"): rule "power_budget" already exists; update it instead');
  await view.getByRole('button', { name: 'Drop added rule power_budget' }).click();

  // Relaxed to a warning: the same violation, other figures.
  await rule.getByRole('button', { name: 'Edit' }).click();
  await rule.getByLabel('Severity').selectOption('warning');
  await rule.getByRole('button', { name: 'Keep edit' }).click();
  await expect(view.getByTestId('whatif-edits')).toHaveText('power_budget: severity → warning');
  await view.getByRole('button', { name: 'Run re-judge' }).click();
  const summary = view.getByTestId('rejudge-summary');
  await expect(summary).toContainText('0 would open that did not, 0 would no longer open, 1 would change');
  await expect(view.getByTestId('rejudge-error')).toHaveCount(0);
  const steps = view.getByTestId('rejudge-steps').locator('li.wi-step');
  await expect(steps.first()).toContainText('version 2');
  const changed = steps.first().locator('[data-kind="changed"] li[data-rule="power_budget"]');
  await expect(changed).toContainText('design → sensors');
  await expect(changed).toContainText('powerDemandKW');
  await expect(changed).toContainText('error → warning');
  await expect(changed).toContainText('≤ 40.0 kW');
  await expect(changed).toContainText('44.9');

  // Disabled as well: the violation would never have opened.
  await rule.getByRole('checkbox', { name: 'Enabled' }).uncheck();
  await expect(view.getByTestId('whatif-edits')).toHaveText('power_budget: disabled, severity → warning');
  await view.getByRole('button', { name: 'Run re-judge' }).click();
  await expect(summary).toContainText('0 would open that did not, 1 would no longer open, 0 would change');
  const gone = steps.first().locator('[data-kind="no-longer-opened"] li[data-rule="power_budget"]');
  await expect(gone).toContainText('expected ≤ 40.0 kW, actual 44.9');
  await expect(view.getByTestId('rejudge-no-longer')).toContainText('1');
  await shootBothThemes(app, 'whatif-rules', 'rejudge-panel');
  await shootBothThemes(app, 'whatif-rejudge', 'rejudge-delta');

  // The live session is untouched: its violation is still open, as an error, its rule enabled.
  await app.getByRole('tab', { name: 'Consistency' }).click();
  const liveRow = app.getByTestId('violations-open').locator('tr[data-rule="power_budget"]');
  await expect(liveRow).toContainText('error');
  await expect(app.locator('article[data-rule-id="power_budget"]').getByRole('checkbox', { name: 'Enabled' })).toBeChecked();
  host.close();
});

test('re-running a recorded change with another engine model compares every engine output side by side', async ({ app, server }) => {
  const host = await connectHost(server);
  await app.getByRole('tab', { name: 'What-if' }).click();
  const view = app.getByTestId('whatif-view');
  const changes = view.getByTestId('rerun-changes');
  await expect(changes.locator('label')).toHaveCount(1);
  await expect(changes).toContainText('v1');
  await expect(changes).toContainText('F-22A Raptor · F119-PW-100');

  const rerun = view.getByTestId('rerun-panel');
  await rerun.getByRole('combobox', { name: 'Change', exact: true }).selectOption('engine_model');
  await expect(rerun.getByTestId('choice-recorded')).toHaveText('recorded: F119-PW-100');
  await rerun.getByRole('combobox', { name: 'Engine model', exact: true }).selectOption('F135-PW-100');
  await rerun.getByRole('button', { name: 'Run re-run' }).click();

  const report = view.getByTestId('rerun-report');
  await expect(report.getByTestId('rerun-summary')).toContainText('propulsion.engineModel: F119-PW-100 → F135-PW-100');
  const propulsion = report.locator('section[data-engine="propulsion"]');
  await expect(propulsion.locator('tr[data-field="dryThrustKN"]')).toHaveAttribute('data-changed', 'true');
  await expect(propulsion.locator('tr[data-field="dryThrustKN"]')).toContainText('kN');
  await expect(propulsion.locator('tr[data-field="engineModel"]')).toContainText('F135-PW-100');
  // Changed only (the default) hides what did not change; off, every field is listed.
  await expect(report.locator('section[data-engine="materials"]')).toContainText('No output changed.');
  await expect(propulsion.locator('tr[data-changed="false"]')).toHaveCount(0);
  await shootBothThemes(app, 'whatif-rerun', 'rerun-comparison');
  await report.getByRole('checkbox', { name: 'Changed only' }).uncheck();
  await expect(propulsion.locator('tr[data-changed="false"]').first()).toBeVisible();

  // Another kind of choice: the radar.
  await rerun.getByRole('combobox', { name: 'Change', exact: true }).selectOption('radar');
  await rerun.getByRole('combobox', { name: 'Radar', exact: true }).selectOption('captor-e');
  await rerun.getByRole('button', { name: 'Run re-run' }).click();
  await expect(report.getByTestId('rerun-summary')).toContainText('apg-77 → captor-e');

  // Nothing reached the live session: still version 1 on the F119.
  const live = (await host.invoke('configuration.get', {})) as { data: { version: number; configuration: { propulsion: { engineModel: string } } } };
  expect(live.data.version).toBe(1);
  expect(live.data.configuration.propulsion.engineModel).toBe('F119-PW-100');
  host.close();
});
