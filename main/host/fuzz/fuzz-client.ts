import WebSocket from 'ws';
import type { CommandResult } from '../../../shared/protocol';
import type { FuzzFrame } from './fuzz-frames';

/** A `result` message as the host sends it. */
export interface ResultMessage {
  kind: 'result';
  id: number | null;
  result: CommandResult<unknown>;
}

/** How the host's `JSON.stringify({ kind: 'stream', batch })` starts. */
const STREAM_PREFIX = Buffer.from('{"kind":"stream",');

/** What came back for one frame. */
export interface Exchange {
  result: ResultMessage | undefined;
  /** Results beyond the first for this frame (each frame is answered once at most). */
  extraResults: number;
  close: { code: number; reason: string } | undefined;
  timedOut: boolean;
}

interface Pending {
  exchange: Exchange;
  waitForClose: boolean;
  done: () => void;
}

/**
 * A real browser-mode client for the fuzzer: one socket (token in the URL, `Origin` as a page on
 * the server would send it), one frame at a time. Counts the stream batches it gets meanwhile.
 *
 * @example
 * const client = await FuzzClient.open(server.port, server.token);
 * const { result } = await client.exchange({ kind: 'text', text: '{"kind":"invoke","id":1,"command":"status.get"}', origin: 'x' }, false, 60_000);
 */
export class FuzzClient {
  streamBatches = 0;
  /** Results that arrived while no frame was waiting (late, or never asked for). */
  strayResults = 0;
  /** Messages from the host that are not JSON. */
  unreadableMessages = 0;
  /** Closes while no frame was waiting (the host closed the socket after answering). */
  unpromptedCloses = 0;
  private pending: Pending | undefined;
  private closed: { code: number; reason: string } | undefined;
  private closing = false;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw, isBinary) => this.onMessage(isBinary ? undefined : (raw as Buffer)));
    socket.on('close', (code, reason) => this.onClose(code, reason.toString()));
    // A failed socket also closes; the close is what the fuzzer reads.
    socket.on('error', () => undefined);
  }

  static open(port: number, token: string): Promise<FuzzClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { headers: { Origin: `http://127.0.0.1:${port}` } });
      const client = new FuzzClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) => reject(new Error(`socket refused: HTTP ${response.statusCode}`)));
      socket.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return this.closed === undefined && this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Sends a frame; resolves once its result came (and, with `waitForClose`, the socket closed),
   * when the socket closed, or after `timeoutMs` without an answer.
   */
  exchange(frame: FuzzFrame, waitForClose: boolean, timeoutMs: number): Promise<Exchange> {
    const exchange: Exchange = { result: undefined, extraResults: 0, close: undefined, timedOut: false };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        exchange.timedOut = true;
        finish();
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve(exchange);
      };
      this.pending = { exchange, waitForClose, done: finish };
      this.send(frame);
    });
  }

  close(): void {
    this.closing = true;
    this.socket.terminate();
  }

  private send(frame: FuzzFrame): void {
    switch (frame.kind) {
      case 'text':
        this.socket.send(frame.text);
        return;
      case 'binary':
        this.socket.send(frame.data, { binary: true });
        return;
      case 'invalid-utf8':
        this.socket.send(frame.data, { binary: false });
        return;
      case 'fragmented':
        frame.parts.forEach((part, index) => this.socket.send(part, { fin: index === frame.parts.length - 1 }));
        return;
    }
  }

  private onMessage(raw: Buffer | undefined): void {
    // Stream batches are most of what arrives and the fuzzer checks results only: counted by
    // their first bytes, not decoded (half the client's time otherwise).
    if (raw && raw.length > STREAM_PREFIX.length && raw.subarray(0, STREAM_PREFIX.length).equals(STREAM_PREFIX)) {
      this.streamBatches++;
      return;
    }
    let message: { kind?: unknown };
    try {
      message = JSON.parse(raw?.toString() ?? '') as typeof message;
    } catch {
      this.unreadableMessages++;
      return;
    }
    if (message.kind === 'stream') {
      this.streamBatches++;
      return;
    }
    if (message.kind !== 'result') return;
    const pending = this.pending;
    if (!pending) {
      this.strayResults++;
      return;
    }
    if (pending.exchange.result) pending.exchange.extraResults++;
    else pending.exchange.result = message as ResultMessage;
    if (!pending.waitForClose) pending.done();
  }

  private onClose(code: number, reason: string): void {
    this.closed = { code, reason };
    const pending = this.pending;
    if (!pending) {
      if (!this.closing) this.unpromptedCloses++;
      return;
    }
    pending.exchange.close = this.closed;
    pending.done();
  }
}
