import { loadAircraftLibrary } from '../design/library';
import { computeMassProperties } from '../design/mass-properties';
import { maxLiftToDrag, zeroLiftDragCoefficient } from '../aerodynamics/drag-polar';
import { buildFlightModel, computeFlightFigures } from '../flight/flight-figures';
import { tsfcLbPerLbfH } from '../propulsion/thrust';
import { isaTemperatureK } from '../atmosphere/isa';
import { loadCalibrationReference, loadScenario } from './scenarios';

/**
 * Prints the model's intermediate figures for each calibration aircraft (masses, CD0 clean and
 * with the mission's stores, (L/D)max, cruise point and installed TSFC, the radius mission and its
 * fuel per segment): `npx tsx main/engines/calibration/print-diagnostics.ts`.
 */
const library = loadAircraftLibrary();
const kg = (value: number): string => value.toFixed(0);
const aero: string[] = [
  '| aircraft | empty kg | Δstructure kg | coatings kg | take-off kg | Swet m² | Swet/S | CD0 clean (M0.6) | CD0 out (stores) | e | AR | (L/D)max clean | (L/D)max out | cruise M / alt m | TSFC installed |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|'
];
const fuel: string[] = [
  '| aircraft | mission | radius km | fuel | warm-up/TO | climb | out hi | out super | out low | on station | combat | in low | in super | in hi | landing | jettisoned | reserve | tanks empty at km |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
];
for (const reference of loadCalibrationReference()) {
  const config = loadScenario(reference.id);
  const mass = computeMassProperties(config, library);
  const model = buildFlightModel(config, library, mass);
  const figures = computeFlightFigures(config, library, mass);
  const combat = figures.combat;
  const outbound = { ...model.drag, cd0Stores: mass.externalStoresDragAreaM2 / model.drag.wingAreaM2 };
  const tsfc =
    library.cfd.mission.installedTsfcFactor *
    tsfcLbPerLbfH(model.engine, combat.cruiseMach, isaTemperatureK(combat.cruiseAltitudeM), 'dry');
  aero.push(
    `| ${reference.name} | ${kg(mass.emptyMassKg)} | ${kg(mass.structuralMassDeltaKg)} | ${kg(mass.massBreakdownKg.coatings)} | ` +
      `${kg(mass.takeoffMassKg)} | ${figures.wettedAreaM2.toFixed(0)} | ${(figures.wettedAreaM2 / config.basePlatform.wingAreaM2).toFixed(2)} | ` +
      `${figures.cd0.toFixed(4)} | ${zeroLiftDragCoefficient(outbound, 0.6).toFixed(4)} | ${figures.oswaldEfficiency.toFixed(3)} | ` +
      `${figures.aspectRatio.toFixed(2)} | ${figures.ldMax.toFixed(2)} | ${maxLiftToDrag(outbound, 0.6).toFixed(2)} | ` +
      `${combat.cruiseMach.toFixed(2)} / ${combat.cruiseAltitudeM} | ${tsfc.toFixed(3)} |`
  );
  const f = combat.fuelKg;
  const m = combat.mission;
  const missionLabel =
    `${m.kind}${m.fromProfile ? '' : ' (default)'}, lo ${m.lowLevelKmEachWay} km, super ${m.supercruiseKmEachWay} km ` +
    `(${combat.supercruiseThrottle}), ${m.loiterMinutes > 0 ? `loiter ${m.loiterMinutes} min, ` : ''}combat ${m.combatMinutes} min ${m.combatThrottle}, ${m.reserve}, ` +
    `tanks ${m.tanksDroppedWhenEmpty ? 'dropped when empty' : 'kept'}`;
  fuel.push(
    `| ${reference.name} | ${missionLabel} | ${combat.radiusKm.toFixed(0)} | ${kg(f.total)} | ${kg(f.warmupTakeoff)} | ${kg(f.climb)} | ` +
      `${kg(f.outboundCruise)} | ${kg(f.outboundSupercruise)} | ${kg(f.outboundLowLevel)} | ${kg(f.onStation)} | ${kg(f.combat)} | ${kg(f.inboundLowLevel)} | ` +
      `${kg(f.inboundSupercruise)} | ${kg(f.inboundCruise)} | ${kg(f.landing)} | ${kg(f.jettisoned)} | ${kg(f.reserve)} | ` +
      `${combat.tanksEmptyAtKm.toFixed(0)} |`
  );
}
console.log(aero.join('\n'));
console.log('');
console.log(fuel.join('\n'));
