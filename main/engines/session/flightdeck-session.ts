import type { AircraftConfiguration } from '../../../shared/aircraft';
import type { DesignFinding } from '../../../shared/findings';
import type { LibraryCatalog, ScenarioSummary } from '../../../shared/protocol';
import type { OptimizationCriteria } from '../../../shared/results';
import type { EngineCoordinator } from '../../core/coordinator/engine-coordinator';

/**
 * A running Flightdeck session: the coordinator with the six engines, and the library and
 * scenarios around it. `createFlightdeckSession` builds it; the host and the CLI use it.
 */
export interface FlightdeckSession {
  readonly coordinator: EngineCoordinator<AircraftConfiguration>;
  /** Holds `flightdeck.yaml`, `data/` and `scenarios/` (a sandbox session for a what-if is built from it). */
  readonly resourcesDir: string;
  listScenarios(): ScenarioSummary[];
  /** Throws an error naming the scenario when it does not exist or is invalid. */
  loadScenario(scenarioId: string): AircraftConfiguration;
  /** Exactly the checks `configuration.apply` runs, without applying anything. */
  validateConfiguration(configuration: unknown): { valid: boolean; findings: DesignFinding[] };
  catalog(): LibraryCatalog;
  /** Fills in the criteria's defaults (weight and cost when nothing is asked for). */
  optimizationCriteria(criteria: OptimizationCriteria): OptimizationCriteria;
  dispose(): Promise<void>;
}
