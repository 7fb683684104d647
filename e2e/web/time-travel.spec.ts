import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { connectHost, SCREENSHOTS, seriousViolations, setTheme } from './live-helpers';

/** In the Configuration view: a draft edit, then Apply, waiting for the new version. */
async function applyDraft(page: Page, edit: () => Promise<void>): Promise<void> {
  await page.getByRole('tab', { name: 'Configuration' }).click();
  const view = page.getByTestId('configuration-view');
  const before = Number(await view.getByTestId('cf-version').textContent());
  await edit();
  await view.getByRole('button', { name: /^Apply/ }).click();
  await expect(view.getByTestId('cf-version')).toHaveText(String(before + 1));
}

async function travelTo(page: Page, seq: number): Promise<void> {
  const bar = page.getByTestId('time-travel');
  await bar.getByLabel('Go to event number').fill(String(seq));
  await bar.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByTestId('viewing-banner')).toContainText(`Viewing event #${seq.toLocaleString('en-US')}`);
}

test('scrubbing back to a resolved power-budget violation shows it open everywhere, read-only', async ({ app, server }) => {
  // 18 internal jammers (5 kW each) on top of ~45 kW of avionics exceed the 130 kW generated.
  await applyDraft(app, async () => {
    const cf = app.getByTestId('configuration-view');
    await cf.getByRole('combobox', { name: 'Module', exact: true }).selectOption('ecm-internal');
    await cf.getByRole('combobox', { name: 'Attachment point' }).selectOption('avionics');
    await cf.getByLabel('Quantity').fill('18');
    await cf.getByRole('button', { name: 'Add module' }).click();
  });
  const consistency = app.getByTestId('consistency-view');
  const powerRow = consistency.getByTestId('violations-open').locator('tr[data-rule="power_budget"]');
  await app.getByRole('tab', { name: 'Consistency' }).click();
  await expect(powerRow).toBeVisible();
  await applyDraft(app, async () => {
    await app.getByTestId('configuration-view').getByRole('button', { name: 'Remove ecm-internal' }).click();
  });
  await app.getByRole('tab', { name: 'Consistency' }).click();
  await expect(consistency.getByTestId('open-violations')).toContainText('No open violations');
  await expect(app.locator('.react-flow__edge.gr-edge--violated')).toHaveCount(0);

  // The event that opened it, as the store recorded it.
  const host = await connectHost(server);
  const page = (await host.invoke('history.page', { eventType: 'violation_opened' })) as { data: { events: { seq: number }[] } };
  const resolved = (await host.invoke('history.page', { eventType: 'violation_resolved' })) as { data: { events: { seq: number }[] } };
  host.close();
  const openedAt = page.data.events.at(-1)?.seq ?? 0;
  const resolvedAt = resolved.data.events.at(-1)?.seq ?? 0;
  expect(openedAt).toBeGreaterThan(0);
  expect(resolvedAt).toBeGreaterThan(openedAt);

  await travelTo(app, openedAt);
  await expect(app.getByTestId('viewing-banner')).toContainText('read-only');
  await expect(powerRow).toBeVisible();
  await expect(powerRow).toContainText('134.9');
  await expect(app.locator('.react-flow__edge.gr-edge--violated').first()).toBeAttached();
  await expect(app.getByTestId('status-violations')).toContainText('1 open violation');
  // Controls that would change the live session are off, saying why.
  const deleteRule = consistency.getByRole('button', { name: 'Delete rule power_budget' });
  await expect(deleteRule).toBeDisabled();
  await expect(deleteRule).toHaveAttribute('title', /Read-only: viewing event #/);
  // The timeline shows the viewed event; the consistency view is open for the screenshot.
  await app.getByRole('tab', { name: 'Timeline' }).click();
  await expect(app.locator(`.tl-row[data-seq="${openedAt}"]`)).toHaveAttribute('aria-current', 'step');
  await expect(app.locator(`.tl-row[data-seq="${openedAt}"]`)).toHaveAttribute('aria-selected', 'true');
  await app.getByRole('tab', { name: 'Consistency' }).click();

  await app.waitForTimeout(400);
  await app.screenshot({ path: `${SCREENSHOTS}/time-travel-dark.png` });
  expect(await seriousViolations(app)).toEqual([]);
  await setTheme(app, 'light');
  await app.screenshot({ path: `${SCREENSHOTS}/time-travel-light.png` });
  await setTheme(app, 'dark');

  // One event back is before the violation opened; one forward again shows it.
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('[');
  await expect(app.getByTestId('viewing-banner')).toContainText(`#${(openedAt - 1).toLocaleString('en-US')}`);
  await expect(powerRow).toHaveCount(0);
  await app.getByTestId('time-travel').getByRole('button', { name: 'Step one event forward' }).click();
  await expect(app.getByTestId('viewing-banner')).toContainText(`#${openedAt.toLocaleString('en-US')}`);
  await expect(powerRow).toBeVisible();

  // At the resolution it is gone again; Live returns to now, controls back on.
  await travelTo(app, resolvedAt);
  await expect(powerRow).toHaveCount(0);
  await travelTo(app, openedAt);
  await app.getByTestId('time-travel').getByRole('button', { name: /Live/ }).click();
  await expect(app.getByTestId('viewing-banner')).toHaveCount(0);
  await expect(consistency.getByTestId('open-violations')).toContainText('No open violations');
  await expect(deleteRule).toBeEnabled();
});
