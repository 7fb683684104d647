import type { Page, WebSocketRoute } from '@playwright/test';
import type { BrowserModeServer } from '../support/browser-mode';

/**
 * Browser mode offers no way to make a bus handler fail (the engines' only subscriptions answer
 * requests, whose failures are never dead-lettered), so a real host never produces a dead letter
 * there. These helpers let a spec show the renderer dead letters anyway, and only the renderer:
 * the page's WebSocket to the real host runs through the test, which can put an event of its own
 * in the place of a `performance_updated` the host streamed (same log position, so the page's
 * projection and timeline stay in order), answer a command itself, or change the session
 * state every `session.sync` answers with. Everything else passes through untouched.
 */

/** A streamed event as the wire carries it (the fields a spec reads or writes). */
export interface WireEvent {
  seq: number;
  eventId: string;
  eventType: string;
  timestamp: number;
  configVersion: number;
  correlationId: string;
  [field: string]: unknown;
}

export interface DoctoredStream {
  /** Every event the page was sent so far (sync, history and stream), as sent. */
  readonly seen: WireEvent[];
  /**
   * Puts `make(slot)` in the place of the next `performance_updated` the host streams (at most
   * a second away) and resolves once the page has been sent it.
   */
  replaceNextNoise(make: (slot: WireEvent) => WireEvent): Promise<void>;
  /** From now on the test answers `command` itself with `data(payload)`; the host never sees it. */
  answer(command: string, data: (payload: unknown) => unknown): void;
}

export interface DoctoredOptions {
  /** Changes the session state each `session.sync` answer carries (the snapshot the page rebuilds from). */
  changeSync?: (state: Record<string, unknown>) => void;
}

interface Pending {
  make: (slot: WireEvent) => WireEvent;
  done: () => void;
}

/** Opens the app at the server's URL with its WebSocket running through the test. */
export async function openDoctored(page: Page, server: BrowserModeServer, options: DoctoredOptions = {}): Promise<DoctoredStream> {
  const seen: WireEvent[] = [];
  const replacements: Pending[] = [];
  const answers = new Map<string, (payload: unknown) => unknown>();
  const syncIds = new Set<number>();

  const fromHost = (toPage: WebSocketRoute, raw: string): void => {
    const message = JSON.parse(raw) as { kind: string; id?: number; result?: { ok: boolean; data?: Record<string, unknown> }; batch?: { events: WireEvent[] } };
    if (message.kind === 'stream' && message.batch) {
      const events = message.batch.events;
      for (let i = 0; i < events.length && replacements.length > 0; i++) {
        if (events[i]?.eventType !== 'performance_updated') continue;
        const pending = replacements.shift() as Pending;
        events[i] = pending.make(events[i] as WireEvent);
        queueMicrotask(pending.done);
      }
      seen.push(...events);
    } else if (message.kind === 'result' && message.result?.ok && message.result.data) {
      const data = message.result.data as { events?: WireEvent[]; snapshot?: { state: Record<string, unknown> } };
      if (message.id !== undefined && syncIds.delete(message.id) && data.snapshot) options.changeSync?.(data.snapshot.state);
      if (Array.isArray(data.events)) seen.push(...data.events);
    }
    toPage.send(JSON.stringify(message));
  };

  await page.routeWebSocket(/\/ws\b/, (ws) => {
    const host = ws.connectToServer();
    ws.onMessage((raw) => {
      const request = JSON.parse(String(raw)) as { id: number; command: string; payload: unknown };
      const local = answers.get(request.command);
      if (local) {
        ws.send(JSON.stringify({ kind: 'result', id: request.id, result: { ok: true, data: local(request.payload) } }));
        return;
      }
      if (request.command === 'session.sync') syncIds.add(request.id);
      host.send(raw);
    });
    host.onMessage((raw) => fromHost(ws, String(raw)));
  });
  await page.goto(server.url);
  await page.locator('html[data-bridge="open"]').waitFor({ state: 'attached', timeout: 20_000 });

  return {
    seen,
    replaceNextNoise: (make) => new Promise((done) => replacements.push({ make, done })),
    answer: (command, data) => answers.set(command, data)
  };
}

/** The envelope of an event the bus publishes about `original`, at `slot`'s log position. */
function busEventAbout(slot: WireEvent, original: WireEvent, priority: 'HIGH' | 'NORMAL') {
  return {
    seq: slot.seq,
    eventId: `doctored-${slot.seq}`,
    sourceEngine: 'event_bus',
    priority,
    timestamp: slot.timestamp,
    configVersion: original.configVersion,
    requiresResponse: false,
    correlationId: original.correlationId,
    causationId: original.eventId
  };
}

/** An `error_occurred` of the bus in `slot`'s place: `engineId`'s handler failed on `original` after its retries. */
export function deadLettered(slot: WireEvent, original: WireEvent, engineId: string, message: string, attempts = 3): WireEvent {
  return {
    ...busEventAbout(slot, original, 'HIGH'),
    eventType: 'error_occurred',
    data: { engineId, origin: 'handler', message, originalEventId: original.eventId, originalEventType: original.eventType, attempts, timedOut: false, deadLettered: true }
  };
}

/** The bus's `dead_letter_resolved` for `engineId`'s letter of `original`, in `slot`'s place. */
export function resolved(slot: WireEvent, original: WireEvent, engineId: string, outcome: 'redelivered' | 'discarded'): WireEvent {
  return {
    ...busEventAbout(slot, original, 'NORMAL'),
    eventType: 'dead_letter_resolved',
    data: { originalEventId: original.eventId, engineId, outcome }
  };
}
