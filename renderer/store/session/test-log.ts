import type { Violation } from '../../../shared/consistency';
import type { EngineEvent, EventEnvelope, EventPayloads, EventType, RegisteredEngine } from '../../../shared/events';
import { makeEvent } from '../live/test-events';
import { sampleConfiguration } from '../workbench/configuration/configuration-fixture';

/** Three engines of a small session: design ← materials ← propulsion (propulsion reads both). */
export const TEST_ENGINES: RegisteredEngine[] = [
  { engineId: 'design', capabilities: ['mass_properties'], dependsOn: [], analyses: [] },
  { engineId: 'materials', capabilities: ['structural_mass'], dependsOn: ['design'], analyses: [] },
  { engineId: 'propulsion', capabilities: ['thrust'], dependsOn: ['design', 'materials'], analyses: [] }
];

/**
 * A host's log written by a test, event by event, numbered from 1 like the real one: what the
 * coordinator would publish for configuration changes, outputs, failures, restarts and rules.
 *
 * @example
 * const log = new TestLog().start().configure(1).outputs(1);
 * projectAll(log.events).configuration?.version; // 1
 */
export class TestLog {
  readonly events: EngineEvent[] = [];
  private version = 0;

  /** Appends an event with the next seq and the current configuration version. */
  add<K extends EventType>(eventType: K, data: EventPayloads[K], envelope: Partial<EventEnvelope> = {}): this {
    const seq = this.events.length + 1;
    this.events.push(makeEvent(seq, eventType, data, { configVersion: this.version, sourceEngine: 'coordinator', ...envelope }) as EngineEvent);
    return this;
  }

  start(engines: RegisteredEngine[] = TEST_ENGINES): this {
    return this.add('session_started', { engines });
  }

  rule(ruleId: string, sourceEngine: string, dependentEngines: string[]): this {
    const rule = { ruleId, sourceEngine, dependentEngines, dataFields: [], autoUpdate: false, severity: 'error' as const, description: ruleId, codeCheck: false };
    return this.add('rule_added', { rule }, { sourceEngine: 'consistency_manager' });
  }

  /** A configuration change to the next version: the sample F-22A, named `name`. */
  configure(name = `aircraft ${this.version + 1}`): this {
    const previousVersion = this.version === 0 ? null : this.version;
    this.version++;
    const configuration = { ...sampleConfiguration(), name };
    return this.add('configuration_changed', { version: this.version, previousVersion, configuration }, { sourceEngine: 'design', priority: 'HIGH' });
  }

  /** Outputs of the current version from `engineIds` (all test engines by default). */
  outputs(engineIds: string[] = TEST_ENGINES.map((e) => e.engineId)): this {
    for (const engineId of engineIds) {
      this.add('engine_output', { engineId, version: this.version, outputs: { massKg: 1000 + this.version }, changedFields: ['massKg'], durationMs: 1, degradedBy: [] }, { sourceEngine: engineId });
    }
    return this;
  }

  /** `engineId` could not compute the current version; its dependents are blocked on it. */
  fail(engineId: string, blocked: string[] = []): this {
    this.add('engine_status_changed', { engineId, status: 'failed', version: this.version, reason: 'injected failure' }, { sourceEngine: engineId });
    for (const dependent of blocked) {
      this.add('engine_status_changed', { engineId: dependent, status: 'blocked', version: this.version, reason: `waits on ${engineId}`, blockedBy: [engineId] });
    }
    return this;
  }

  restart(engineId: string, restarts = 1): this {
    return this.add('engine_restarted', { engineId, reason: 'restart requested', restarts, recoveredFromCache: true, recoveredConfigVersion: this.version });
  }

  violation(kind: 'opened' | 'resolved', violationId: string, dependentEngine = 'materials'): this {
    const violation: Violation = {
      violationId,
      ruleId: 'config_version',
      severity: 'error',
      sourceEngine: 'design',
      dependentEngine,
      expected: this.version,
      actual: this.version - 1,
      message: `expected v${this.version}`,
      detectedAt: this.events.length,
      status: kind === 'opened' ? 'open' : 'resolved',
      ...(kind === 'resolved' ? { resolvedAt: this.events.length, resolution: 'passed' as const } : {})
    };
    return this.add(kind === 'opened' ? 'violation_opened' : 'violation_resolved', violation, { sourceEngine: 'consistency_manager' });
  }

  /** Noise the host may drop under overload. */
  load(count: number): this {
    for (let n = 0; n < count; n++) this.add('synthetic_load', { n }, { sourceEngine: 'load_generator', priority: 'LOW' });
    return this;
  }
}
