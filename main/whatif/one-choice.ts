import type { AircraftConfiguration, CoatingAssignment, StructuralZone } from '../../shared/aircraft';
import type { LibraryCatalog } from '../../shared/protocol/configuration-commands';
import type { OneChoice, RerunReport } from '../../shared/protocol/whatif';

/** A configuration with one choice changed, and what changed in it. */
export interface ChangedConfiguration {
  configuration: AircraftConfiguration;
  change: RerunReport['change'];
}

/**
 * Applies one choice to a configuration (which is not changed): the engine model, one zone's
 * material, a coating, or the radar. Throws an Error naming what the library or the
 * configuration does not know — an engine model, a material, a coating, a radar, a zone — and
 * listing what it does.
 *
 * A coating with a `zone` covers that zone alone (taken out of any other coating); without one
 * it replaces the coating of every coated zone. The radar is the first mounted module that is
 * a library radar, as the sensors engine reads it.
 *
 * @example
 * applyChoice(f22a, { kind: 'engine_model', engineModel: 'F135-PW-100' }, session.catalog()).change;
 * // { path: 'propulsion.engineModel', before: 'F119-PW-100', after: 'F135-PW-100' }
 */
export function applyChoice(configuration: AircraftConfiguration, choice: OneChoice, catalog: LibraryCatalog): ChangedConfiguration {
  switch (choice.kind) {
    case 'engine_model': {
      requireKnown('engine model', choice.engineModel, catalog.engines);
      const before = configuration.propulsion.engineModel;
      return {
        configuration: { ...configuration, propulsion: { ...configuration.propulsion, engineModel: choice.engineModel } },
        change: { path: 'propulsion.engineModel', before, after: choice.engineModel }
      };
    }
    case 'material': {
      const zone = requireZone(choice.zone, Object.keys(configuration.materials));
      requireKnown('material', choice.materialId, catalog.materials);
      return {
        configuration: { ...configuration, materials: { ...configuration.materials, [zone]: choice.materialId } },
        change: { path: `materials.${zone}`, before: configuration.materials[zone] ?? null, after: choice.materialId }
      };
    }
    case 'coating':
      requireKnown('coating', choice.coatingId, catalog.coatings);
      return choice.zone === undefined ? recoatAll(configuration, choice.coatingId) : recoatZone(configuration, choice.coatingId, choice.zone);
    case 'radar': {
      requireKnown('radar', choice.radarId, catalog.sensors);
      const radarIds = new Set(catalog.sensors.map((radar) => radar.id));
      const index = configuration.modules.findIndex((module) => radarIds.has(module.libraryId));
      const mounted = configuration.modules[index];
      if (!mounted) throw new Error(`the configuration mounts no radar to replace; radars: ${[...radarIds].join(', ')}`);
      const modules = configuration.modules.map((module, i) => (i === index ? { ...module, libraryId: choice.radarId } : module));
      return {
        configuration: { ...configuration, modules },
        change: { path: `modules.${mounted.instanceId}.libraryId`, before: mounted.libraryId, after: choice.radarId }
      };
    }
  }
}

/** Every coated zone gets `coatingId`, in one assignment. */
function recoatAll(configuration: AircraftConfiguration, coatingId: string): ChangedConfiguration {
  const zones = [...new Set(configuration.coatings.flatMap((coating) => coating.zones))];
  if (zones.length === 0) {
    throw new Error(`the configuration coats no zone: name a zone to coat; zones: ${Object.keys(configuration.materials).join(', ')}`);
  }
  return {
    configuration: { ...configuration, coatings: [{ coatingId, zones }] },
    change: { path: 'coatings', before: coatingsSummary(configuration.coatings), after: coatingsSummary([{ coatingId, zones }]) }
  };
}

/** One zone gets `coatingId`; every other zone keeps its coating. */
function recoatZone(configuration: AircraftConfiguration, coatingId: string, zoneName: string): ChangedConfiguration {
  const zone = requireZone(zoneName, Object.keys(configuration.materials));
  const before = configuration.coatings.find((coating) => coating.zones.includes(zone))?.coatingId ?? null;
  const others = configuration.coatings
    .map((coating) => ({ ...coating, zones: coating.zones.filter((z) => z !== zone) }))
    .filter((coating) => coating.zones.length > 0);
  const same = others.findIndex((coating) => coating.coatingId === coatingId);
  const coatings: CoatingAssignment[] =
    same >= 0
      ? others.map((coating, i) => (i === same ? { ...coating, zones: [...coating.zones, zone] } : coating))
      : [...others, { coatingId, zones: [zone] }];
  return { configuration: { ...configuration, coatings }, change: { path: `coatings.${zone}`, before, after: coatingId } };
}

function coatingsSummary(coatings: readonly CoatingAssignment[]): string {
  return coatings.map((coating) => `${coating.coatingId} on ${coating.zones.join(', ')}`).join('; ') || 'none';
}

function requireKnown(what: string, id: string, items: readonly { id: string }[]): void {
  if (items.some((item) => item.id === id)) return;
  throw new Error(`unknown ${what} "${id}"; known: ${items.map((item) => item.id).join(', ')}`);
}

function requireZone(zone: string, zones: readonly string[]): StructuralZone {
  if (!zones.includes(zone)) throw new Error(`unknown zone "${zone}"; zones: ${zones.join(', ')}`);
  return zone as StructuralZone;
}
