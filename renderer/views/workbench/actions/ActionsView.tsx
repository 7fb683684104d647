import { useEffect, type ReactElement } from 'react';
import { useFlightdeck } from '../../../store';
import { AnalysisPanel } from './AnalysisPanel';
import { FaultPanel } from './FaultPanel';
import { LoadPanel } from './LoadPanel';
import { OptimizationPanel } from './OptimizationPanel';
import { SimulationPanel } from './SimulationPanel';
import '../common/workbench.css';
import '../consistency/consistency.css';
import './actions.css';

/** Analyses, optimization, mission simulation, fault injection and synthetic load. */
export function ActionsView(): ReactElement {
  const connected = useFlightdeck((s) => s.connection.info.state === 'open');
  const loadTypes = useFlightdeck((s) => s.analysis.loadTypes);
  useEffect(() => {
    if (connected) void loadTypes();
  }, [connected, loadTypes]);
  return (
    <section className="wb-view" aria-label="Actions" data-testid="actions-view">
      <div className="wb-grid">
        <AnalysisPanel />
        <FaultPanel />
        <OptimizationPanel />
        <SimulationPanel />
        <LoadPanel />
      </div>
    </section>
  );
}
