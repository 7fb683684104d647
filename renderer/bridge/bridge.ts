import type { Disposable } from '../../shared/disposable';
import type { CommandName, CommandRequest, CommandResponse, CommandResult, StreamBatch } from '../../shared/protocol';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ConnectionInfo {
  transport: 'ipc' | 'websocket';
  state: ConnectionState;
  /** Reconnect attempts since the connection was last open. */
  attempts: number;
  /** Why the connection is not open, when it is not. */
  reason?: string;
}

/**
 * The renderer's one way to the host, the same over Electron IPC and the WebSocket. The
 * only code that touches `window.flightdeck` or the socket lives in this folder.
 */
export interface Bridge extends Disposable {
  readonly transport: 'ipc' | 'websocket';
  /** Runs a command; the result is parsed with the command's response schema. */
  invoke<C extends CommandName>(command: C, payload: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>>;
  /** Receives each stream batch, parsed event by event with its type's schema. */
  onStream(listener: (batch: StreamBatch) => void): Disposable;
  /** Receives the connection state now and at every change. */
  onConnection(listener: (info: ConnectionInfo) => void): Disposable;
  readonly connection: ConnectionInfo;
}
