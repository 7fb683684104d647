import type { AircraftConfiguration } from '../../shared/aircraft';
import type { EngineId } from '../../shared/events';
import type { SessionState } from '../../shared/projection';
import type { ConfigurationChangeResult, EngineOutcome } from '../../shared/protocol/common';
import { OneChoiceSchema, type OneChoice, type RerunReport } from '../../shared/protocol/whatif';
import { createFlightdeckSession } from '../engines/session/create-session';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import { compareOutputs } from './compare-outputs';
import { applyChoice } from './one-choice';
import { openByKey, whatIfViolation } from './violation-delta';

export interface RerunChangeOptions {
  /** Holds `flightdeck.yaml`, `data/` and `scenarios/`, as for a live session. */
  resourcesDir: string;
  /** The recorded configuration (say `state.configuration.configuration` at some event). */
  configuration: AircraftConfiguration;
  choice: OneChoice;
}

/**
 * Re-runs a recorded configuration with one choice changed, in a sandboxed session of its own
 * (its own coordinator, log and engines; nothing reaches a live session or its store): the
 * original configuration is applied, then the changed one, and every engine's outputs come back
 * side by side with the violations open after each. The sandbox is disposed before this resolves.
 *
 * Rejects with an Error naming a bad choice (an unknown engine model, material, coating, radar
 * or zone, listing the known ones) or a configuration the checks refuse.
 *
 * @example
 * const report = await rerunChange({ resourcesDir: 'resources', configuration: f22a, choice: { kind: 'engine_model', engineModel: 'F135-PW-100' } });
 * report.engines.find((e) => e.engineId === 'propulsion')?.fields.find((f) => f.field === 'dryThrustKN');
 * // { field: 'dryThrustKN', before: …, after: …, unit: 'kN', changed: true }
 */
export async function rerunChange(options: RerunChangeOptions): Promise<RerunReport> {
  const startedAt = performance.now();
  const parsed = OneChoiceSchema.safeParse(options.choice);
  if (!parsed.success) {
    throw new Error(`invalid choice: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const choice = parsed.data;
  const session = await createFlightdeckSession({ resourcesDir: options.resourcesDir });
  try {
    const { configuration, change } = applyChoice(options.configuration, choice, session.catalog());
    const before = await applyOrThrow(session, options.configuration, 'the recorded configuration');
    const beforeState = session.coordinator.state;
    const after = await applyOrThrow(session, configuration, `the configuration with ${change.path} = ${JSON.stringify(change.after)}`);
    const afterState = session.coordinator.state;
    const engines = afterState.engineOrder.map((engineId) =>
      compareOutputs(engineId, beforeState.engines[engineId]?.outputs, afterState.engines[engineId]?.outputs, {
        before: outcomeOf(before, engineId),
        after: outcomeOf(after, engineId)
      })
    );
    return {
      choice,
      change,
      engines,
      violations: violationsOf(beforeState, afterState),
      totals: {
        fields: engines.reduce((sum, engine) => sum + engine.fields.length, 0),
        changedFields: engines.reduce((sum, engine) => sum + engine.changedFields, 0),
        enginesChanged: engines.filter((engine) => engine.changedFields > 0).length
      },
      durationMs: performance.now() - startedAt
    };
  } finally {
    await session.dispose();
  }
}

async function applyOrThrow(session: FlightdeckSession, configuration: AircraftConfiguration, what: string): Promise<ConfigurationChangeResult> {
  const result = await session.coordinator.processConfigurationChange(configuration);
  if (!result.ok) throw new Error(`${what} was refused: ${result.errors.join('; ')}`);
  return result;
}

function outcomeOf(result: ConfigurationChangeResult, engineId: EngineId): EngineOutcome['outcome'] {
  return result.engines.find((engine) => engine.engineId === engineId)?.outcome ?? 'unfinished';
}

function violationsOf(before: SessionState, after: SessionState): RerunReport['violations'] {
  const wasOpen = openByKey(Object.values(before.violations.open));
  const isOpen = openByKey(Object.values(after.violations.open));
  return {
    before: [...wasOpen.values()].map(whatIfViolation),
    after: [...isOpen.values()].map(whatIfViolation),
    opened: [...isOpen].filter(([key]) => !wasOpen.has(key)).map(([, violation]) => whatIfViolation(violation)),
    resolved: [...wasOpen].filter(([key]) => !isOpen.has(key)).map(([, violation]) => whatIfViolation(violation))
  };
}
