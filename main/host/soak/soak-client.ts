import WebSocket from 'ws';
import type { StreamBatch } from '../../../shared/protocol';
import { DROPPABLE_TYPES } from '../stream-batcher';

/** A command's answer as the host sends it (or `closed` when the socket went first). */
export interface Answer {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: { code: string; message: string };
}

/** How a socket ended: who closed it, with what code and reason. */
export interface ClientClose {
  code: number;
  reason: string;
  /** True when this side asked for the close. */
  byClient: boolean;
}

/**
 * One browser-like client of the soak: a real socket (token in the URL, the page's `Origin`),
 * commands with ids, and the stream counted by type. `pause` stops reading the socket, as a
 * frozen tab does, so the host's buffer for it fills.
 *
 * @example
 * const client = await SoakClient.open(server.port, server.token);
 * await client.invoke('status.get', {}); // { ok: true, data: {...} }
 */
export class SoakClient {
  receivedAll = 0;
  receivedSynthetic = 0;
  /** Droppable events other than `synthetic_load` (overload may drop them too). */
  receivedOtherDroppable = 0;
  /** Events the host dropped for this client by overload (`dropped.total` of its last batch). */
  droppedTotal = 0;
  close: ClientClose | undefined;
  readonly closed: Promise<void>;
  private nextId = 1;
  private closing = false;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw) => this.onMessage(raw.toString()));
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.close = { code, reason: reason.toString(), byClient: this.closing };
        for (const answer of this.waiting.values()) answer({ ok: false, error: { code: 'closed', message: 'socket closed' } });
        this.waiting.clear();
        resolve();
      });
    });
    // A failed socket also closes; the close is what the soak reads.
    socket.on('error', () => undefined);
  }

  static open(port: number, token: string): Promise<SoakClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { headers: { Origin: `http://127.0.0.1:${port}` } });
      const client = new SoakClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) => reject(new Error(`socket refused: HTTP ${response.statusCode}`)));
      socket.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  invoke(command: string, payload: unknown): Promise<Answer> {
    const id = this.nextId++;
    if (!this.isOpen) return Promise.resolve({ ok: false, error: { code: 'closed', message: 'socket closed' } });
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ kind: 'invoke', id, command, payload }));
    });
  }

  /** Stops reading (the socket's buffers fill, TCP pushes back on the host). */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  /** Leaves: a clean close, or a dropped connection as a crashed tab. */
  leave(abruptly: boolean): Promise<void> {
    this.closing = true;
    if (abruptly) this.socket.terminate();
    else this.socket.close(1000, 'soak client leaves');
    return this.closed;
  }

  private onMessage(text: string): void {
    const message = JSON.parse(text) as { kind: string; id?: number; result?: Answer; batch?: StreamBatch };
    if (message.kind === 'result' && typeof message.id === 'number') {
      this.waiting.get(message.id)?.(message.result as Answer);
      this.waiting.delete(message.id);
    } else if (message.kind === 'stream' && message.batch) {
      const { events, dropped } = message.batch;
      this.receivedAll += events.length;
      for (const event of events) {
        if (event.eventType === 'synthetic_load') this.receivedSynthetic++;
        else if (DROPPABLE_TYPES.has(event.eventType)) this.receivedOtherDroppable++;
      }
      this.droppedTotal = Math.max(this.droppedTotal, dropped.total);
    }
  }
}
