import type { ReactElement, ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useShallow } from 'zustand/react/shallow';
import { useFlightdeck } from '../store';
import { TAB_IDS, type TabId } from '../store/live';
import { DependencyGraph } from '../views/live/graph/DependencyGraph';
import { Inspector } from '../views/live/inspector/Inspector';
import { TimelineView } from '../views/live/timeline/TimelineView';
import { ActionsView, ConfigurationView, ConsistencyView, DeadLettersView, PerformanceView, SessionsView, WhatIfView } from '../views/workbench';
import { TabStrip } from './TabStrip';
import { panelDomId, tabDomId } from './tabs';

const WORKBENCH: Readonly<Record<Exclude<TabId, 'timeline'>, () => ReactElement>> = {
  performance: PerformanceView,
  consistency: ConsistencyView,
  configuration: ConfigurationView,
  actions: ActionsView,
  deadletters: DeadLettersView,
  sessions: SessionsView,
  whatif: WhatIfView
};

/** A resizable group whose sizes persist in the store. */
function PersistedGroup(props: { id: string; orientation: 'horizontal' | 'vertical'; className: string; children: ReactNode }): ReactElement {
  const { saved, setPanelLayout } = useFlightdeck(
    useShallow((s) => ({ saved: s.layout.panels[props.id], setPanelLayout: s.layout.setPanelLayout }))
  );
  return (
    <Group
      id={props.id}
      orientation={props.orientation}
      className={props.className}
      defaultLayout={saved}
      onLayoutChanged={(layout, meta) => {
        if (meta.isUserInteraction) setPanelLayout(props.id, meta.requestedLayout ?? layout);
      }}
    >
      {props.children}
    </Group>
  );
}

function TabPanels(): ReactElement {
  const active = useFlightdeck((s) => s.layout.activeTab);
  return (
    <>
      {TAB_IDS.map((tab) => {
        // The timeline stays mounted (hidden) so its scroll and follow state survive tab switches.
        if (tab !== 'timeline' && tab !== active) return null;
        const View = tab === 'timeline' ? TimelineView : WORKBENCH[tab];
        return (
          <div key={tab} id={panelDomId(tab)} role="tabpanel" aria-labelledby={tabDomId(tab)} className="fd-tabpanel" hidden={tab !== active}>
            <View />
          </div>
        );
      })}
    </>
  );
}

/**
 * Graph and inspector on the left, the tabbed views on the right; every split is resizable. A
 * presenter has the whole left column for the graph (its type is what the room reads).
 */
export function MainLayout(): ReactElement {
  const presenter = useFlightdeck((s) => s.layout.presenter);
  return (
    // The presenter's split is its own (a wider graph), so leaving presenter mode restores the user's.
    <PersistedGroup key={presenter ? 'presenter' : 'desk'} id={presenter ? 'fd-main-presenter' : 'fd-main'} orientation="horizontal" className="fd-main">
      <Panel id="left" defaultSize={presenter ? '50%' : '38%'} minSize="22%">
        {presenter ? (
          <DependencyGraph />
        ) : (
          <PersistedGroup id="fd-left" orientation="vertical" className="fd-left">
            <Panel id="graph" defaultSize="62%" minSize="20%">
              <DependencyGraph />
            </Panel>
            <Separator className="fd-separator fd-separator--horizontal" />
            <Panel id="inspector" minSize="15%">
              <Inspector />
            </Panel>
          </PersistedGroup>
        )}
      </Panel>
      <Separator className="fd-separator fd-separator--vertical" />
      <Panel id="right" minSize="35%">
        <div className="fd-right">
          <TabStrip />
          <TabPanels />
        </div>
      </Panel>
    </PersistedGroup>
  );
}
