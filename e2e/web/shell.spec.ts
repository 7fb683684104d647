import { test, expect } from '../support/fixtures';
import { connectHost, SCREENSHOTS, seriousViolations, setTheme } from './live-helpers';

test('connects over the WebSocket and shows the live shell', async ({ app }) => {
  await expect(app.locator('html')).toHaveAttribute('data-transport', 'websocket');
  const connection = app.getByTestId('status-connection');
  await expect(connection).toContainText('WebSocket');
  await expect(connection).toContainText('connected');
  await expect(app.getByRole('heading', { name: 'Flightdeck' })).toBeVisible();
  await expect(app.getByTestId('header-aircraft')).toContainText('F-22A Raptor');
  await expect(app.getByTestId('header-aircraft')).toContainText('configuration v1');
  await expect(app.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true');
});

test('tabs switch with clicks and with keys 1–6', async ({ app }) => {
  const names = ['Timeline', 'Performance', 'Consistency', 'Configuration', 'Actions', 'Dead letters'];
  for (const name of [...names].reverse()) {
    await app.getByRole('tab', { name: new RegExp(name) }).click();
    await expect(app.getByRole('tab', { name: new RegExp(name) })).toHaveAttribute('aria-selected', 'true');
    await expect(app.getByRole('tabpanel')).toHaveAttribute('id', `fd-panel-${name.toLowerCase().replace(' ', '')}`);
  }
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  for (const [i, name] of names.entries()) {
    await app.keyboard.press(String(i + 1));
    await expect(app.getByRole('tab', { name: new RegExp(name) })).toHaveAttribute('aria-selected', 'true');
  }
  await app.keyboard.press('1');
  await app.keyboard.press('?');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('theme, active tab and layout persist across a reload', async ({ app }) => {
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.getByRole('button', { name: /Light theme/ }).click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('t');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.keyboard.press('t');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  await app.getByRole('tab', { name: /Consistency/ }).click();

  // Drag the separator between the left column and the tabs 150 px to the right.
  const left = app.locator('[data-testid="left"]').first();
  const before = (await left.boundingBox())?.width ?? 0;
  const separator = app.locator('.fd-separator--vertical').first();
  const box = await separator.boundingBox();
  if (!box) throw new Error('no separator');
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.down();
  await app.mouse.move(box.x + 150, box.y + box.height / 2, { steps: 8 });
  await app.mouse.up();
  const after = (await left.boundingBox())?.width ?? 0;
  expect(after).toBeGreaterThan(before + 100);

  await app.reload();
  await app.locator('html[data-bridge="open"]').waitFor({ state: 'attached' });
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(app.getByRole('tab', { name: /Consistency/ })).toHaveAttribute('aria-selected', 'true');
  const restored = (await app.locator('[data-testid="left"]').first().boundingBox())?.width ?? 0;
  expect(Math.abs(restored - after)).toBeLessThan(8);
});

test('exports the session as a JSON download', async ({ app }) => {
  const downloadPromise = app.waitForEvent('download');
  await app.getByRole('button', { name: /Export session/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^flightdeck-session-.*\.json$/);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const session = JSON.parse(await readFile(path, 'utf8')) as { format: string; configuration: { name: string } };
  expect(session.format).toBe('flightdeck-summary/1');
  expect(session.configuration.name).toBe('F-22A Raptor');
});

test('overview screenshots in both themes pass axe', async ({ app, server }) => {
  // Some traffic so the timeline has rows: load another scenario through the host.
  const host = await connectHost(server);
  await host.invoke('scenario.load', { scenarioId: 'typhoon' });
  host.close();
  await expect(app.getByTestId('header-aircraft')).toContainText('Eurofighter Typhoon');
  await expect(app.locator('.tl-row[data-event-type="engine_output"]').first()).toBeVisible();

  for (const theme of ['dark', 'light'] as const) {
    await setTheme(app, theme);
    await app.screenshot({ path: `${SCREENSHOTS}/overview-${theme}.png` });
    expect(await seriousViolations(app)).toEqual([]);
  }
});

test('the page loads with no failed request: the favicon is served', async ({ page, server }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await page.goto(server.url);
  await page.locator('html[data-bridge="open"]').waitFor({ state: 'attached' });
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', './favicon.svg');
  const icon = await page.request.get(new URL('favicon.svg', server.url).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(failed).toEqual([]);
});
