import { fileURLToPath } from 'node:url';
import { loadDataFile } from '../../core/config/data-file';
import { defaultMaterialsLibraryPath, loadMaterialsLibrary, type MaterialsLibrary } from '../materials/library';
import { airframeMaterialsModel, type AirframeMaterialsModel } from './airframe-materials';
import { CfdModelSchema, type CfdModel } from '../../../shared/library/cfd';
import {
  EngineLibrarySchema,
  type EngineDefinition,
  type EngineLibrary
} from '../../../shared/library/engines';
import {
  ModuleLibrarySchema,
  type ModuleDefinition,
  type ModuleLibrary
} from '../../../shared/library/modules';

/** Where the library files live (`materialsPath` absent: the repository's materials.yaml). */
export interface AircraftLibraryPaths {
  modulesPath: string;
  enginesPath: string;
  cfdPath: string;
  materialsPath?: string;
}

/**
 * The loaded, validated module, engine, aerodynamic-model and materials libraries, indexed by
 * id. The materials enter the mass roll-up (structure in the assigned materials, coatings).
 */
export interface AircraftLibrary {
  modules: ModuleLibrary;
  engines: EngineLibrary;
  cfd: CfdModel;
  materials: AirframeMaterialsModel;
  moduleById: ReadonlyMap<string, ModuleDefinition>;
  engineById: ReadonlyMap<string, EngineDefinition>;
}

/** The repository's `resources/data` files. */
export function defaultLibraryPaths(): AircraftLibraryPaths {
  const dataDir = (name: string): string =>
    fileURLToPath(new URL(`../../../resources/data/${name}`, import.meta.url));
  return {
    modulesPath: dataDir('modules.json'),
    enginesPath: dataDir('engines.yaml'),
    cfdPath: dataDir('cfd.yaml'),
    materialsPath: defaultMaterialsLibraryPath()
  };
}

/**
 * The same library with another materials library in the mass roll-up (a session's own file).
 * @example const library = withMaterialsLibrary(loadAircraftLibrary(), materialsLibrary);
 */
export function withMaterialsLibrary(library: AircraftLibrary, materials: MaterialsLibrary): AircraftLibrary {
  return { ...library, materials: airframeMaterialsModel(materials) };
}

/**
 * Reads and validates the four library files once; throws `DataFileError` naming the file and
 * the path inside it when one is malformed.
 * @example const library = loadAircraftLibrary(defaultLibraryPaths());
 */
export function loadAircraftLibrary(
  paths: AircraftLibraryPaths = defaultLibraryPaths(),
  /** Already loaded (the session reads materials.yaml once for every engine). */
  materials?: MaterialsLibrary
): AircraftLibrary {
  const modules = loadDataFile(paths.modulesPath, ModuleLibrarySchema);
  const engines = loadDataFile(paths.enginesPath, EngineLibrarySchema);
  const cfd = loadDataFile(paths.cfdPath, CfdModelSchema);
  return {
    modules,
    engines,
    cfd,
    materials: airframeMaterialsModel(materials ?? loadMaterialsLibrary(paths.materialsPath ?? defaultMaterialsLibraryPath())),
    moduleById: new Map(modules.modules.map((module) => [module.id, module])),
    engineById: new Map(engines.engines.map((engine) => [engine.id, engine]))
  };
}
