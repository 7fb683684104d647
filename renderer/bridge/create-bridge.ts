import type { Bridge } from './bridge';
import { IpcBridge } from './ipc-bridge';
import { WebSocketBridge } from './websocket-bridge';

/** IPC when the preload exposed `window.flightdeck`, the WebSocket of browser mode otherwise. */
export function createBridge(): Bridge {
  if (window.flightdeck) return new IpcBridge(window.flightdeck);
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return new WebSocketBridge(`${scheme}://${window.location.host}/ws?token=${encodeURIComponent(token)}`);
}
