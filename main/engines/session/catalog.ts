import type { LibraryCatalog } from '../../../shared/protocol';
import type { EngineLibraries } from './libraries';

/** What the configuration view offers to choose from, with each item's key figures. */
export function buildCatalog({ aircraft, materials, sensors }: EngineLibraries): LibraryCatalog {
  return {
    engines: aircraft.engines.engines.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      dryThrustKN: e.dryThrustKN,
      wetThrustKN: e.wetThrustKN,
      dryMassKg: e.dryMassKg
    })),
    materials: materials.materials.map((m) => ({ id: m.id, name: m.name, category: m.category })),
    coatings: materials.coatings.map((c) => ({ id: c.id, name: c.name })),
    modules: aircraft.modules.modules.map((m) => ({
      id: m.id,
      name: m.name,
      category: m.category,
      massKg: m.massKg,
      powerDrawKW: m.powerDrawKW,
      attachmentKinds: m.attachmentKinds
    })),
    sensors: sensors.radars.map((r) => ({ id: r.id, name: r.name, band: r.band, antenna: r.antenna }))
  };
}
