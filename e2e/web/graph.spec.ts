import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { connectHost, renderedFontPx, SCREENSHOTS, shootAtBothSizesAndThemes } from './live-helpers';

/**
 * Points of drawn edges that fall inside a node they do not start or end at (sampled every 4 px
 * along each path, in screen coordinates). Empty when no edge runs under a node.
 */
async function edgePointsUnderNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => ({ id: n.dataset['id'] ?? '', box: n.getBoundingClientRect() }));
    const found: string[] = [];
    for (const edge of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path');
      if (!path) continue;
      const id = edge.getAttribute('data-id') ?? '';
      const matrix = path.getScreenCTM();
      if (!matrix) continue;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 4) {
        const local = path.getPointAtLength(at);
        const p = new DOMPoint(local.x, local.y).matrixTransform(matrix);
        for (const node of nodes) {
          if (id.includes(node.id)) continue;
          const b = node.box;
          if (p.x > b.left + 1 && p.x < b.right - 1 && p.y > b.top + 1 && p.y < b.bottom - 1) found.push(`${id} under ${node.id}`);
        }
      }
    }
    return [...new Set(found)];
  });
}

const ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];

test('shows the six engines, idle, with the direct dependencies; every link on request', async ({ app }) => {
  const nodes = app.locator('.gr-node');
  await expect(nodes).toHaveCount(6);
  for (const engine of ENGINES) {
    const node = app.getByTestId(`engine-node-${engine}`);
    await expect(node).toContainText(engine.charAt(0).toUpperCase() + engine.slice(1));
    await expect(node).toHaveAttribute('data-status', 'idle');
    await expect(node.locator('.gr-status')).toContainText('idle');
  }
  // The 13 dependencies less the 7 another path implies; rule edges only while violated or selected.
  await expect(app.locator('.react-flow__edge.gr-edge--dependency')).toHaveCount(6);
  await expect(app.locator('.react-flow__edge.gr-edge--rule')).toHaveCount(0);
  await expect(app.locator('.react-flow__edge.gr-edge--violated')).toHaveCount(0);

  await app.getByLabel('All links').check();
  await expect(app.locator('.react-flow__edge.gr-edge--dependency')).toHaveCount(13);
  // One rule edge per engine pair, its tooltip naming the rules between the two.
  await expect(app.locator('.react-flow__edge.gr-edge--rule')).toHaveCount(8);
  await expect(app.locator('.react-flow__edge.gr-edge--rule title').filter({ hasText: 'rules between design and sensors: config_version, mass_budget, power_budget' })).toHaveCount(1);
  await expect(app.locator('.react-flow__edge.gr-edge--dependency title').filter({ hasText: 'aerodynamics depends on design' })).toHaveCount(1);
  expect(await edgePointsUnderNodes(app)).toEqual([]);
  await app.getByLabel('All links').uncheck();

  // The selected engine's links, every one, in focus; the others step back.
  await app.getByTestId('engine-node-aerodynamics').click();
  await expect(app.locator('.react-flow__edge.gr-edge--focus.gr-edge--dependency')).toHaveCount(4);
  await expect(app.locator('.react-flow__edge.gr-edge--focus.gr-edge--rule')).toHaveCount(3);
  await expect(app.locator('.react-flow__edge.gr-edge--dim')).toHaveCount(4);
  expect(await edgePointsUnderNodes(app)).toEqual([]);
});

test('the graph reads at 1280×720: node names at 12 px or more on screen', async ({ app }) => {
  await app.setViewportSize({ width: 1280, height: 720 });
  await app.waitForTimeout(400);
  const heights = await renderedFontPx(app, '.gr-node-name');
  expect(heights).toHaveLength(6);
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(12);
  await app.screenshot({ path: `${SCREENSHOTS}/graph-1280x720-dark.png` });
});

test('a crash that restarts at once flashes on its node, then leaves a mark until acknowledged', async ({ app, server }) => {
  const host = await connectHost(server);
  await host.invoke('engine.fault', { engineId: 'sensors', fault: { kind: 'crash' } });
  host.close();
  const sensors = app.getByTestId('engine-node-sensors');
  await expect(sensors).toHaveClass(/gr-node--just-failed/);
  const mark = app.getByTestId('engine-failure-sensors');
  await expect(mark).toBeVisible();
  await expect(mark).toHaveAttribute('title', /Sensors failed at \d\d:\d\d:\d\d: .+ — click to acknowledge/);
  await app.screenshot({ path: `${SCREENSHOTS}/graph-crash-flash.png` });
  // The flash ends (5 s); the mark stays, on a node that is idle again.
  await expect(sensors).not.toHaveClass(/gr-node--just-failed/, { timeout: 8_000 });
  await expect(sensors).toHaveAttribute('data-status', 'idle');
  await expect(mark).toBeVisible();
  await mark.click();
  await expect(mark).toHaveCount(0);
});

test('graph nodes take focus with a visible ring; Enter and Space select, Space does not pause', async ({ app }) => {
  const node = app.locator('.react-flow__node[data-id="propulsion"]');
  await node.focus();
  const ring = await node.locator('.gr-node').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('inspector-engine')).toHaveAttribute('data-engine', 'propulsion');
  await app.locator('.react-flow__node[data-id="sensors"]').focus();
  await app.keyboard.press(' ');
  await expect(app.getByTestId('inspector-engine')).toHaveAttribute('data-engine', 'sensors');
  await expect(app.getByRole('button', { name: /Pause live/ })).toBeVisible();
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

test('graph screenshots with the inspector open pass axe at 1280×720 and 1440×900 in both themes', async ({ app }) => {
  await app.getByTestId('engine-node-propulsion').click();
  await expect(app.getByTestId('inspector-engine').getByRole('group', { name: 'outputs' })).toContainText('engineModel');
  expect(await shootAtBothSizesAndThemes(app, 'graph')).toEqual([]);
});

test('with the host gone the graph says so on itself, a draft reads not validated and Apply is off', async ({ app, server }) => {
  await app.getByRole('tab', { name: 'Configuration' }).click();
  const view = app.getByTestId('configuration-view');
  await expect(view.getByTestId('cf-current-engine')).toContainText('F119-PW-100 × 2');
  await expect(app.getByTestId('graph-offline')).toHaveCount(0);
  await server.stop();
  await expect(app.getByTestId('graph-offline')).toContainText("the engines' last known state, not live");
  const opacity = await app.locator('.react-flow__node').first().evaluate((n) => Number(getComputedStyle(n).opacity));
  expect(opacity).toBeLessThan(1);
  await view.getByLabel('Engine model').selectOption('F135-PW-100');
  await expect(view.getByTestId('cf-validation-status')).toHaveText('not validated');
  const apply = view.getByRole('button', { name: /^Apply/ });
  await expect(apply).toBeDisabled();
  await expect(apply).toHaveAttribute('title', /not connected to the host/);
  await expect(view.getByTestId('cf-apply-blocker')).toHaveText('Apply is off: not connected to the host');
  await app.screenshot({ path: `${SCREENSHOTS}/graph-host-gone.png` });
});
