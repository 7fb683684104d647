import type { StateCreator } from 'zustand';
import { AircraftConfigurationSchema, type AircraftConfiguration } from '../../../../shared/aircraft';
import type { ConfigurationChangeResult, DesignFinding, LibraryCatalog, ScenarioSummary, StreamBatch } from '../../../../shared/protocol';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';
import { withNextVersion } from './draft-edits';

/** Validation waits this long after the last edit. */
const VALIDATE_DEBOUNCE_MS = 250;

/** The result of the last configuration change started from this window, with what started it. */
export interface AppliedChange {
  label: string;
  result: ConfigurationChangeResult;
  at: number;
}

export interface ConfigurationSlice {
  configuration: {
    current: AircraftConfiguration | null;
    version: number;
    library: LibraryCatalog | null;
    scenarios: ScenarioSummary[];
    /** The edited copy; null when nothing is being edited. */
    draft: AircraftConfiguration | null;
    /** Version of `current` the draft was started from. */
    draftBaseVersion: number;
    findings: DesignFinding[];
    validating: boolean;
    busy: boolean;
    lastChange: AppliedChange | null;
    error: string | null;
    load(): Promise<void>;
    loadCatalog(): Promise<void>;
    loadScenario(scenarioId: string): Promise<void>;
    /** Applies an edit to the draft (starting one from the current configuration). */
    edit(change: (draft: AircraftConfiguration) => AircraftConfiguration): void;
    reset(): void;
    /** Sends the draft through `configuration.apply` with the next version. */
    applyDraft(): Promise<void>;
    /** Applies any configuration (an optimized design, say) with the next version. */
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
        ? { findings: result.data.findings, validating: false }
        : { findings: [], validating: false, error: result.error.message }
    );
  };
  const scheduleValidation = (): void => {
    clearTimeout(validateTimer);
    patch({ validating: true });
    validateTimer = setTimeout(() => void validate(), VALIDATE_DEBOUNCE_MS);
  };

  const recordChange = (label: string, result: { ok: true; data: ConfigurationChangeResult } | { ok: false; error: { message: string } }): ConfigurationChangeResult | null => {
    if (!result.ok) {
      patch({ busy: false, error: result.error.message });
      return null;
    }
    patch({ busy: false, error: null, lastChange: { label, result: result.data, at: Date.now() } });
    void get().configuration.load();
    return result.data;
  };

  return {
    configuration: {
      current: null,
      version: 0,
      library: null,
      scenarios: [],
      draft: null,
      draftBaseVersion: 0,
      findings: [],
      validating: false,
      busy: false,
      lastChange: null,
      error: null,
      load: async () => {
        const result = await bridge().invoke('configuration.get', {});
        if (result.ok) patch({ current: result.data.configuration, version: result.data.version });
        else patch({ error: result.error.message });
      },
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
        const result = await bridge().invoke('scenario.load', { scenarioId });
        recordChange(`scenario ${scenarioId}`, result);
      },
      edit: (change) => {
        const { draft, current, version } = get().configuration;
        const base = draft ?? current;
        if (!base) return;
        patch({ draft: change(base), draftBaseVersion: draft ? get().configuration.draftBaseVersion : version });
        scheduleValidation();
      },
      reset: () => {
        clearTimeout(validateTimer);
        validateSeq++;
        patch({ draft: null, findings: [], validating: false });
      },
      applyDraft: async () => {
        const { draft, version } = get().configuration;
        if (!draft) return;
        patch({ busy: true });
        const result = await bridge().invoke('configuration.apply', { configuration: withNextVersion(draft, version) });
        if (recordChange('draft', result)) get().configuration.reset();
      },
      applyConfiguration: async (configuration, label) => {
        patch({ busy: true });
        const result = await bridge().invoke('configuration.apply', { configuration: withNextVersion(configuration, get().configuration.version) });
        return recordChange(label, result);
      }
    }
  };
};

/** Follows `configuration_changed` events: the new configuration travels in the event. */
export function routeConfigurationBatch(batch: StreamBatch, get: () => FlightdeckState, set: (fn: (s: FlightdeckState) => Partial<FlightdeckState>) => void): void {
  let latest: { configuration: AircraftConfiguration; version: number } | null = null;
  let unreadable = false;
  for (const event of batch.events) {
    if (event.eventType !== 'configuration_changed') continue;
    const parsed = AircraftConfigurationSchema.safeParse(event.data.configuration);
    if (parsed.success) latest = { configuration: parsed.data, version: Number(event.data.version ?? parsed.data.version) };
    else unreadable = true;
  }
  if (latest) {
    const next = latest;
    set((s) => (next.version >= s.configuration.version ? { configuration: { ...s.configuration, current: next.configuration, version: next.version } } : {}));
  } else if (unreadable) {
    void get().configuration.load();
  }
}
