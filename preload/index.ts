import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS } from '../shared/protocol/channels';
import type { FlightdeckApi } from './api';

/**
 * The renderer's only door to the main process: two typed verbs on `window.flightdeck`.
 * `ipcRenderer` itself is never exposed; only the allow-listed channels are used.
 */
const api: FlightdeckApi = {
  transport: 'ipc',
  invoke: (command, payload) => ipcRenderer.invoke(IPC_CHANNELS.invoke, command, payload),
  onStream: (listener) => {
    const forward = (_event: IpcRendererEvent, batch: unknown): void => listener(batch);
    ipcRenderer.on(IPC_CHANNELS.stream, forward);
    return {
      dispose: () => {
        ipcRenderer.removeListener(IPC_CHANNELS.stream, forward);
      }
    };
  }
};

contextBridge.exposeInMainWorld('flightdeck', api);
