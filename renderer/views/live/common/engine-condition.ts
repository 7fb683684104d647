import type { ConditionFacts } from '../../../store/session/condition-facts';

/** The line under an engine's status: a note, a live countdown to its restart, or why it was given up. */
export type ConditionLine =
  | { kind: 'note'; text: string }
  | { kind: 'countdown'; retryAt: number }
  | { kind: 'given-up'; text: string };

/**
 * "gave up after 3 restarts" (or "given up by its supervisor" when it never got one: it failed
 * again before its first restart was due).
 */
export function givenUpText(restarts: number): string {
  return restarts > 0 ? `gave up after ${restarts} restart${restarts === 1 ? '' : 's'}` : 'given up by its supervisor';
}

/**
 * What to say under an engine's status word, from its condition facts.
 *
 * @example
 * conditionLine({ ...facts, status: 'degraded', degradedBy: ['materials'] }); // { kind: 'note', text: 'on last outputs of materials' }
 */
export function conditionLine(facts: ConditionFacts): ConditionLine {
  switch (facts.status) {
    case 'idle':
      return { kind: 'note', text: `v${facts.computedVersion} · up to date` };
    case 'busy':
      return { kind: 'note', text: `computing v${facts.configVersion}` };
    case 'blocked':
      return { kind: 'note', text: `waits on ${facts.blockedOn ?? 'a failed engine'}` };
    case 'degraded':
      return { kind: 'note', text: `on last outputs of ${facts.degradedBy.join(', ')}` };
    case 'failed':
      if (facts.givenUpAfterRestarts !== null) return { kind: 'given-up', text: givenUpText(facts.givenUpAfterRestarts) };
      if (facts.retryAt !== null) return { kind: 'countdown', retryAt: facts.retryAt };
      return { kind: 'note', text: 'waits for a restart' };
    case 'restarting':
      return { kind: 'note', text: 'rebuilding from its last outputs' };
    case 'stopped':
      return { kind: 'note', text: 'session stopped' };
  }
}
