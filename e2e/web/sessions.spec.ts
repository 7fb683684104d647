import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { SCREENSHOTS, seriousViolations, setTheme } from './live-helpers';

async function addJammers(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Configuration' }).click();
  const cf = page.getByTestId('configuration-view');
  await cf.getByRole('combobox', { name: 'Module', exact: true }).selectOption('ecm-internal');
  await cf.getByRole('combobox', { name: 'Attachment point' }).selectOption('avionics');
  await cf.getByLabel('Quantity').fill('18');
  await cf.getByRole('button', { name: 'Add module' }).click();
  await cf.getByRole('button', { name: /^Apply/ }).click();
  await expect(cf.getByTestId('cf-version')).toHaveText('2');
}

test('a session exported, imported through the Sessions view and replayed at 10× ends in its recorded state', async ({ app }, testInfo) => {
  // The recording to export: the F-22A, then a change that opens a power-budget violation.
  await addJammers(app);
  await expect(app.getByTestId('status-violations')).toContainText('1 open violation');

  await app.getByRole('tab', { name: 'Sessions' }).click();
  const view = app.getByTestId('sessions-view');
  const rows = view.getByTestId('session-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('live');
  await expect(rows.first()).toContainText('f22a');

  // Export (a download), then import the file back as a new session.
  const downloading = app.waitForEvent('download');
  await rows.first().getByRole('link', { name: /^Export/ }).click();
  const file = testInfo.outputPath('session.jsonl.gz');
  await (await downloading).saveAs(file);

  // A file that is not a session is refused with the host's message.
  const importForm = view.getByRole('form', { name: 'Import a session' });
  await importForm.getByLabel('Session file').setInputFiles({ name: 'bad.jsonl', mimeType: 'text/plain', buffer: Buffer.from('not json\n') });
  await importForm.getByRole('button', { name: 'Import' }).click();
  await expect(view.getByTestId('import-result')).toContainText('Import failed:');
  await expect(rows).toHaveCount(1);

  await importForm.getByLabel('Session file').setInputFiles(file);
  await importForm.getByLabel('Name').fill('Jammer study');
  await importForm.getByRole('button', { name: 'Import' }).click();
  await expect(view.getByTestId('import-result')).toContainText('Imported “Jammer study”');
  await expect(rows).toHaveCount(2);
  const imported = rows.filter({ hasText: 'Jammer study' });
  await expect(imported).toContainText('ended');

  // Back in the live session the violation is fixed, so the replay has something to change.
  await app.getByTestId('time-travel').getByRole('button', { name: /Live/ }).click();
  await app.getByRole('tab', { name: 'Configuration' }).click();
  await app.getByTestId('configuration-view').getByRole('button', { name: 'Remove ecm-internal' }).click();
  await app.getByTestId('configuration-view').getByRole('button', { name: /^Apply/ }).click();
  await expect(app.getByTestId('status-violations')).toContainText('0 open violations');

  // Replay at 10×: the views start from nothing and follow the recorded events.
  await app.getByRole('tab', { name: 'Sessions' }).click();
  await expect(view.getByRole('combobox', { name: 'Speed' })).toHaveValue('10');
  await imported.getByRole('button', { name: /^Replay/ }).click();
  const banner = app.getByTestId('replay-banner');
  await expect(banner).toContainText('Replay “Jammer study”');
  await expect(banner).toContainText('10×');
  await expect(banner).toContainText('playing');
  await expect(app.getByTestId('header-aircraft')).toContainText('configuration v1');
  await expect(app.getByTestId('viewing-banner')).toContainText('Session “Jammer study”');
  await app.getByRole('tab', { name: 'Timeline' }).click();
  await app.waitForTimeout(300);
  await app.screenshot({ path: `${SCREENSHOTS}/replay-dark.png` });

  // It ends in the recorded final state: version 2 with the violation open; the live session is untouched.
  await expect(banner).toContainText('finished', { timeout: 30_000 });
  await expect(app.getByTestId('header-aircraft')).toContainText('configuration v2');
  await expect(app.getByTestId('status-violations')).toContainText('1 open violation');
  await app.getByRole('tab', { name: 'Sessions' }).click();
  await app.waitForTimeout(300);
  await app.screenshot({ path: `${SCREENSHOTS}/sessions-dark.png` });
  expect(await seriousViolations(app)).toEqual([]);
  await setTheme(app, 'light');
  await app.screenshot({ path: `${SCREENSHOTS}/sessions-light.png` });
  expect(await seriousViolations(app)).toEqual([]);

  await banner.getByRole('button', { name: /Stop/ }).click();
  await app.getByTestId('time-travel').getByRole('button', { name: /Live/ }).click();
  await expect(app.getByTestId('header-aircraft')).toContainText('configuration v3');
  await expect(app.getByTestId('status-violations')).toContainText('0 open violations');
});
