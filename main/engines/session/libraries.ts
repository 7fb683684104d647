import type { FlightdeckConfig } from '../../../shared/flightdeck-config';
import { loadAircraftLibrary, type AircraftLibrary } from '../design/library';
import { loadMaterialsLibrary, type MaterialsLibrary } from '../materials/library';
import { loadSensorsLibrary, type SensorsLibrary } from '../sensors/library';
import { loadManufacturingLibrary, type ManufacturingLibrary } from '../manufacturing/library';

/** Every library the six engines compute from, loaded once per session. */
export interface EngineLibraries {
  aircraft: AircraftLibrary;
  materials: MaterialsLibrary;
  sensors: SensorsLibrary;
  manufacturing: ManufacturingLibrary;
}

/** Which engine's `library_path` holds which file (the seed's configuration shape). */
export const LIBRARY_ENGINES = ['design', 'materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'] as const;

/**
 * Loads the libraries named by a configuration file. A missing engine entry or a bad file
 * throws an error naming it (and, for a bad file, the path inside it).
 */
export function loadEngineLibraries(config: FlightdeckConfig & { sourcePath?: string }): EngineLibraries {
  const pathOf = (engine: (typeof LIBRARY_ENGINES)[number]): string => {
    const entry = config.engines[engine];
    if (!entry) throw new Error(`${config.sourcePath ?? 'configuration'}: engines.${engine}.library_path is missing`);
    return entry.library_path;
  };
  const materials = loadMaterialsLibrary(pathOf('materials'));
  return {
    aircraft: loadAircraftLibrary(
      { modulesPath: pathOf('design'), enginesPath: pathOf('propulsion'), cfdPath: pathOf('aerodynamics') },
      materials
    ),
    materials,
    sensors: loadSensorsLibrary(pathOf('sensors')),
    manufacturing: loadManufacturingLibrary(pathOf('manufacturing'))
  };
}
