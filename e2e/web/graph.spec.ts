import { test, expect } from '../support/fixtures';
import { SCREENSHOTS, seriousViolations, setTheme } from './live-helpers';

const ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];

test('shows the six engines, idle, with dependency and rule edges', async ({ app }) => {
  const nodes = app.locator('.gr-node');
  await expect(nodes).toHaveCount(6);
  for (const engine of ENGINES) {
    const node = app.getByTestId(`engine-node-${engine}`);
    await expect(node).toContainText(engine.charAt(0).toUpperCase() + engine.slice(1));
    await expect(node).toHaveAttribute('data-status', 'idle');
    await expect(node.locator('.gr-status')).toContainText('idle');
  }
  // 13 dependencies and one dashed edge per (rule source, dependent) pair.
  await expect(app.locator('.react-flow__edge.gr-edge--dependency')).toHaveCount(13);
  await expect(app.locator('.react-flow__edge.gr-edge--rule')).toHaveCount(8);
  await expect(app.locator('.react-flow__edge.gr-edge--violated')).toHaveCount(0);
});

test('a node opens the inspector with capabilities, cached outputs and a working restart', async ({ app }) => {
  await app.getByTestId('engine-node-propulsion').click();
  const inspector = app.getByTestId('inspector-engine');
  await expect(inspector).toHaveAttribute('data-engine', 'propulsion');
  await expect(inspector.getByRole('heading', { name: 'Propulsion' })).toBeVisible();
  await expect(inspector).toContainText('thrust_to_weight');
  await expect(inspector).toContainText('Depends on');
  await expect(inspector).toContainText('design, materials');
  await expect(inspector.getByRole('group', { name: 'outputs' })).toContainText('engineModel');
  await expect(inspector.getByRole('group', { name: 'outputs' })).toContainText('"F119-PW-100"');
  await expect(app.getByTestId('engine-node-propulsion')).toHaveClass(/gr-node--selected/);
  await expect(inspector.getByTestId('inspector-restarts')).toHaveText('0');

  await inspector.getByRole('button', { name: 'Restart engine' }).click();
  await expect(inspector.getByRole('status')).toHaveText('propulsion restarted');
  await expect(inspector.getByTestId('inspector-restarts')).toHaveText('1');
  await expect(app.getByTestId('engine-node-propulsion')).toHaveAttribute('data-status', 'idle');
  await expect(app.getByTestId('engine-node-propulsion')).toContainText('↻ 1');
  // The restart is in the timeline, from propulsion.
  const restarted = app.locator('.tl-row[data-event-type="engine_restarted"]');
  await expect(restarted).toHaveCount(1);
  await expect(restarted).toContainText('propulsion');
  // The status change went through "restarting".
  await expect(app.locator('.tl-row[data-event-type="engine_status_changed"]').filter({ hasText: 'restarting' })).toHaveCount(1);

  await app.keyboard.press('Escape');
  await expect(app.getByTestId('inspector-engine')).toHaveCount(0);
  await expect(app.getByTestId('engine-node-propulsion')).not.toHaveClass(/gr-node--selected/);
});

test('clicking a timeline event highlights its source and targets in the graph', async ({ app }) => {
  await app.getByTestId('engine-node-sensors').click();
  await app.getByRole('button', { name: 'Restart engine' }).click();
  const row = app.locator('.tl-row[data-event-type="engine_restarted"]');
  await row.click();
  await expect(app.getByTestId('engine-node-sensors').locator('..')).toBeVisible();
  await expect(app.getByTestId('engine-node-sensors')).toHaveClass(/gr-node--highlight-source/);
  await expect(app.locator('.gr-node--highlight-source')).toHaveCount(1);
});

test('graph screenshots with the inspector open pass axe in both themes', async ({ app }) => {
  await app.getByTestId('engine-node-propulsion').click();
  await expect(app.getByTestId('inspector-engine').getByRole('group', { name: 'outputs' })).toContainText('engineModel');
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(app, theme);
    await app.screenshot({ path: `${SCREENSHOTS}/graph-${theme}.png` });
    expect(await seriousViolations(app)).toEqual([]);
  }
});
