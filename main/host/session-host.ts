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
import { invalidRequest } from './payload-errors';
import { StreamBatcher } from './stream-batcher';

export interface StreamClientOptions {
  /** False while the transport is backed up. */
  canSend?: () => boolean;
  capacity?: number;
  frameMs?: number;
}

/**
 * Owns one session for any number of clients: commands come in (each payload parsed with its
 * zod schema; a bad one gets a typed error naming the field), and the log's events go out to
 * every client in sequence order, in per-frame batches. A client folds them with the same
 * `project` the host's session state comes from; `session.sync` gives it the starting point.
 */
export class SessionHost extends DisposableStore {
  private readonly clients = new Set<StreamBatcher>();
  private readonly load: LoadGenerator;

  constructor(readonly session: FlightdeckSession) {
    super();
    this.load = this.register(new LoadGenerator(session.coordinator.bus));
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
      const data = await handler(parsed.data, { session: this.session, load: this.load });
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: { code: 'failed', message: `${command}: ${errorMessage(error)}` } };
    }
  }

  /** Starts streaming the log to a client; dispose the result to stop (its queue is released). */
  attachClient(send: (batch: StreamBatch) => void, options: StreamClientOptions = {}): Disposable {
    const batcher = new StreamBatcher({ send, canSend: options.canSend, capacity: options.capacity, frameMs: options.frameMs });
    this.clients.add(batcher);
    const attachment = this.register(
      toDisposable(() => {
        this.clients.delete(batcher);
        batcher.dispose();
      })
    );
    return toDisposable(() => this.disposeItem(attachment));
  }

  /** Clients streaming now. */
  get clientCount(): number {
    return this.clients.size;
  }
}
