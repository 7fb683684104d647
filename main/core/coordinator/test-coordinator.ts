import type { EngineEvent } from '../../../shared/events';
import { versionAgreementRule } from '../consistency';
import { testEngineFactories, type TestConfiguration, type TestEngineBehaviour } from '../testing/test-engines';
import { EngineCoordinator, type EngineCoordinatorOptions } from './engine-coordinator';
import type { RestartPolicy } from './supervisor';

export type TestCoordinator = EngineCoordinator<TestConfiguration>;

const coordinators: TestCoordinator[] = [];

/** Every engine but design, which they all depend on. */
export const DEPENDENTS = ['materials', 'propulsion', 'sensors', 'aerodynamics', 'manufacturing'];

/** Registers a coordinator for `shutdownCoordinators` to shut down after the test. */
export function track(coordinator: TestCoordinator): TestCoordinator {
  coordinators.push(coordinator);
  return coordinator;
}

/** For `afterEach`. */
export async function shutdownCoordinators(): Promise<void> {
  for (const c of coordinators.splice(0)) await c.shutdown();
}

/** A restart policy for tests: by default restarts wait a minute, so a failure stays in view. */
export function policy(overrides: Partial<RestartPolicy> = {}): RestartPolicy {
  return { maxRestarts: 3, windowMs: 60_000, backoffMs: 60_000, maxBackoffMs: 60_000, jitter: 0, ...overrides };
}

/** An initialized coordinator over the six test engines, with the version-agreement rule. */
export async function start(
  behaviours: Record<string, TestEngineBehaviour> = {},
  options: Partial<EngineCoordinatorOptions<TestConfiguration>> = {}
): Promise<TestCoordinator> {
  const coordinator = track(
    new EngineCoordinator<TestConfiguration>({
      engines: testEngineFactories(behaviours),
      bus: { eventTimeoutMs: 2000, maxHistorySize: 10_000 },
      rules: [versionAgreementRule('config_version', 'design', DEPENDENTS)],
      restartPolicy: () => policy(),
      ...options
    })
  );
  await coordinator.initialize();
  return coordinator;
}

export function eventsOf<K extends EngineEvent['eventType']>(coordinator: TestCoordinator, eventType: K, correlationId?: string): EngineEvent<K>[] {
  return coordinator.log.query({ eventType, correlationId }) as EngineEvent<K>[];
}
