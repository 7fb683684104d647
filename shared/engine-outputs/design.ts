import { z } from 'zod';
import { MODULE_CATEGORIES, ModuleInstanceSchema } from '../aircraft';
import { DesignFindingSchema } from '../findings';
import { described, figure } from './field';

/** Lines of the design mass breakdown: airframe items, engines, crew, fuel and each module category. */
export const MASS_BREAKDOWN_LINES = [
  'platform',
  'structure',
  'coatings',
  'engines',
  'crew',
  'internalFuel',
  'externalFuel',
  ...MODULE_CATEGORIES
] as const;
export const MassBreakdownLineSchema = z.enum(MASS_BREAKDOWN_LINES);
export type MassBreakdownLine = z.infer<typeof MassBreakdownLineSchema>;

/**
 * The mass roll-up of a configuration (`computeMassProperties`): masses, the drag areas of what
 * is carried outside, the power and cooling budgets and the centre of gravity. Empty = platform
 * + structural delta of the materials + coatings + engines + every non-payload module; loaded =
 * empty + internal fuel + crew + payload other than mission stores; take-off = loaded + mission
 * stores (tanks with their fuel, bombs and racks). See `shared/aircraft.ts` for the convention.
 */
export const MassPropertiesSchema = z.strictObject({
  massBreakdownKg: described(
    z.record(MassBreakdownLineSchema, z.number()),
    'kg',
    'mass per line: platform (non-structural), structure, coatings, engines, crew, fuel, module categories'
  ),
  structuralMassDeltaKg: figure('kg', 'structure in the assigned materials minus the all-7075 structure'),
  emptyMassKg: figure('kg', 'empty mass'),
  loadedMassKg: figure('kg', 'loaded (combat) mass at which T/W and wing loading are quoted'),
  takeoffMassKg: figure('kg', 'take-off mass: loaded mass plus the mission stores'),
  internalFuelKg: figure('kg', 'internal fuel, modules carrying fuel included'),
  externalFuelKg: figure('kg', 'fuel in external tanks'),
  externalTankMassKg: figure('kg', 'structure of the external tanks'),
  expendableMassKg: figure('kg', 'stores released in combat (missiles, bombs)'),
  missionStoreMassKg: figure('kg', 'mission stores other than tanks (bombs, racks): take-off, not loaded mass'),
  missionStoreExpendableMassKg: figure('kg', 'part of the mission stores released over the target'),
  crewMassKg: figure('kg', 'crew carried by the cockpits'),
  externalStoresDragAreaM2: figure('m²', 'drag area D/q of everything carried outside, pylons included'),
  externalTankDragAreaM2: figure('m²', 'drag area of the external tanks, pylons excluded'),
  expendableDragAreaM2: figure('m²', 'drag area of the expendable stores, pylons excluded'),
  missionStoreDragAreaM2: figure('m²', 'drag area of the mission stores other than tanks, pylons excluded'),
  missionStoreExpendableDragAreaM2: figure('m²', 'part of the mission-store drag area released over the target'),
  missionPylonDragAreaM2: figure('m²', 'pylons carrying tanks or mission stores (kept all mission long)'),
  carrierBased: described(z.boolean(), 'none', 'carrier equipment (arresting hook) is installed'),
  powerDemandKW: figure('kW', 'electrical power the modules draw'),
  coolingDemandKW: figure('kW', 'heat load the modules put on the cooling system'),
  cgXm: figure('m', 'centre of gravity at loaded mass, aft of the nose'),
  cgFractionOfLength: figure('fraction', 'centre of gravity as a fraction of the fuselage length')
});
export type MassProperties = z.infer<typeof MassPropertiesSchema>;

/** What the design engine's `compute` returns: validity and findings, the modules and the mass roll-up. */
export const DesignOutputsSchema = z.strictObject({
  valid: described(z.boolean(), 'none', 'no finding of severity error'),
  findings: described(z.array(DesignFindingSchema), 'none', 'budget warnings and advice on the configuration'),
  modules: described(z.array(ModuleInstanceSchema), 'none', 'the mounted modules, to report what a change mounted or removed'),
  ...MassPropertiesSchema.shape,
  structuralMassKg: figure('kg', 'structure in the assigned materials (the materials engine reports the same)'),
  coatingMassKg: figure('kg', 'radar-absorbent coatings'),
  powerAvailableKW: figure('kW', 'electrical power generated'),
  coolingAvailableKW: figure('kW', 'cooling capacity')
});
export type DesignOutputs = z.infer<typeof DesignOutputsSchema>;
