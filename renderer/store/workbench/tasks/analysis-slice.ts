import type { StateCreator } from 'zustand';
import { bridge } from '../../bridge-access';
import type { FlightdeckState } from '../../index';

/**
 * Running analyses from this window. Their results are not kept here: each arrives as an
 * `analysis_completed` event and the session state holds the latest of each type.
 */
export interface AnalysisSlice {
  analysis: {
    types: string[];
    /** The analysis type in flight, if any. */
    running: string | null;
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
      error: null,
      loadTypes: async () => {
        const result = await bridge().invoke('analysis.types', {});
        patch(result.ok ? { types: result.data.types } : { error: result.error.message });
      },
      run: async (analysisType) => {
        patch({ running: analysisType, error: null });
        const result = await bridge().invoke('analysis.run', { analysisType });
        patch({ running: null, error: result.ok ? null : result.error.message });
      }
    }
  };
};
