import type { Disposable } from '../../shared/disposable';
import { Emitter } from '../../shared/emitter';
import type { CommandName, CommandRequest, CommandResponse, CommandResult, StreamBatch } from '../../shared/protocol';
import type { Bridge, ConnectionInfo } from './bridge';
import { parseCommandResult, parseStreamBatch } from './parse-messages';

interface Pending {
  command: CommandName;
  resolve: (result: CommandResult<unknown>) => void;
}

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5000;

/**
 * Browser mode's bridge: the same protocol over a WebSocket to the host. It reconnects with
 * backoff after a dropped connection; commands in flight when it drops fail as `unavailable`.
 */
export class WebSocketBridge implements Bridge {
  readonly transport = 'websocket';
  private socket: WebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly streamEmitter = new Emitter<StreamBatch>();
  private readonly connectionEmitter = new Emitter<ConnectionInfo>();
  private info: ConnectionInfo = { transport: 'websocket', state: 'connecting', attempts: 0 };
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly url: string) {
    this.connect();
  }

  get connection(): ConnectionInfo {
    return this.info;
  }

  invoke<C extends CommandName>(command: C, payload: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return Promise.resolve({ ok: false, error: { code: 'unavailable', message: `${command}: not connected to the host` } });
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, {
        command,
        resolve: (raw) => resolve(raw as CommandResult<CommandResponse<C>>)
      });
      socket.send(JSON.stringify({ kind: 'invoke', id, command, payload }));
    });
  }

  onStream(listener: (batch: StreamBatch) => void): Disposable {
    return this.streamEmitter.event(listener);
  }

  onConnection(listener: (info: ConnectionInfo) => void): Disposable {
    listener(this.info);
    return this.connectionEmitter.event(listener);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.reconnectTimer);
    this.socket?.close();
    this.failPending('bridge disposed');
    this.streamEmitter.dispose();
    this.connectionEmitter.dispose();
  }

  private setInfo(info: Partial<ConnectionInfo>): void {
    this.info = { ...this.info, ...info };
    this.connectionEmitter.fire(this.info);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => this.setInfo({ state: 'open', attempts: 0, reason: undefined }));
    socket.addEventListener('message', (event) => this.onMessage(String(event.data)));
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.failPending('connection lost');
      if (this.disposed) {
        this.setInfo({ state: 'closed' });
        return;
      }
      const attempts = this.info.attempts + 1;
      this.setInfo({ state: 'reconnecting', attempts, reason: event.reason || `connection closed (${event.code})` });
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** (attempts - 1));
      this.reconnectTimer = setTimeout(() => this.connect(), delay);
    });
  }

  private onMessage(text: string): void {
    let message: { kind?: unknown; id?: unknown; result?: unknown; batch?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      console.warn('flightdeck: host sent a message that is not JSON');
      return;
    }
    if (message.kind === 'stream') {
      const batch = parseStreamBatch(message.batch);
      if (batch) this.streamEmitter.fire(batch);
    } else if (message.kind === 'result' && typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      pending.resolve(parseCommandResult(pending.command, message.result));
    }
  }

  private failPending(reason: string): void {
    for (const [id, pending] of this.pending) {
      pending.resolve({ ok: false, error: { code: 'unavailable', message: `${pending.command}: ${reason}` } });
      this.pending.delete(id);
    }
  }
}
