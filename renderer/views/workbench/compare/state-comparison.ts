import type { SessionState } from '../../../../shared/projection';
import type { ComparedSide } from '../../../store/viewed';
import { biggestFirst, outputChange, type OutputChange } from '../../live/common/output-changes';
import { diffValues, type DiffEntry } from '../../live/timeline/config-diff';

/** A count of both sides. */
export interface ComparedCount {
  label: string;
  a: number;
  b: number;
}

/** One engine's outputs in A against B. */
export interface EngineComparison {
  engineId: string;
  /** The configuration version each side's outputs are of (0: never computed). */
  versionA: number;
  versionB: number;
  /** Fields that differ, A as before and B as after, the biggest relative change first. */
  changes: OutputChange[];
}

export interface StateComparison {
  counts: ComparedCount[];
  /** The configuration of B against A's (null when a side has none). */
  configuration: DiffEntry[] | null;
  engines: EngineComparison[];
}

function engineComparison(engineId: string, a: SessionState, b: SessionState): EngineComparison {
  const outputsA = a.engines[engineId]?.outputs ?? {};
  const outputsB = b.engines[engineId]?.outputs ?? {};
  const fields = [...Object.keys(outputsB), ...Object.keys(outputsA).filter((field) => !Object.hasOwn(outputsB, field))];
  const changes = fields
    .filter((field) => diffValues(outputsA[field], outputsB[field]).length > 0)
    .map((field) => outputChange(engineId, field, Object.hasOwn(outputsA, field), outputsA[field], outputsB[field]));
  return { engineId, versionA: a.engines[engineId]?.computedVersion ?? 0, versionB: b.engines[engineId]?.computedVersion ?? 0, changes: biggestFirst(changes) };
}

/**
 * Two session states compared: their counts (events, violations, errors), the configuration diff
 * and, engine by engine (in B's dependency order, then engines only A has), the outputs that differ.
 *
 * @example
 * const { engines } = compareStates(sideA, sideB);
 * engines.find((e) => e.engineId === 'aerodynamics')?.changes[0]; // { field: 'maxMach', before: '1.82', after: '1.76', … }
 */
export function compareStates(a: ComparedSide, b: ComparedSide): StateComparison {
  const count = (label: string, of: (side: ComparedSide) => number): ComparedCount => ({ label, a: of(a), b: of(b) });
  const configA = a.state.configuration;
  const configB = b.state.configuration;
  const engineIds = [...b.state.engineOrder, ...a.state.engineOrder.filter((id) => !b.state.engineOrder.includes(id))];
  return {
    counts: [
      count('Events', (side) => side.events),
      count('Configuration version', (side) => side.state.configuration?.version ?? 0),
      count('Open violations', (side) => Object.keys(side.state.violations.open).length),
      count('Resolved violations', (side) => side.state.violations.resolvedTotal),
      count('Errors', (side) => side.state.errors.total)
    ],
    configuration: configA && configB ? diffValues(configA.configuration, configB.configuration) : null,
    engines: engineIds.map((engineId) => engineComparison(engineId, a.state, b.state))
  };
}
