import { DisposableStore, toDisposable, type Disposable } from '../../shared/disposable';
import {
  COMMANDS,
  isCommandName,
  type CommandName,
  type CommandRequest,
  type CommandResponse,
  type CommandResult,
  type StreamBatch
} from '../../shared/protocol';
import { errorMessage } from '../core/bus/errors';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import { COMMAND_HANDLERS, type HostContext } from './command-handlers';
import { LoadGenerator } from './load-generator';
import type { SessionRecording } from './session-recording';
import { invalidRequest } from './payload-errors';
import { StreamBatcher } from './stream-batcher';

/** A client's stream: dispose to stop; `wake` when its transport took what it was sent. */
export interface StreamAttachment extends Disposable {
  wake(): void;
}

export interface StreamClientOptions {
  /** False while the transport is backed up. */
  canSend?: () => boolean;
  capacity?: number;
  frameMs?: number;
  /** More facts wait for the client than its queue holds (see `StreamBatcherOptions.onOverflow`). */
  onOverflow?: (waiting: number) => void;
}

/**
 * Owns one session for any number of clients: commands come in (each payload parsed with its
 * zod schema; a bad one gets a typed error naming the field), and the log's events go out to
 * every client in sequence order, in per-frame batches. A client folds them with the same
 * `project` the host's session state comes from; `session.sync` gives it the starting point.
 */
/** The host's own engine id, the source of the faults it reports. */
export const HOST_ENGINE_ID = 'host';

export class SessionHost extends DisposableStore {
  private readonly clients = new Set<StreamBatcher>();
  private readonly load: LoadGenerator;

  /** `recording`: the store the session is recorded into (none: history, time travel and what-if say so). */
  constructor(
    readonly session: FlightdeckSession,
    readonly recording?: SessionRecording
  ) {
    super();
    this.load = this.register(new LoadGenerator(session.coordinator.bus, (error) => this.reportFault('the load generator', error)));
    this.register(session.coordinator.log.onDidAppend((event) => {
      for (const client of this.clients) client.push(event);
    }));
  }

  /** Runs one command. Never throws: failures come back as `{ ok: false, error }`. */
  invoke<C extends CommandName>(command: C, payload: CommandRequest<C>): Promise<CommandResult<CommandResponse<C>>>;
  invoke(command: unknown, payload: unknown): Promise<CommandResult<unknown>>;
  async invoke(command: unknown, payload: unknown): Promise<CommandResult<unknown>> {
    if (!isCommandName(command)) {
      return {
        ok: false,
        error: { code: 'unknown_command', message: `unknown command ${JSON.stringify(command)?.slice(0, 80) ?? String(command)}` }
      };
    }
    const parsed = COMMANDS[command].request.safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: invalidRequest(command, parsed.error) };
    try {
      const handler = COMMAND_HANDLERS[command] as (p: unknown, context: HostContext) => unknown;
      const data = await handler(parsed.data, { session: this.session, load: this.load, recording: this.recording });
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: { code: 'failed', message: `${command}: ${errorMessage(error)}` } };
    }
  }

  /** Starts streaming the log to a client; dispose the result to stop (its queue is released). */
  attachClient(send: (batch: StreamBatch) => void, options: StreamClientOptions = {}): StreamAttachment {
    const batcher = new StreamBatcher({
      send,
      canSend: options.canSend,
      capacity: options.capacity,
      frameMs: options.frameMs,
      onOverflow: options.onOverflow,
      onError: (error) => this.reportFault('streaming to a client', error)
    });
    this.clients.add(batcher);
    const attachment = this.register(
      toDisposable(() => {
        this.clients.delete(batcher);
        batcher.dispose();
      })
    );
    return { dispose: () => this.disposeItem(attachment), wake: () => batcher.wake() };
  }

  /**
   * Records a failure in one of the host's callbacks or timers as an `error_occurred` event
   * (origin `host`): the host goes on, nothing ends the process.
   */
  reportFault(where: string, error: unknown): void {
    try {
      this.session.coordinator.bus.publish({
        eventType: 'error_occurred',
        sourceEngine: HOST_ENGINE_ID,
        priority: 'HIGH',
        data: { engineId: HOST_ENGINE_ID, origin: 'host', message: `${where}: ${errorMessage(error)}`.slice(0, 4000) }
      });
    } catch (publishError) {
      console.error(`[flightdeck] ${where}:`, error, publishError);
    }
  }

  /** Records in the log that the host cut a client off for breaking a limit, and why. */
  reportDisconnect(code: number, reason: string, unreadBytes: number): void {
    this.guard('recording a disconnect', () =>
      this.session.coordinator.bus.publish({
        eventType: 'client_disconnected',
        sourceEngine: HOST_ENGINE_ID,
        data: { code, reason: reason.slice(0, 4000), unreadBytes: Math.max(0, Math.round(unreadBytes)) }
      })
    );
  }

  /** Runs a callback of the host; a throw becomes a fault report instead of ending the process. */
  guard(where: string, callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.reportFault(where, error);
    }
  }

  /** Clients streaming now. */
  get clientCount(): number {
    return this.clients.size;
  }
}
