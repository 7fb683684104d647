import { fileURLToPath } from 'node:url';
import { loadDataFile } from '../library/load-data-file';
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

/** Where the three library files live. */
export interface AircraftLibraryPaths {
  modulesPath: string;
  enginesPath: string;
  cfdPath: string;
}

/** The loaded, validated module, engine and aerodynamic-model libraries, indexed by id. */
export interface AircraftLibrary {
  modules: ModuleLibrary;
  engines: EngineLibrary;
  cfd: CfdModel;
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
    cfdPath: dataDir('cfd.yaml')
  };
}

/**
 * Reads and validates the three library files once; throws `DataFileError` naming the file and
 * the path inside it when one is malformed.
 * @example const library = loadAircraftLibrary(defaultLibraryPaths());
 */
export function loadAircraftLibrary(paths: AircraftLibraryPaths = defaultLibraryPaths()): AircraftLibrary {
  const modules = loadDataFile(paths.modulesPath, ModuleLibrarySchema);
  const engines = loadDataFile(paths.enginesPath, EngineLibrarySchema);
  const cfd = loadDataFile(paths.cfdPath, CfdModelSchema);
  return {
    modules,
    engines,
    cfd,
    moduleById: new Map(modules.modules.map((module) => [module.id, module])),
    engineById: new Map(engines.engines.map((engine) => [engine.id, engine]))
  };
}
