import type { Disposable } from '../../shared/disposable';
import {
  CONTROL_COMMANDS,
  WireRequestSchema,
  breachOf,
  isCommandName,
  type CommandError,
  type CommandResult,
  type WireRequest,
  type WireServerMessage
} from '../../shared/protocol';
import { RingBuffer } from '../../shared/ring-buffer';
import { invalidRequest } from './payload-errors';
import type { SessionHost, StreamAttachment } from './session-host';

/** What a connection needs of its transport (a WebSocket in browser mode). */
export interface ClientTransport {
  /** `written` (when given) runs once the transport has taken the message off its buffer. */
  send(text: string, written?: () => void): void;
  /** Bytes sent but not yet taken by the client. */
  bufferedBytes(): number;
  /** Stops reading the client's messages (its socket fills, TCP pushes back) / starts again. */
  pause(): void;
  resume(): void;
  /**
   * Sends the close frame. `abandon`: the client is not reading, so the frame may never reach it;
   * the transport frees the connection (and what it holds unread) soon whatever the client does.
   */
  close(code: number, reason: string, abandon: boolean): void;
}

export interface ClientLimits {
  /** The stream waits (and may drop noise) while more than this is unread. */
  streamBudgetBytes: number;
  /** Reading the client's commands pauses while more than this is unread. */
  pauseAboveBytes: number;
  /** A client with more unread than this, or paused longer than `stallTimeoutMs`, is disconnected. */
  maxBufferedBytes: number;
  stallTimeoutMs: number;
  /** Commands waiting per lane; past it a command is answered `overloaded`. */
  maxPendingCommands: number;
}

export const DEFAULT_CLIENT_LIMITS: ClientLimits = {
  streamBudgetBytes: 4 * 1024 * 1024,
  pauseAboveBytes: 16 * 1024 * 1024,
  maxBufferedBytes: 64 * 1024 * 1024,
  stallTimeoutMs: 10_000,
  maxPendingCommands: 256
};

/** WebSocket close codes used (RFC 6455). */
export const CLOSE_POLICY_VIOLATION = 1008;
export const CLOSE_TOO_BIG = 1009;

interface Lane {
  readonly queue: RingBuffer<WireRequest>;
  busy: boolean;
}

/**
 * One client of the host: its messages are checked against the wire limits before they are
 * parsed, its commands wait in its own queues (control commands in a lane of their own, served
 * first) with one command of each lane running at a time, so no client starves another and a
 * fault or a cancel is never stuck behind a storm. Everything it is sent counts against its
 * budget: over it the client is paused, then disconnected with the reason — it can never make
 * the host grow.
 */
export class ClientConnection implements Disposable {
  private readonly lanes: { control: Lane; normal: Lane };
  private readonly stream: StreamAttachment;
  private readonly watchdog: ReturnType<typeof setInterval>;
  private pausedSince: number | undefined;
  /** Since when the client has held too much unread to take the stream, or to be read from. */
  private behindSince: number | undefined;
  private readonly streamWritten = (): void => this.stream.wake();
  private closed = false;

  constructor(
    private readonly host: SessionHost,
    private readonly transport: ClientTransport,
    private readonly limits: ClientLimits = DEFAULT_CLIENT_LIMITS
  ) {
    const lane = (): Lane => ({ queue: new RingBuffer<WireRequest>(16, { grow: true }), busy: false });
    this.lanes = { control: lane(), normal: lane() };
    this.stream = host.attachClient((batch) => this.sendMessage({ kind: 'stream', batch }), {
      canSend: () => transport.bufferedBytes() < limits.streamBudgetBytes,
      onOverflow: (waiting) =>
        this.host.guard('closing a client that fell behind', () =>
          this.close(CLOSE_POLICY_VIOLATION, `client fell ${waiting.toLocaleString('en-US')} events behind the stream; reconnect to resync`)
        )
    });
    this.watchdog = setInterval(() => this.host.guard('client watchdog', () => this.checkBudget()), 250);
    this.watchdog.unref?.();
  }

  /** One message from the client. Never throws. */
  receive(text: string): void {
    if (this.closed) return;
    const breach = breachOf(text);
    if (breach) {
      this.answer(null, { ok: false, error: { code: 'limit_exceeded', message: breach.message, field: breach.limit } });
      this.close(breach.limit === 'maxMessageBytes' ? CLOSE_TOO_BIG : CLOSE_POLICY_VIOLATION, breach.message);
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.answer(null, failure('invalid_request', 'message is not valid JSON'));
      return;
    }
    const parsed = WireRequestSchema.safeParse(message);
    if (!parsed.success) {
      const id = (message as { id?: unknown } | null)?.id;
      this.answer(Number.isInteger(id) && (id as number) >= 0 ? (id as number) : null, { ok: false, error: invalidRequest('message', parsed.error) });
      return;
    }
    const lane = isCommandName(parsed.data.command) && CONTROL_COMMANDS.has(parsed.data.command) ? this.lanes.control : this.lanes.normal;
    if (lane.queue.size >= this.limits.maxPendingCommands) {
      this.answer(parsed.data.id, failure('overloaded', `${this.limits.maxPendingCommands} commands are already waiting: wait for their answers`));
      return;
    }
    lane.queue.push(parsed.data);
    this.serve(lane);
  }

  /** A message the transport refused before it reached `receive` (e.g. over its size limit). */
  refuse(error: CommandError, closeCode: number): void {
    this.answer(null, { ok: false, error });
    this.close(closeCode, error.message);
  }

  dispose(): void {
    this.closed = true;
    clearInterval(this.watchdog);
    this.stream.dispose();
  }

  private serve(lane: Lane): void {
    if (lane.busy || this.closed) return;
    const request = lane.queue.shift();
    if (!request) return;
    lane.busy = true;
    void this.host.invoke(request.command, request.payload).then((result) => {
      lane.busy = false;
      this.host.guard('answering a client', () => this.answer(request.id, result));
      this.host.guard('serving a client', () => this.serve(lane));
    });
  }

  private answer(id: number | null, result: CommandResult<unknown>): void {
    this.sendMessage({ kind: 'result', id, result });
  }

  private sendMessage(message: WireServerMessage): void {
    if (this.closed) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      // A result that cannot be serialised is a host fault: the client gets a failure instead.
      this.host.reportFault('serialising a message', error);
      if (message.kind !== 'result') return;
      text = JSON.stringify({ kind: 'result', id: message.id, result: failure('failed', 'the result could not be serialised') });
    }
    this.transport.send(text, message.kind === 'stream' ? this.streamWritten : undefined);
    this.checkBudget();
  }

  /**
   * Pauses a client that stopped reading, resumes it once it catches up, disconnects it past its
   * limits: more unread than `maxBufferedBytes`, or too much unread to take the stream (or to be
   * read from) for longer than `stallTimeoutMs` — its stream would otherwise wait in the host.
   */
  private checkBudget(): void {
    if (this.closed) return;
    const buffered = this.transport.bufferedBytes();
    if (buffered > this.limits.maxBufferedBytes) {
      this.close(CLOSE_POLICY_VIOLATION, `client stopped reading: ${megabytes(buffered)} unread (limit ${megabytes(this.limits.maxBufferedBytes)})`, true);
      return;
    }
    const now = performance.now();
    const stalled = buffered >= this.limits.streamBudgetBytes || buffered > this.limits.pauseAboveBytes;
    if (!stalled) this.behindSince = undefined;
    else if (this.behindSince === undefined) this.behindSince = now;
    else if (now - this.behindSince > this.limits.stallTimeoutMs) {
      this.close(CLOSE_POLICY_VIOLATION, `client stopped reading: ${megabytes(buffered)} unread for ${Math.round(this.limits.stallTimeoutMs / 1000)} s`, true);
      return;
    }
    if (buffered > this.limits.pauseAboveBytes) {
      if (this.pausedSince === undefined) {
        this.pausedSince = now;
        this.transport.pause();
      }
    } else if (this.pausedSince !== undefined) {
      this.pausedSince = undefined;
      this.transport.resume();
    }
  }

  /** Ends the connection, and records in the log why: a client that stopped reading never hears it. */
  private close(code: number, reason: string, abandon = false): void {
    if (this.closed) return;
    this.dispose();
    this.host.reportDisconnect(code, reason, this.transport.bufferedBytes());
    // A close reason is at most 123 bytes.
    this.transport.close(code, reason.slice(0, 120), abandon);
  }
}

function failure(code: CommandError['code'], message: string): CommandResult<never> {
  return { ok: false, error: { code, message } };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
