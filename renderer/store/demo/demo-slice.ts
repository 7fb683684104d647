import type { StateCreator } from 'zustand';
import { parseDemoScript, type DemoScript } from '../../../shared/demo/demo-script';
import type { FlightdeckState } from '../index';
import { TAB_IDS } from '../live';
import { DemoPlayer, type DemoSnapshot } from './demo-player';
import { storeDemoEffects } from './demo-effects';
import { recordedDemoEvents } from './recorded-demo-events';
import { sessionToDemo } from './session-to-demo';

/** Pause multipliers the demo menu offers: 1 = as the script says, less for rehearsals and tests. */
export const DEMO_PACINGS = [1, 0.5, 0.25, 0.1] as const;

export interface DemoSlice {
  demo: {
    /** The demo loaded in the player, and where it came from (a shipped demo's name or a file name). */
    script: DemoScript | null;
    source: string | null;
    player: DemoSnapshot | null;
    /** What was wrong with the last file opened. */
    loadErrors: string[] | null;
    pacing: number;
    /** The panel a step asked to show (the demo bar scrolls it into view); `nonce` repeats a request. */
    panelRequest: { title: string; nonce: number } | null;
    requestPanel(title: string | null): void;
    /** Parses a demo file and plays it from the first step; false (with `loadErrors`) when it is not a valid demo. */
    open(text: string, source: string): boolean;
    next(): void;
    previous(): void;
    togglePause(): void;
    close(): void;
    setPacing(pacing: number): void;
    /** A recorded session (the live one when absent) as a demo file, or null with `saveError`. */
    saveSessionAsDemo(sessionId: number | undefined, name: string): Promise<string | null>;
    saving: boolean;
    saveError: string | null;
  };
}

/** The player lives outside the state: its timers and subscriptions are not data. */
let player: DemoPlayer | null = null;

export const createDemoSlice: StateCreator<FlightdeckState, [], [], DemoSlice> = (set, get) => {
  const patch = (partial: Partial<DemoSlice['demo']>): void => set((s) => ({ demo: { ...s.demo, ...partial } }));
  return {
    demo: {
      script: null,
      source: null,
      player: null,
      loadErrors: null,
      pacing: 1,
      panelRequest: null,
      requestPanel: (title) => patch({ panelRequest: title === null ? null : { title, nonce: (get().demo.panelRequest?.nonce ?? 0) + 1 } }),
      open: (text, source) => {
        const parsed = parseDemoScript(text, { tabs: TAB_IDS });
        if (!parsed.ok) {
          patch({ loadErrors: parsed.errors });
          return false;
        }
        player?.dispose();
        player = new DemoPlayer(parsed.script, storeDemoEffects(get), (snapshot) => patch({ player: snapshot }), () => get().demo.pacing);
        patch({ script: parsed.script, source, loadErrors: null });
        player.start();
        return true;
      },
      next: () => player?.next(),
      previous: () => player?.previous(),
      togglePause: () => player?.togglePause(),
      close: () => {
        player?.dispose();
        player = null;
        patch({ script: null, source: null, player: null });
      },
      setPacing: (pacing) => patch({ pacing }),
      saving: false,
      saveError: null,
      saveSessionAsDemo: async (sessionId, name) => {
        patch({ saving: true, saveError: null });
        try {
          const { events, truncated } = await recordedDemoEvents(sessionId);
          if (get().configuration.scenarios.length === 0) await get().configuration.loadCatalog();
          const scenarioIds = new Set(get().configuration.scenarios.map((scenario) => scenario.id));
          const yaml = sessionToDemo(events, { name, scenarioIds });
          patch({ saving: false, saveError: truncated ? 'the session has more events of some type than one history page: the demo stops at the first page of each' : null });
          return yaml;
        } catch (error) {
          patch({ saving: false, saveError: error instanceof Error ? error.message : String(error) });
          return null;
        }
      }
    }
  };
};
