import { test, expect } from '../support/fixtures';
import { chooseOption, shootAtBothSizesAndThemes, visibleTypes } from './live-helpers';

test('exclude filters hide types and sources; a saved filter set comes back after a reload', async ({ app }) => {
  await expect.poll(async () => (await visibleTypes(app)).includes('rule_added')).toBe(true);
  await chooseOption(app, 'Hide types', 'rule_added');
  await expect.poll(async () => (await visibleTypes(app)).includes('rule_added')).toBe(false);
  expect(await visibleTypes(app)).toContain('engine_output');
  await chooseOption(app, 'Hide sources', 'design');
  await expect.poll(async () => (await visibleTypes(app)).includes('configuration_changed')).toBe(false);
  await expect(app.getByRole('button', { name: /^Hide types \(1\)/ })).toBeVisible();

  // Save them, clear, and bring them back by name.
  await app.getByRole('button', { name: /^Saved/ }).click();
  await app.getByLabel('Save the current filters as').fill('no rules, no design');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  expect(await shootAtBothSizesAndThemes(app, 'timeline-saved-filters')).toEqual([]);
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(async () => (await visibleTypes(app)).includes('rule_added')).toBe(true);

  await app.reload();
  await app.locator('html[data-bridge="open"]').waitFor({ state: 'attached' });
  await app.getByRole('button', { name: /^Saved \(1\)/ }).click();
  await app.getByRole('button', { name: 'no rules, no design', exact: true }).click();
  await expect.poll(async () => (await visibleTypes(app)).includes('rule_added')).toBe(false);
  await expect.poll(async () => (await visibleTypes(app)).includes('configuration_changed')).toBe(false);
  await app.getByRole('button', { name: /^Saved/ }).click();
  await app.getByRole('button', { name: 'Delete filter set no rules, no design' }).click();
  await expect(app.getByRole('button', { name: /^Saved/ })).toHaveText(/^Saved ▾/);
});

test("the inspector's 'Its events' makes the timeline show the selected engine's events, following the selection", async ({ app }) => {
  await app.getByTestId('engine-node-propulsion').click();
  await app.getByRole('button', { name: 'Its events' }).click();
  await expect(app.getByRole('button', { name: 'Its events' })).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByRole('button', { name: /^Engines \(1\)/ })).toBeVisible();
  const rows = app.locator('.tl-list .tl-row[data-event-type]');
  await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes('propulsion'))).toBe(true);
  // Another node: the timeline follows.
  await app.getByTestId('engine-node-sensors').click();
  await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes('sensors'))).toBe(true);
  expect(await rows.count()).toBeGreaterThan(0);
  expect(await shootAtBothSizesAndThemes(app, 'timeline-follows-engine')).toEqual([]);
  // Off again: every engine's events.
  await app.getByRole('button', { name: 'Its events' }).click();
  await expect(app.getByRole('button', { name: 'Engines', exact: true })).toBeVisible();
  await expect.poll(async () => (await rows.allTextContents()).some((t) => t.includes('propulsion'))).toBe(true);
});
