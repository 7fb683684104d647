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
export interface Bridge {
  readonly transport: 'ipc' | 'websocket';
  /** Runs a command; the result is parsed with the command's response schema. */
  invoke<C extends CommandName>(command: C, payload: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>>;
  /** Receives each validated stream batch; returns an unsubscribe function. */
  onStream(listener: (batch: StreamBatch) => void): () => void;
  onConnection(listener: (info: ConnectionInfo) => void): () => void;
  readonly connection: ConnectionInfo;
  dispose(): void;
}
