import type { StateCreator } from 'zustand';
import type { AnalysisResult } from '../../../../shared/protocol';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';

/** Results kept, newest first. */
const MAX_RESULTS = 5;

export interface AnalysisSlice {
  analysis: {
    types: string[];
    running: string | null;
    /** Newest first. */
    results: AnalysisResult[];
    error: string | null;
    loadTypes(): Promise<void>;
    run(analysisType: string): Promise<void>;
  };
}

export const createAnalysisSlice: StateCreator<FlightdeckState, [], [], AnalysisSlice> = (set) => {
  const patch = (partial: Partial<AnalysisSlice['analysis']>): void => set((s) => ({ analysis: { ...s.analysis, ...partial } }));
  return {
    analysis: {
      types: [],
      running: null,
      results: [],
      error: null,
      loadTypes: async () => {
        const result = await bridge().invoke('analysis.types', {});
        patch(result.ok ? { types: result.data.types } : { error: result.error.message });
      },
      run: async (analysisType) => {
        patch({ running: analysisType, error: null });
        const result = await bridge().invoke('analysis.run', { analysisType });
        set((s) => ({
          analysis: result.ok
            ? { ...s.analysis, running: null, results: [result.data, ...s.analysis.results].slice(0, MAX_RESULTS) }
            : { ...s.analysis, running: null, error: result.error.message }
        }));
      }
    }
  };
};
