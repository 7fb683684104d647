import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/protocol/channels';
import type { Disposable } from '../../shared/disposable';
import type { SessionHost } from './session-host';

/**
 * The Electron transport: commands over `ipcMain.handle`, the stream over
 * `webContents.send`. Only the allow-listed channels exist, and only the main frame of
 * Flightdeck's own window, showing Flightdeck's own page, may call them.
 */
export function attachIpcTransport(host: SessionHost, window: BrowserWindow, isTrustedUrl: (url: string) => boolean): Disposable {
  const isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return (
      event.sender === window.webContents &&
      frame !== null &&
      frame === window.webContents.mainFrame &&
      isTrustedUrl(frame.url)
    );
  };
  ipcMain.handle(IPC_CHANNELS.invoke, async (event, command: unknown, payload: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'unauthorized', message: 'command refused: unexpected sender frame' } };
    }
    return host.invoke(command, payload);
  });
  const stream = host.attachClient((batch) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.stream, batch);
  });
  return {
    dispose: (): void => {
      ipcMain.removeHandler(IPC_CHANNELS.invoke);
      stream.dispose();
    }
  };
}
