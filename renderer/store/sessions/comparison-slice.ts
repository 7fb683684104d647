import type { StateCreator } from 'zustand';
import type { RecordedSession } from '../../../shared/protocol';
import type { SessionState } from '../../../shared/projection';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';

/** One side of a comparison: a session state and what it is the state of. */
export interface ComparedSide {
  /** "v3 of Storm", "Storm (final)". */
  label: string;
  /** The event the state is as of. */
  asOfSeq: number;
  /** Events in the log up to that event. */
  events: number;
  state: SessionState;
}

/** A configuration version of a session and the events its state spans. */
export interface VersionPoint {
  version: number;
  name: string;
  /** Its `configuration_changed` event. */
  seq: number;
  /** The last event before the next version was applied (the session's last for the newest). */
  untilSeq: number;
}

/** The most versions listed: the newest ones. */
const MAX_VERSIONS = 500;

export interface ComparisonSlice {
  comparison: {
    /** The session whose versions are listed (undefined: the live one) and the versions, oldest first. */
    versions: { sessionId: number | undefined; list: VersionPoint[]; loading: boolean };
    a: ComparedSide | null;
    b: ComparedSide | null;
    pending: boolean;
    error: string | null;
    /** Lists the configuration versions of a recorded session (undefined: the live one). */
    loadVersions(sessionId: number | undefined): Promise<void>;
    /** Compares the state of two versions of the listed session, each as of its last event before the next version. */
    compareVersions(a: VersionPoint, b: VersionPoint): Promise<void>;
    /** Compares two recorded sessions as of their last events. */
    compareSessions(a: RecordedSession, b: RecordedSession): Promise<void>;
  };
}

function configurationName(configuration: unknown): string {
  const name = (configuration as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : '';
}

export const createComparisonSlice: StateCreator<FlightdeckState, [], [], ComparisonSlice> = (set, get) => {
  const patch = (next: Partial<ComparisonSlice['comparison']>): void => set((s) => ({ comparison: { ...s.comparison, ...next } }));
  // Bumped by every comparison (and every version list) asked, so an older answer is dropped.
  let generation = 0;
  let versionsGeneration = 0;

  /** The state of a session as of `seq`, read the way time travel reads it (`session.stateAt`). */
  const sideAt = async (sessionId: number | undefined, seq: number, label: string): Promise<ComparedSide> => {
    const result = await bridge().invoke('session.stateAt', sessionId === undefined ? { seq } : { sessionId, seq });
    if (!result.ok) throw new Error(`session.stateAt failed: ${result.error.message}`);
    return { label, asOfSeq: result.data.seq, events: result.data.seq, state: result.data.state };
  };

  const compare = async (load: () => Promise<[ComparedSide, ComparedSide]>): Promise<void> => {
    const asked = ++generation;
    patch({ pending: true, error: null });
    try {
      const [a, b] = await load();
      if (asked === generation) patch({ a, b, pending: false });
    } catch (error) {
      if (asked === generation) patch({ a: null, b: null, pending: false, error: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    comparison: {
      versions: { sessionId: undefined, list: [], loading: false },
      a: null,
      b: null,
      pending: false,
      error: null,
      loadVersions: async (sessionId) => {
        const asked = ++versionsGeneration;
        // The list shown stays while the same session's list is read again (a new live version).
        const kept = get().comparison.versions;
        patch({ versions: { sessionId, list: kept.sessionId === sessionId ? kept.list : [], loading: true }, error: null });
        const query = { eventType: 'configuration_changed' as const, limit: MAX_VERSIONS };
        const result = await bridge().invoke('history.page', sessionId === undefined ? query : { ...query, sessionId });
        if (asked !== versionsGeneration) return;
        if (!result.ok) {
          patch({ versions: { sessionId, list: [], loading: false }, error: `history.page failed: ${result.error.message}` });
          return;
        }
        const changes = result.data.events.filter((event) => event.eventType === 'configuration_changed');
        const list = changes.map((event, index) => ({
          version: event.data.version,
          name: configurationName(event.data.configuration),
          seq: event.seq,
          untilSeq: (changes[index + 1]?.seq ?? result.data.lastSeq + 1) - 1
        }));
        patch({ versions: { sessionId, list, loading: false } });
      },
      compareVersions: (a, b) => {
        const { sessionId } = get().comparison.versions;
        return compare(() => Promise.all([sideAt(sessionId, a.untilSeq, `v${a.version} ${a.name}`), sideAt(sessionId, b.untilSeq, `v${b.version} ${b.name}`)]));
      },
      compareSessions: (a, b) =>
        compare(async () => {
          const [sideA, sideB] = await Promise.all([sideAt(a.id, a.lastSeq, a.name), sideAt(b.id, b.lastSeq, b.name)]);
          // The session's own count: its log holds noise the state does not fold.
          return [{ ...sideA, events: a.eventCount }, { ...sideB, events: b.eventCount }];
        })
    }
  };
};
