import { STRUCTURAL_ZONES, type AircraftConfiguration } from '../../shared/aircraft';
import type { Random } from '../engines/optimization/random';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';

/** What the storm asks of a change: accepted configurations mostly, and now and then a clumsy one. */
export type StormChange = { kind: 'plausible' | 'mistaken'; configuration: unknown };

/** Share of changes that carry a mistake a user could make (the check must refuse them). */
const REFUSED_SHARE = 0.02;

/**
 * Configurations a designer in a hurry would send: a scenario, then its engine, a zone's
 * material, the fuel and the payload changed at random; one change in fifty is wrong (an unknown
 * engine, negative fuel) and must be refused without changing anything.
 */
export class ConfigurationStorm {
  private readonly scenarios: AircraftConfiguration[];
  private readonly engineModels: string[];
  private readonly materials: string[];

  constructor(
    session: FlightdeckSession,
    private readonly random: Random
  ) {
    this.scenarios = session.listScenarios().map((s) => session.loadScenario(s.id));
    const catalog = session.catalog();
    this.engineModels = catalog.engines.map((e) => e.id);
    this.materials = catalog.materials.map((m) => m.id);
  }

  next(): StormChange {
    const base = this.pick(this.scenarios);
    const configuration: AircraftConfiguration = {
      ...base,
      basePlatform: { ...base.basePlatform, internalFuelKg: Math.round(base.basePlatform.internalFuelKg * (0.7 + 0.4 * this.random.next())) },
      mission: { ...base.mission, payloadKg: Math.round(base.mission.payloadKg * (0.5 + this.random.next())) }
    };
    if (this.random.chance(0.5)) configuration.propulsion = { ...base.propulsion, engineModel: this.pick(this.engineModels) };
    if (this.random.chance(0.3)) configuration.materials = { ...base.materials, [this.pick(STRUCTURAL_ZONES)]: this.pick(this.materials) };
    if (!this.random.chance(REFUSED_SHARE)) return { kind: 'plausible', configuration };
    return this.random.chance(0.5)
      ? { kind: 'mistaken', configuration: { ...configuration, propulsion: { ...configuration.propulsion, engineModel: 'no-such-engine' } } }
      : { kind: 'mistaken', configuration: { ...configuration, basePlatform: { ...configuration.basePlatform, internalFuelKg: -1 } } };
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.random.integer(0, items.length - 1)] as T;
  }
}
