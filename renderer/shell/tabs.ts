import type { TabId } from '../store/live';

/** Labels of the main tabs, in shortcut order. */
export const TAB_LABELS: Readonly<Record<TabId, string>> = {
  timeline: 'Timeline',
  performance: 'Performance',
  consistency: 'Consistency',
  configuration: 'Configuration',
  actions: 'Actions',
  deadletters: 'Dead letters',
  sessions: 'Sessions',
  whatif: 'What-if'
};

export const tabDomId = (tab: TabId): string => `fd-tab-${tab}`;
export const panelDomId = (tab: TabId): string => `fd-panel-${tab}`;
