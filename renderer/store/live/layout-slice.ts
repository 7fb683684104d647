import type { StateCreator } from 'zustand';
import type { FlightdeckState } from '../index';
import { clampUiScale } from './ui-scale';

/** The main tab strip, in shortcut order (keys 1 to the number of tabs). */
export const TAB_IDS = ['timeline', 'performance', 'consistency', 'configuration', 'actions', 'deadletters', 'sessions', 'whatif'] as const;
export type TabId = (typeof TAB_IDS)[number];
export type Theme = 'dark' | 'light';
/** Panel sizes of one resizable group: panel id → percentage. */
export type PanelLayout = Record<string, number>;

export interface LayoutSlice {
  layout: {
    theme: Theme;
    activeTab: TabId;
    /** Sizes of each resizable group by group id (persisted). */
    panels: Record<string, PanelLayout>;
    /** Pulse graph edges as events flow (off by default under reduced motion). */
    animateFlow: boolean;
    /** Show per-engine lane markers in the timeline. */
    swimlanes: boolean;
    helpOpen: boolean;
    /** Incremented to ask the timeline to focus its text filter (`/`). */
    filterFocusRequest: number;
    /** Font-size multiplier of the whole UI, 1–2 (persisted; `ui-scale.ts`). */
    uiScale: number;
    /** Large type and a caption bar, for showing the app to a room. */
    presenter: boolean;
    setTheme(theme: Theme): void;
    toggleTheme(): void;
    setActiveTab(tab: TabId): void;
    setPanelLayout(groupId: string, layout: PanelLayout): void;
    setAnimateFlow(on: boolean): void;
    setSwimlanes(on: boolean): void;
    setHelpOpen(open: boolean): void;
    requestFilterFocus(): void;
    setUiScale(scale: number): void;
    togglePresenter(): void;
  };
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export const createLayoutSlice: StateCreator<FlightdeckState, [], [], LayoutSlice> = (set, get) => {
  const patch = (next: Partial<LayoutSlice['layout']>): void => set((s) => ({ layout: { ...s.layout, ...next } }));
  return {
    layout: {
      theme: 'dark',
      activeTab: 'timeline',
      panels: {},
      animateFlow: !prefersReducedMotion(),
      swimlanes: false,
      helpOpen: false,
      filterFocusRequest: 0,
      uiScale: 1,
      presenter: false,
      setTheme: (theme) => patch({ theme }),
      toggleTheme: () => patch({ theme: get().layout.theme === 'dark' ? 'light' : 'dark' }),
      setActiveTab: (activeTab) => patch({ activeTab }),
      setPanelLayout: (groupId, layout) => patch({ panels: { ...get().layout.panels, [groupId]: layout } }),
      setAnimateFlow: (animateFlow) => patch({ animateFlow }),
      setSwimlanes: (swimlanes) => patch({ swimlanes }),
      setHelpOpen: (helpOpen) => patch({ helpOpen }),
      requestFilterFocus: () => patch({ activeTab: 'timeline', filterFocusRequest: get().layout.filterFocusRequest + 1 }),
      setUiScale: (scale) => patch({ uiScale: clampUiScale(scale) }),
      togglePresenter: () => patch({ presenter: !get().layout.presenter })
    }
  };
};
