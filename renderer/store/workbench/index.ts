import type { StateCreator } from 'zustand';
import type { StreamBatch } from '../../../shared/protocol';
import type { FlightdeckState } from '../index';
import { createConfigurationSlice, routeConfigurationBatch, type ConfigurationSlice } from './configuration/configuration-slice';
import { createPerformanceRouter, createPerformanceSlice, type PerformanceSlice } from './performance/performance-slice';
import { createRulesSlice, type RulesSlice } from './rules/rules-slice';
import { createAnalysisSlice, type AnalysisSlice } from './tasks/analysis-slice';
import { createFaultsSlice, type FaultsSlice } from './tasks/faults-slice';
import { createOptimizationSlice, routeOptimizationBatch, type OptimizationSlice } from './tasks/optimization-slice';
import { createSimulationSlice, routeSimulationBatch, type SimulationSlice } from './tasks/simulation-slice';

/**
 * The workbench slices: performance metrics, consistency rules, the aircraft configuration
 * and its draft, analyses, optimization and simulation tasks, and fault injection.
 */
export type WorkbenchSlices = PerformanceSlice &
  RulesSlice &
  ConfigurationSlice &
  AnalysisSlice &
  OptimizationSlice &
  SimulationSlice &
  FaultsSlice;

export const createWorkbenchSlices: StateCreator<FlightdeckState, [], [], WorkbenchSlices> = (...args) => ({
  ...createPerformanceSlice(...args),
  ...createRulesSlice(...args),
  ...createConfigurationSlice(...args),
  ...createAnalysisSlice(...args),
  ...createOptimizationSlice(...args),
  ...createSimulationSlice(...args),
  ...createFaultsSlice(...args)
});

/** The workbench preferences that survive a reload: slow-operation threshold and latency grouping. */
export function persistedWorkbench(state: FlightdeckState): Record<string, unknown> {
  return { performance: { slowThresholdMs: state.performance.slowThresholdMs, grouping: state.performance.grouping } };
}

type Setter = (fn: (s: FlightdeckState) => Partial<FlightdeckState>) => void;

let routePerformance: ((batch: StreamBatch) => void) | undefined;

/** Routes one stream batch into the workbench slices. */
export function routeWorkbenchBatch(batch: StreamBatch, get: () => FlightdeckState, set: Setter): void {
  routePerformance ??= createPerformanceRouter(set);
  routePerformance(batch);
  routeConfigurationBatch(batch, get, set);
  routeOptimizationBatch(batch, set);
  routeSimulationBatch(batch, set);
}
