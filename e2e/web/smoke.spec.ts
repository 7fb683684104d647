import { test, expect } from '../support/fixtures';

test('browser mode connects the bridge over the WebSocket', async ({ app }) => {
  await expect(app.locator('html')).toHaveAttribute('data-transport', 'websocket');
  await expect(app.getByTestId('connection-state')).toHaveText('open');
});
