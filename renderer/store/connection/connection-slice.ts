import type { StateCreator } from 'zustand';
import type { StreamBatch } from '../../../shared/protocol';
import type { ConnectionInfo } from '../../bridge/bridge';
import type { FlightdeckState } from '../index';

export interface ConnectionSlice {
  connection: {
    info: ConnectionInfo;
    /** `Date.now()` when the last batch arrived. */
    lastBatchAt: number | null;
    /** Events the host dropped under overload (its count since we connected). */
    droppedByHost: number;
    /** Batches lost in transit (gaps in `seq`). */
    missedBatches: number;
    lastSeq: number | null;
    hostQueue: { depth: number; capacity: number } | null;
    setInfo(info: ConnectionInfo): void;
    noteBatch(batch: StreamBatch): void;
  };
}

export const createConnectionSlice: StateCreator<FlightdeckState, [], [], ConnectionSlice> = (set) => ({
  connection: {
    info: { transport: 'websocket', state: 'connecting', attempts: 0 },
    lastBatchAt: null,
    droppedByHost: 0,
    missedBatches: 0,
    lastSeq: null,
    hostQueue: null,
    setInfo: (info) =>
      set((s) => ({
        connection: {
          ...s.connection,
          info,
          // A new connection starts a new sequence.
          ...(info.state === 'open' && s.connection.info.state !== 'open' ? { lastSeq: null } : {})
        }
      })),
    noteBatch: (batch) =>
      set((s) => {
        const gap = s.connection.lastSeq === null ? 0 : Math.max(0, batch.seq - s.connection.lastSeq - 1);
        return {
          connection: {
            ...s.connection,
            lastBatchAt: Date.now(),
            droppedByHost: batch.dropped.total,
            missedBatches: s.connection.missedBatches + gap,
            lastSeq: batch.seq,
            hostQueue: batch.queue
          }
        };
      })
  }
});
