import type { StateCreator } from 'zustand';
import type { ConsistencyRuleSpec } from '../../../../shared/consistency';
import type { LibraryCatalog, OneChoice, RecordedSession, RejudgeReport, RerunReport, RuleEdit } from '../../../../shared/protocol';
import { bridge } from '../../bridge-access';
import { selectRules } from '../../session/selectors';
import type { FlightdeckState } from '../../index';
import { recordedChangesOf, type RecordedChange } from './recorded-changes';
import { EMPTY_RULE_DRAFT, type RuleDraft } from './rule-draft';

/** The most differing outputs a re-judge lists (the rest are counted): enough to read, bounded to draw. */
export const REJUDGE_MAX_STEPS = 500;
/** The newest configuration changes offered for a re-run. */
const CHANGES_LIMIT = 200;
/** `session.stateAt` clamps to the session's last event: this asks for the state at its end. */
const END_OF_SESSION = Number.MAX_SAFE_INTEGER;

/** A command of the what-if view: running, its last answer, or the host's error verbatim. */
export interface WhatIfRun<T> {
  running: boolean;
  report: T | null;
  error: string | null;
}

const IDLE = { running: false, report: null, error: null };

/**
 * The What-if workbench: which recorded session is judged, its rules and configuration changes,
 * the rule draft, and the two reports. Nothing here reaches the live session: both commands run
 * in sandboxes on the host.
 */
export interface WhatIfSlice {
  whatif: {
    sessions: readonly RecordedSession[];
    liveSessionId: number | null;
    /** The session both what-ifs read; null = the live one. */
    sessionId: number | null;
    catalog: LibraryCatalog | null;
    /** The rules as recorded at the end of a non-live session (the live one's are in the session state). */
    recordedRules: readonly ConsistencyRuleSpec[] | null;
    changes: readonly RecordedChange[];
    loadError: string | null;
    draft: RuleDraft;
    rejudge: WhatIfRun<RejudgeReport>;
    rerun: WhatIfRun<RerunReport>;
    /** Fetches the sessions, the library and the chosen session's changes. */
    load(): Promise<void>;
    selectSession(sessionId: number | null): Promise<void>;
    loadChanges(): Promise<void>;
    setDraft(draft: RuleDraft): void;
    runRejudge(edits: RuleEdit[]): Promise<void>;
    runRerun(seq: number, choice: OneChoice): Promise<void>;
  };
}

export const createWhatIfSlice: StateCreator<FlightdeckState, [], [], WhatIfSlice> = (set, get) => {
  const patch = (next: Partial<WhatIfSlice['whatif']>): void => set((s) => ({ whatif: { ...s.whatif, ...next } }));
  const requestedSession = (): { sessionId?: number } => {
    const id = get().whatif.sessionId;
    return id === null ? {} : { sessionId: id };
  };

  return {
    whatif: {
      sessions: [],
      liveSessionId: null,
      sessionId: null,
      catalog: null,
      recordedRules: null,
      changes: [],
      loadError: null,
      draft: EMPTY_RULE_DRAFT,
      rejudge: IDLE,
      rerun: IDLE,
      load: async () => {
        const [sessions, library] = await Promise.all([bridge().invoke('sessions.list', {}), bridge().invoke('library.get', {})]);
        patch({
          sessions: sessions.ok ? sessions.data.sessions : get().whatif.sessions,
          liveSessionId: sessions.ok ? sessions.data.liveSessionId : get().whatif.liveSessionId,
          catalog: library.ok ? library.data : get().whatif.catalog,
          loadError: !sessions.ok ? sessions.error.message : !library.ok ? library.error.message : null
        });
        await get().whatif.loadChanges();
      },
      selectSession: async (sessionId) => {
        const live = sessionId === null || sessionId === get().whatif.liveSessionId;
        // Edits name the chosen session's rules, so a draft does not carry over to another session.
        patch({ sessionId: live ? null : sessionId, recordedRules: null, changes: [], draft: EMPTY_RULE_DRAFT, rejudge: IDLE, rerun: IDLE });
        if (!live) {
          const result = await bridge().invoke('session.stateAt', { sessionId, seq: END_OF_SESSION });
          patch(result.ok ? { recordedRules: selectRules(result.data.state) } : { loadError: result.error.message });
        }
        await get().whatif.loadChanges();
      },
      loadChanges: async () => {
        const result = await bridge().invoke('history.page', { ...requestedSession(), eventType: 'configuration_changed', limit: CHANGES_LIMIT });
        patch(result.ok ? { changes: recordedChangesOf(result.data.events) } : { loadError: result.error.message });
      },
      setDraft: (draft) => patch({ draft }),
      runRejudge: async (edits) => {
        patch({ rejudge: { ...get().whatif.rejudge, running: true, error: null } });
        const result = await bridge().invoke('whatif.rejudge', { ...requestedSession(), edits, maxSteps: REJUDGE_MAX_STEPS });
        patch({ rejudge: result.ok ? { running: false, report: result.data, error: null } : { running: false, report: null, error: result.error.message } });
      },
      runRerun: async (seq, choice) => {
        patch({ rerun: { ...get().whatif.rerun, running: true, error: null } });
        const result = await bridge().invoke('whatif.rerun', { ...requestedSession(), seq, choice });
        patch({ rerun: result.ok ? { running: false, report: result.data, error: null } : { running: false, report: null, error: result.error.message } });
      }
    }
  };
};
