import type { AircraftConfiguration } from '../../shared/aircraft';
import type { DesignFinding, LibraryCatalog, OptimizationCriteria, ScenarioSummary } from '../../shared/protocol';
import type { EngineCoordinator } from '../core/coordinator/engine-coordinator';

/**
 * What the host needs from the domain: the coordinator running the six engines, and the
 * library and scenarios around it. `main/engines/session` builds the real one.
 */
export interface FlightdeckSession {
  readonly coordinator: EngineCoordinator<AircraftConfiguration>;
  listScenarios(): ScenarioSummary[];
  /** Throws an error naming the scenario when it does not exist or is invalid. */
  loadScenario(scenarioId: string): AircraftConfiguration;
  /** Schema and library checks, without applying anything. */
  validateConfiguration(configuration: unknown): { valid: boolean; findings: DesignFinding[] };
  catalog(): LibraryCatalog;
  /** Normalises the criteria the UI sends into what the optimizer strategy expects. */
  optimizationCriteria?(criteria: OptimizationCriteria): Record<string, unknown>;
  dispose(): Promise<void> | void;
}
