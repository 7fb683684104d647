import { create } from 'zustand';
import { persist, subscribeWithSelector } from 'zustand/middleware';
import type { StreamBatch } from '../../shared/protocol';
import type { Bridge } from '../bridge/bridge';
import { setBridge } from './bridge-access';
import { HistorySeed } from './history-seed';
import { createConnectionSlice, type ConnectionSlice } from './connection/connection-slice';
import { createEnginesSlice, routeEnginesBatch, type EnginesSlice } from './engines/engines-slice';
import { createViolationsSlice, routeViolationsBatch, type ViolationsSlice } from './violations/violations-slice';
import { createLiveSlices, liveBuffer, persistedLive, routeLiveBatch, type LiveSlices } from './live';
import { createWorkbenchSlices, persistedWorkbench, routeWorkbenchBatch, type WorkbenchSlices } from './workbench';

/**
 * The renderer's one store, made of slices: connection, engines and violations (shared by
 * every view), the live slices (events, selection, layout — `live/`) and the workbench slices
 * (metrics, configuration, analyses and tasks — `workbench/`). Views read it through selectors.
 */
export type FlightdeckState = ConnectionSlice & EnginesSlice & ViolationsSlice & LiveSlices & WorkbenchSlices;

export const useFlightdeck = create<FlightdeckState>()(
  subscribeWithSelector(
    persist(
      (...args) => ({
        ...createConnectionSlice(...args),
        ...createEnginesSlice(...args),
        ...createViolationsSlice(...args),
        ...createLiveSlices(...args),
        ...createWorkbenchSlices(...args)
      }),
      {
        name: 'flightdeck.preferences',
        version: 1,
        // Only preferences persist (layout, theme, filters); live data never does.
        partialize: (state) => ({ ...persistedLive(state), ...persistedWorkbench(state) }),
        merge: (persisted, current) => deepMerge(current, persisted)
      }
    )
  )
);

/** Merges persisted preferences into the slices without replacing their actions. */
function deepMerge<T>(current: T, persisted: unknown): T {
  if (typeof persisted !== 'object' || persisted === null) return current;
  const out: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(persisted)) {
    const base = out[key];
    out[key] =
      typeof base === 'object' && base !== null && !Array.isArray(base) && typeof value === 'object' && value !== null && !Array.isArray(value)
        ? deepMerge(base, value)
        : value;
  }
  return out as T;
}

const historySeed = new HistorySeed();

function routeBatch(incoming: StreamBatch): void {
  const batch = historySeed.accept(incoming);
  if (batch) dispatchBatch(batch);
}

function dispatchBatch(batch: StreamBatch): void {
  const state = useFlightdeck.getState();
  state.connection.noteBatch(batch);
  routeEnginesBatch(batch, useFlightdeck.setState);
  routeViolationsBatch(batch, useFlightdeck.setState, useFlightdeck.getState);
  routeLiveBatch(batch, useFlightdeck.getState, useFlightdeck.setState);
  routeWorkbenchBatch(batch, useFlightdeck.getState, useFlightdeck.setState);
}

/** History events in the shape the timeline takes them (only `events` is read). */
function historyBatch(events: StreamBatch['events']): StreamBatch {
  return { seq: -1, sentAt: Date.now(), events, dropped: { sinceLastBatch: 0, total: 0 }, queue: { depth: 0, capacity: 1 } };
}

/** Wires the store to a bridge: stream batches and connection changes flow in. */
export function connectStore(next: Bridge): () => void {
  setBridge(next);
  const offStream = next.onStream(routeBatch);
  const offConnection = next.onConnection((info) => {
    useFlightdeck.getState().connection.setInfo(info);
    // Each (re)connection starts from the host's current picture.
    if (info.state === 'open') {
      void useFlightdeck.getState().engines.loadGraph();
      void useFlightdeck.getState().violations.refresh();
      // Only the timeline takes history: the other slices load their current state instead.
      void historySeed.seed(
        next,
        liveBuffer.ring.newest(),
        (since) => liveBuffer.idsSince(since),
        (events) => routeLiveBatch(historyBatch(events), useFlightdeck.getState, useFlightdeck.setState),
        dispatchBatch
      );
    }
  });
  return () => {
    offStream();
    offConnection();
    setBridge(undefined);
  };
}
