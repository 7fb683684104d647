import type { StateCreator } from 'zustand';
import type { AircraftConfiguration } from '../../../../shared/aircraft';
import type { CommandResult, ConfigurationChangeResult, DesignFinding, LibraryCatalog, ScenarioSummary } from '../../../../shared/protocol';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';
import { selectCurrentConfiguration } from '../../session/selectors';
import { applyBlocker } from './apply-blocker';

/** Validation waits this long after the last edit. */
const VALIDATE_DEBOUNCE_MS = 250;

/**
 * Whether the host refused a configuration (validate's checks found an error): nothing was
 * applied and the version did not change. An applied change whose engines failed has outcomes.
 */
export function isRefusal(result: ConfigurationChangeResult): boolean {
  return !result.ok && result.engines.length === 0;
}

/** The result of the last configuration change started from this window, with what started it. */
export interface AppliedChange {
  label: string;
  result: ConfigurationChangeResult;
  at: number;
}

/**
 * The configuration editor's own state: the library, a draft (an edited copy of the current
 * configuration and the version it was started from) with its findings, and the outcome of the
 * last change sent from this window. The current configuration and its version are the
 * session state's (`selectCurrentConfiguration`); the coordinator numbers every version.
 */
export interface ConfigurationSlice {
  configuration: {
    library: LibraryCatalog | null;
    scenarios: ScenarioSummary[];
    /** The edited copy; null when nothing is being edited. */
    draft: AircraftConfiguration | null;
    /** The configuration version the draft was started from. */
    draftBaseVersion: number;
    findings: DesignFinding[];
    /** Draft fields whose text is not a valid value yet (the draft keeps their last valid one). */
    invalidFields: string[];
    /** Why the latest validation could not run (the host away, say); null once one did. */
    validationError: string | null;
    validating: boolean;
    busy: boolean;
    lastChange: AppliedChange | null;
    error: string | null;
    loadCatalog(): Promise<void>;
    loadScenario(scenarioId: string): Promise<void>;
    /** Applies an edit to the draft (starting one from the current configuration). */
    edit(change: (draft: AircraftConfiguration) => AircraftConfiguration): void;
    /** A draft field's text became valid or stopped being so (Apply waits for every field). */
    setFieldValid(field: string, valid: boolean): void;
    reset(): void;
    /** Sends the draft as it is through `configuration.apply` (when nothing blocks it). */
    applyDraft(): Promise<void>;
    /** Applies any configuration (an optimized design, say); the coordinator numbers it. */
    applyConfiguration(configuration: AircraftConfiguration, label: string): Promise<ConfigurationChangeResult | null>;
  };
}

export const createConfigurationSlice: StateCreator<FlightdeckState, [], [], ConfigurationSlice> = (set, get) => {
  const patch = (partial: Partial<ConfigurationSlice['configuration']>): void =>
    set((s) => ({ configuration: { ...s.configuration, ...partial } }));

  let validateTimer: ReturnType<typeof setTimeout> | undefined;
  let validateSeq = 0;
  const validate = async (): Promise<void> => {
    const draft = get().configuration.draft;
    if (!draft) return;
    const seq = ++validateSeq;
    const result = await bridge().invoke('configuration.validate', { configuration: draft });
    if (seq !== validateSeq) return;
    patch(
      result.ok
        ? { findings: result.data.findings, validating: false, validationError: null, error: null }
        : { findings: [], validating: false, validationError: result.error.message, error: result.error.message }
    );
  };
  const scheduleValidation = (): void => {
    clearTimeout(validateTimer);
    patch({ validating: true });
    validateTimer = setTimeout(() => void validate(), VALIDATE_DEBOUNCE_MS);
  };

  /** Records the outcome; a refused configuration changed nothing and its findings are shown. */
  const recordChange = (label: string, result: CommandResult<ConfigurationChangeResult>): ConfigurationChangeResult | null => {
    if (!result.ok) {
      patch({ busy: false, error: result.error.message });
      return null;
    }
    patch({ busy: false, error: null, lastChange: { label, result: result.data, at: Date.now() } });
    return result.data;
  };

  return {
    configuration: {
      library: null,
      scenarios: [],
      draft: null,
      draftBaseVersion: 0,
      findings: [],
      invalidFields: [],
      validationError: null,
      validating: false,
      busy: false,
      lastChange: null,
      error: null,
      loadCatalog: async () => {
        const [library, scenarios] = await Promise.all([bridge().invoke('library.get', {}), bridge().invoke('scenario.list', {})]);
        patch({
          library: library.ok ? library.data : get().configuration.library,
          scenarios: scenarios.ok ? scenarios.data.scenarios : get().configuration.scenarios,
          error: !library.ok ? library.error.message : !scenarios.ok ? scenarios.error.message : null
        });
      },
      loadScenario: async (scenarioId) => {
        patch({ busy: true });
        recordChange(`scenario ${scenarioId}`, await bridge().invoke('scenario.load', { scenarioId }));
      },
      edit: (change) => {
        const { draft, draftBaseVersion } = get().configuration;
        const current = selectCurrentConfiguration(get().session.state);
        const base = draft ?? current?.configuration;
        if (!base) return;
        patch({ draft: change(base), draftBaseVersion: draft ? draftBaseVersion : (current?.version ?? 0) });
        scheduleValidation();
      },
      setFieldValid: (field, valid) => {
        const invalid = get().configuration.invalidFields.filter((f) => f !== field);
        patch({ invalidFields: valid ? invalid : [...invalid, field] });
      },
      reset: () => {
        clearTimeout(validateTimer);
        validateSeq++;
        patch({ draft: null, findings: [], invalidFields: [], validationError: null, validating: false });
      },
      applyDraft: async () => {
        const s = get();
        const { draft, findings, invalidFields, validating, busy } = s.configuration;
        if (!draft || applyBlocker({ findings, invalidFields, validating, busy, connected: s.connection.info.state === 'open' }) !== null) return;
        patch({ busy: true });
        const result = recordChange('draft', await bridge().invoke('configuration.apply', { configuration: draft }));
        if (!result) return;
        // A refused draft stays, with the findings that refused it; an applied one is done.
        if (isRefusal(result)) patch({ findings: result.findings });
        else get().configuration.reset();
      },
      applyConfiguration: async (configuration, label) => {
        patch({ busy: true });
        return recordChange(label, await bridge().invoke('configuration.apply', { configuration }));
      }
    }
  };
};
