import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AircraftConfigurationSchema, type AircraftConfiguration } from '../../../shared/aircraft';
import type { ScenarioSummary } from '../../../shared/protocol';
import { loadDataFile } from '../../core/config/data-file';

/** The aircraft configurations in a scenarios folder, each validated when loaded. */
export class ScenarioCatalog {
  constructor(private readonly directory: string) {}

  ids(): string[] {
    return readdirSync(this.directory)
      .filter((name) => name.endsWith('.json'))
      .map((name) => basename(name, '.json'))
      .sort();
  }

  /** Throws an error naming the scenario (and, when invalid, the field). */
  load(scenarioId: string): AircraftConfiguration {
    if (!/^[\w.-]+$/.test(scenarioId) || !this.ids().includes(scenarioId)) {
      throw new Error(`unknown scenario "${scenarioId}"; available: ${this.ids().join(', ')}`);
    }
    return loadDataFile(join(this.directory, `${scenarioId}.json`), AircraftConfigurationSchema);
  }

  list(): ScenarioSummary[] {
    return this.ids().map((id) => {
      const scenario = this.load(id);
      return {
        id,
        name: scenario.name,
        engineModel: scenario.propulsion.engineModel,
        engineCount: scenario.propulsion.count,
        missionType: scenario.mission.type
      };
    });
  }
}
