import type { StateCreator } from 'zustand';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';
import { liveBuffer } from './live-buffer';

export interface AircraftSlice {
  aircraft: {
    /** The current aircraft's name and id, null until known. */
    name: string | null;
    id: string | null;
    configVersion: number | null;
    exporting: boolean;
    exportError: string | null;
    /** Reads the current configuration from the host (at connect). */
    load(): Promise<void>;
    /** Notes a configuration seen in a `configuration_changed` event. */
    noteConfiguration(version: number, configuration: AircraftConfiguration): void;
    /** Asks the host for the session export; resolves to its JSON text, or null on failure. */
    exportSession(): Promise<string | null>;
  };
}

export const createAircraftSlice: StateCreator<FlightdeckState, [], [], AircraftSlice> = (set, get) => {
  const patch = (next: Partial<AircraftSlice['aircraft']>): void => set((s) => ({ aircraft: { ...s.aircraft, ...next } }));
  return {
    aircraft: {
      name: null,
      id: null,
      configVersion: null,
      exporting: false,
      exportError: null,
      load: async () => {
        const result = await bridge().invoke('configuration.get', {});
        if (!result.ok || !result.data.configuration) return;
        liveBuffer.rememberConfigurationVersion(result.data.version, result.data.configuration);
        // An event may already have announced a newer version.
        if ((get().aircraft.configVersion ?? -1) > result.data.version) return;
        get().aircraft.noteConfiguration(result.data.version, result.data.configuration);
      },
      noteConfiguration: (version, configuration) =>
        patch({ name: configuration.name, id: configuration.id, configVersion: version }),
      exportSession: async () => {
        patch({ exporting: true, exportError: null });
        const result = await bridge().invoke('session.export', {});
        patch({ exporting: false, exportError: result.ok ? null : result.error.message });
        return result.ok ? JSON.stringify(result.data, null, 2) : null;
      }
    }
  };
};
