import type { StateCreator } from 'zustand';
import type { FlightdeckState } from '../index';
import { createConfigurationSlice, type ConfigurationSlice } from './configuration/configuration-slice';
import { createDeadLettersSlice, type DeadLettersSlice } from './dead-letters/dead-letters-slice';
import { createLoadSlice, type LoadSlice } from './load/load-slice';
import { createPerformanceSlice, type PerformanceSlice } from './performance/performance-slice';
import { createRulesSlice, type RulesSlice } from './rules/rules-slice';
import { createAnalysisSlice, type AnalysisSlice } from './tasks/analysis-slice';
import { createFaultsSlice, type FaultsSlice } from './tasks/faults-slice';
import { createOptimizationSlice, type OptimizationSlice } from './tasks/optimization-slice';
import { createSimulationSlice, type SimulationSlice } from './tasks/simulation-slice';
import { createWhatIfSlice, type WhatIfSlice } from './whatif/whatif-slice';

/**
 * The workbench slices: the performance report and its preferences, rule edits and coverage,
 * the configuration draft, analyses, optimization and simulation requests, fault injection,
 * synthetic load and dead-letter redeliveries, and the what-if re-judge and re-run.
 * What they show about the session itself is read from the session state.
 */
export type WorkbenchSlices = PerformanceSlice &
  RulesSlice &
  ConfigurationSlice &
  AnalysisSlice &
  OptimizationSlice &
  SimulationSlice &
  FaultsSlice &
  DeadLettersSlice &
  LoadSlice &
  WhatIfSlice;

export const createWorkbenchSlices: StateCreator<FlightdeckState, [], [], WorkbenchSlices> = (...args) => ({
  ...createPerformanceSlice(...args),
  ...createRulesSlice(...args),
  ...createConfigurationSlice(...args),
  ...createAnalysisSlice(...args),
  ...createOptimizationSlice(...args),
  ...createSimulationSlice(...args),
  ...createFaultsSlice(...args),
  ...createDeadLettersSlice(...args),
  ...createLoadSlice(...args),
  ...createWhatIfSlice(...args)
});

/** The workbench preferences that survive a reload: slow-operation threshold and latency grouping. */
export function persistedWorkbench(state: FlightdeckState): Record<string, unknown> {
  return { performance: { slowThresholdMs: state.performance.slowThresholdMs, grouping: state.performance.grouping } };
}
