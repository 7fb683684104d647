import type { EngineEvent } from '../../shared/events';
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
import { COMMAND_HANDLERS, type HostContext } from './command-handlers';
import { LoadGenerator } from './load-generator';
import type { FlightdeckSession } from './flightdeck-session';
import { invalidRequest } from './payload-errors';
import { StreamBatcher, type BatchExtras } from './stream-batcher';

/** The host's engine id on the bus (it only listens). */
export const HOST_ENGINE_ID = 'host';
/** Engine statuses are sent at most this often. */
const STATUS_INTERVAL_MS = 100;
const METRICS_INTERVAL_MS = 1000;

export interface StreamClientOptions {
  /** False while the transport is backed up. */
  canSend?: () => boolean;
  capacity?: number;
  frameMs?: number;
}

/**
 * Owns one coordinator session for any number of clients: commands come in (each payload
 * parsed with its zod schema; a bad one gets a typed error naming the field), and events,
 * engine status, metrics and violations go out in per-frame batches.
 */
export class SessionHost extends DisposableStore {
  private readonly clients = new Set<StreamBatcher>();
  /** Bumped whenever engine status or open violations change; each client tracks what it sent. */
  private statusGeneration = 0;
  private violationGeneration = 0;

  private readonly load: LoadGenerator;

  constructor(readonly session: FlightdeckSession) {
    super();
    this.load = this.register(new LoadGenerator(session.coordinator.bus));
    this.register(session.coordinator.bus.subscribe(HOST_ENGINE_ID, '*', (event) => this.onEvent(event)));
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
      this.statusGeneration++;
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: { code: 'failed', message: `${command}: ${errorMessage(error)}` } };
    }
  }

  /** Starts streaming to a client; dispose the result to stop. */
  attachClient(send: (batch: StreamBatch) => void, options: StreamClientOptions = {}): Disposable {
    const { coordinator } = this.session;
    let lastStatusAt = Number.NEGATIVE_INFINITY;
    let lastMetricsAt = Number.NEGATIVE_INFINITY;
    let sentStatusGeneration = -1;
    let sentViolationGeneration = -1;
    const extras = (): BatchExtras => {
      const now = performance.now();
      const out: BatchExtras = {};
      if (sentStatusGeneration !== this.statusGeneration && now - lastStatusAt >= STATUS_INTERVAL_MS) {
        sentStatusGeneration = this.statusGeneration;
        lastStatusAt = now;
        out.engines = coordinator.getSystemStatus().engines;
      }
      if (now - lastMetricsAt >= METRICS_INTERVAL_MS) {
        lastMetricsAt = now;
        out.metrics = coordinator.monitor.getSummary();
      }
      if (sentViolationGeneration !== this.violationGeneration) {
        sentViolationGeneration = this.violationGeneration;
        const counts = coordinator.consistency.getViolationCounts();
        out.violations = { open: counts.open, bySeverity: { ...counts.bySeverity } };
      }
      return out;
    };
    const batcher = new StreamBatcher({ send, extras, canSend: options.canSend, capacity: options.capacity, frameMs: options.frameMs });
    this.clients.add(batcher);
    return this.register(
      toDisposable(() => {
        this.clients.delete(batcher);
        batcher.dispose();
      })
    );
  }

  private onEvent(event: EngineEvent): void {
    if (event.eventType === 'engine_status_changed' || event.eventType === 'engine_restarted' || event.eventType === 'fault_injected') {
      this.statusGeneration++;
    }
    if (event.eventType === 'violation_opened' || event.eventType === 'violation_resolved') this.violationGeneration++;
    for (const client of this.clients) client.push(event);
  }

  override dispose(): void {
    for (const client of this.clients) client.dispose();
    this.clients.clear();
    super.dispose();
  }
}
