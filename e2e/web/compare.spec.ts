import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { SCREENSHOTS, seriousViolations, setTheme } from './live-helpers';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 }
] as const;

/**
 * Brings `region` to the top of the nearest ancestor that scrolls, and only that one
 * (`scrollIntoView` would also shift the app's fixed layout, which no user can do).
 */
async function scrollIntoItsScroller(region: Locator): Promise<void> {
  await region.evaluate((el) => {
    let scroller = el.parentElement;
    while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
    if (scroller) scroller.scrollTop += el.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  });
}

/** Screenshots of `region` (scrolled into view) at both sizes and in both themes, each passing axe. */
async function shoot(page: Page, region: Locator, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const theme of ['dark', 'light'] as const) {
      await setTheme(page, theme);
      await scrollIntoItsScroller(region);
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${SCREENSHOTS}/${name}-${size.width}x${size.height}-${theme}.png` });
      expect(await seriousViolations(page)).toEqual([]);
    }
  }
  await setTheme(page, 'dark');
  await page.setViewportSize(SIZES[1]);
}

async function applyEngineModel(page: Page, model: string, version: string): Promise<void> {
  await page.getByRole('tab', { name: 'Configuration' }).click();
  const view = page.getByTestId('configuration-view');
  await view.getByLabel('Engine model').selectOption(model);
  await view.getByRole('button', { name: /^Apply/ }).click();
  await expect(view.getByTestId('cf-version')).toHaveText(version);
}

function outputRow(page: Page, engine: string, version: number): Locator {
  return page.locator('.tl-list .tl-row[data-event-type="engine_output"]').filter({ hasText: `${engine} →` }).filter({ hasText: `v${version} ·` });
}

test('values, comparisons and the critical path of a configuration change', async ({ app }, testInfo) => {
  // Sixteen screenshots, each checked by axe.
  test.setTimeout(240_000);
  await applyEngineModel(app, 'F135-PW-100', '2');
  await app.getByRole('tab', { name: 'Timeline' }).click();
  // Performance figures every second would push the rows of the change out of the list.
  await app.getByLabel('Hide noise').check();

  // The row names the biggest changes with their values; the detail shows each before → after with its unit.
  const aero2 = outputRow(app, 'aerodynamics', 2);
  await expect(aero2).toHaveCount(1);
  await expect(aero2).toContainText('→');
  await aero2.click();
  const changed = app.getByRole('region', { name: 'Changed outputs' });
  const maxMach = changed.locator('tr[data-field="thrustToWeight"]');
  await expect(maxMach).toHaveCount(1);
  await expect(maxMach.locator('td').nth(1)).toHaveText(/^[\d.,]+ → [\d.,]+$/);
  await expect(maxMach.locator('td').nth(2)).toHaveText('ratio');
  await expect(changed.locator('tr[data-field="wingLoadingKgM2"] td').nth(2)).toHaveText('kg/m²');
  await shoot(app, changed, 'compare-output-values');

  // Compare two events: aerodynamics' outputs of v1 (marked as A) and of v2.
  await app.getByRole('button', { name: 'Mark for compare' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Marked as A' })).toBeVisible();
  await outputRow(app, 'aerodynamics', 1).click();
  const compared = app.getByTestId('payload-compare');
  await expect(compared).toBeVisible();
  await expect(compared.locator('tr[data-differs]').filter({ hasText: 'version' }).first()).toBeVisible();
  await expect(compared.locator('tr:not([data-differs])').filter({ hasText: 'engineId' })).toHaveCount(1);
  await shoot(app, app.getByRole('region', { name: 'Comparison of two events' }), 'compare-two-events');
  await app.getByRole('button', { name: 'Stop comparing' }).click();
  // Shift-click compares the selected event (aerodynamics v1) with the one clicked.
  await outputRow(app, 'propulsion', 2).click({ modifiers: ['Shift'] });
  await expect(app.getByRole('region', { name: 'Comparison of two events' })).toContainText(/Compared: A #\d+ engine_output · B #\d+ engine_output/);
  await expect(compared.locator('tr[data-differs]').filter({ hasText: 'engineId' })).toHaveCount(1);
  await app.getByRole('button', { name: 'Stop comparing' }).click();

  // The change's causal chain marks its critical path and names the engine that bounded it.
  await app.locator('.tl-list .tl-row[data-event-type="configuration_changed"]').filter({ hasText: 'v2' }).click();
  const chain = app.getByRole('region', { name: 'Causal chain' });
  await expect(chain.getByTestId('critical-path-summary')).toContainText(/bounded by (design|materials|propulsion|sensors|aerodynamics|manufacturing): [\d.,]+ ms of [\d.,]+ ms/);
  const critical = chain.locator('[data-critical]');
  expect(await critical.count()).toBeGreaterThanOrEqual(2);
  await expect(critical.first()).toContainText('◆ critical');
  await shoot(app, chain, 'compare-critical-path');

  // A recorded copy of the session at v2, then the live session moves on to v3.
  await app.getByRole('tab', { name: 'Sessions' }).click();
  const sessions = app.getByTestId('sessions-view');
  const downloading = app.waitForEvent('download');
  await sessions.getByTestId('session-row').first().getByRole('link', { name: /^Export/ }).click();
  const file = testInfo.outputPath('session.jsonl.gz');
  await (await downloading).saveAs(file);
  const importForm = sessions.getByRole('form', { name: 'Import a session' });
  await importForm.getByLabel('Session file').setInputFiles(file);
  await importForm.getByLabel('Name').fill('F135 study');
  await importForm.getByRole('button', { name: 'Import' }).click();
  await expect(sessions.getByTestId('session-row')).toHaveCount(2);
  await applyEngineModel(app, 'EJ200', '3');

  // Two versions of the live session: v2 against v3.
  await app.getByRole('tab', { name: 'Sessions' }).click();
  const versions = sessions.getByTestId('compare-versions');
  await expect(versions.getByLabel('Version B')).toContainText('v3');
  await versions.getByLabel('Version A').selectOption({ label: await versions.getByLabel('Version A').locator('option', { hasText: /^v2 / }).innerText() });
  await versions.getByRole('button', { name: 'Compare versions' }).click();
  const result = sessions.getByTestId('state-comparison');
  await expect(result).toContainText('A · v2');
  await expect(result).toContainText('B · v3');
  await expect(result.getByRole('table').first()).toContainText('Configuration version');
  await expect(result).toContainText('engineModel');
  const aeroOutputs = result.locator('[data-testid="compare-engine"][data-engine="aerodynamics"]');
  await expect(aeroOutputs).toContainText('v2 → v3');
  await expect(aeroOutputs.locator('tbody tr').first()).toContainText('→');
  await shoot(app, sessions.getByTestId('compare-panel'), 'compare-versions');

  // Two sessions: the recorded copy (v2) against the live one (v3).
  const pair = sessions.getByTestId('compare-sessions');
  await pair.getByLabel('Session A').selectOption({ label: await pair.getByLabel('Session A').locator('option', { hasText: 'F135 study' }).innerText() });
  const copyId = await pair.getByLabel('Session A').inputValue();
  const ids = await pair.getByLabel('Session B').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  await pair.getByLabel('Session B').selectOption(ids.find((id) => id !== copyId) ?? '');
  await pair.getByRole('button', { name: 'Compare sessions' }).click();
  await expect(result).toContainText('A · F135 study');
  const counts = result.locator('table.cmp-counts');
  await expect(counts.locator('tr', { hasText: 'Configuration version' })).toContainText(/2\s*3/);
  await expect(counts.locator('tr', { hasText: 'Events' })).toHaveClass(/cmp-differs/);
  await expect(result.locator('[data-engine="propulsion"]')).toContainText('differ');
  await shoot(app, result, 'compare-sessions');
});
