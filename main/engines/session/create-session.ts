import { join } from 'node:path';
import type { AircraftConfiguration } from '../../../shared/aircraft';
import { findingsAllowApply } from '../../../shared/findings';
import { EngineCoordinator } from '../../core/coordinator/engine-coordinator';
import type { SessionResume } from '../../core/coordinator/session-resume';
import { busOptionsFrom, loadFlightdeckConfig, restartPolicyFrom, type LoadedFlightdeckConfig } from '../../core/config/flightdeck-config';
import { buildCatalog } from './catalog';
import { defaultRules } from './default-rules';
import type { EngineFactory } from '../../core/engine';
import { RemoteEngine } from '../../distributed/remote-engine';
import { connectRemoteEngines } from '../../distributed/connect-remote-engines';
import type { RemoteWorkClient } from '../../distributed/remote-work-client';
import type { FlightdeckEngineId } from '../../distributed/work-protocol';
import { WorkerRoster } from '../../distributed/worker-roster';
import { engineFactories } from './engine-factories';
import type { FlightdeckSession } from './flightdeck-session';
import { loadEngineLibraries } from './libraries';
import { ScenarioCatalog } from './scenarios';
import { summarizeAnalysis } from './summarize-analysis';
import { checkConfiguration } from './validate-configuration';
import { createOptimizer, normaliseCriteria } from './design-optimizer';
import { EvaluationPool } from './evaluation-pool';
import { createMissionSimulator } from './mission-simulator';

/** The aircraft a new session opens with, so no view starts empty. */
export const DEFAULT_SCENARIO = 'f22a';

export interface CreateSessionOptions {
  /** Holds `flightdeck.yaml`, `data/` and `scenarios/`. */
  resourcesDir: string;
  /** Default: `<resourcesDir>/flightdeck.yaml`. */
  configPath?: string;
  /** A configuration already loaded (a run that tunes the file's settings); replaces `configPath`. */
  config?: LoadedFlightdeckConfig;
  /** Uniform [0, 1) for the restart jitter; seeded where a run must be repeatable. */
  random?: () => number;
  /** A scenario to apply once the engines are up (none when absent; ignored when resuming). */
  initialScenario?: string;
  /** A recorded session to continue where it stopped (crash recovery). */
  resume?: SessionResume;
  /** Called once the coordinator exists, before it publishes anything: the session store's recorder attaches here. */
  attach?: (coordinator: EngineCoordinator<AircraftConfiguration>) => void;
  /** Engines computed by engine workers over NATS (`npm run worker`); the others run in process. */
  remoteEngines?: { client: RemoteWorkClient; engineIds: readonly FlightdeckEngineId[] };
}

/**
 * Builds a running session: the configuration file, the six engines on their libraries,
 * the default consistency rules, the optimizer and the mission simulator.
 * @example const session = await createFlightdeckSession({ resourcesDir: 'resources', initialScenario: 'f22a' });
 */
export async function createFlightdeckSession(options: CreateSessionOptions): Promise<FlightdeckSession> {
  const config = options.config ?? loadFlightdeckConfig(options.configPath ?? join(options.resourcesDir, 'flightdeck.yaml'));
  const libraries = loadEngineLibraries(config);
  // Remote engines named in the configuration, unless the caller brought its own client.
  const configured = options.remoteEngines ? null : await connectRemoteEngines(config);
  const remoteEngines = options.remoteEngines ?? configured?.remoteEngines;
  const evaluationPool = config.optimization.evaluation_workers > 0 ? new EvaluationPool(config, config.optimization.evaluation_workers) : undefined;
  const scenarios = new ScenarioCatalog(join(options.resourcesDir, 'scenarios'));
  const check = (raw: unknown): ReturnType<typeof checkConfiguration> => checkConfiguration(raw, libraries);
  const coordinator = new EngineCoordinator<AircraftConfiguration>({
    engines: engineFactories(libraries).map((factory): EngineFactory<AircraftConfiguration> => {
      const remote = remoteEngines;
      if (!remote) return factory;
      return () => {
        const local = factory();
        return remote.engineIds.includes(local.id as FlightdeckEngineId) ? new RemoteEngine(local, remote.client) : local;
      };
    }),
    bus: busOptionsFrom(config),
    restartPolicy: restartPolicyFrom(config),
    random: options.random,
    resume: options.resume,
    monitor: {
      memoryIntervalMs: config.performance.memory_sample_interval_ms,
      publishIntervalMs: config.performance.publish_interval_ms
    },
    // validate and apply run this one check.
    checkConfiguration: check,
    rules: defaultRules(),
    summarizeAnalysis,
    optimizer: createOptimizer(libraries, evaluationPool),
    simulator: createMissionSimulator(libraries)
  });
  options.attach?.(coordinator);
  await coordinator.initialize();
  // After session_started (which forgets earlier workers): who is alive is heard from now on.
  const roster = remoteEngines
    ? new WorkerRoster(remoteEngines.client.connection, remoteEngines.client.subjects, remoteEngines.engineIds, (event) => coordinator.bus.publish(event))
    : null;
  if (options.initialScenario && !options.resume) {
    const result = await coordinator.processConfigurationChange(scenarios.load(options.initialScenario), 'design');
    if (!result.ok) throw new Error(`scenario ${options.initialScenario} did not compute: ${result.errors.join('; ')}`);
  }
  return {
    coordinator,
    resourcesDir: options.resourcesDir,
    listScenarios: () => scenarios.list(),
    loadScenario: (id) => scenarios.load(id),
    validateConfiguration: (raw) => {
      const { findings } = check(raw);
      return { valid: findingsAllowApply(findings), findings };
    },
    catalog: () => buildCatalog(libraries),
    optimizationCriteria: normaliseCriteria,
    dispose: async () => {
      roster?.dispose();
      await coordinator.shutdown();
      await configured?.close();
      await evaluationPool?.dispose();
    }
  };
}
