import type { SessionState } from '../../../shared/projection';
import type { CommandName } from '../../../shared/protocol';

/**
 * The part of the session state a command changes when it is accepted: the configuration and its
 * version, the rules, each engine's computed version, outputs, condition and armed faults, and
 * the open violations. A rejected command must leave all of it as it was.
 *
 * The state is an immutable projection, so a part that did not change is the same object: the
 * comparison is by reference first and by value (keys sorted) only for parts whose reference moved.
 *
 * @example
 * const before = acceptedStateOf(session.coordinator.state);
 * // … a rejected command …
 * changedParts(before, acceptedStateOf(session.coordinator.state)); // []
 */
export type AcceptedState = ReadonlyMap<string, unknown>;

export function acceptedStateOf(state: SessionState): AcceptedState {
  const parts = new Map<string, unknown>([
    ['configuration.version', state.configuration?.version],
    ['configuration', state.configuration?.configuration],
    ['rules', state.rules],
    ['ruleOrder', state.ruleOrder],
    ['violations.open', state.violations.open],
    ['engineOrder', state.engineOrder]
  ]);
  for (const engineId of state.engineOrder) {
    const engine = state.engines[engineId];
    parts.set(`engines.${engineId}.computedVersion`, engine?.computedVersion);
    parts.set(`engines.${engineId}.outputs`, engine?.outputs);
    parts.set(`engines.${engineId}.condition`, engine?.condition);
    parts.set(`engines.${engineId}.faults`, engine?.faults);
  }
  return parts;
}

/** Names of the parts that differ in value between two accepted states. */
export function changedParts(before: AcceptedState, after: AcceptedState): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const changed: string[] = [];
  for (const name of names) {
    const a = before.get(name);
    const b = after.get(name);
    if (a === b) continue;
    if (canonicalJson(a) !== canonicalJson(b)) changed.push(name);
  }
  return changed;
}

/** JSON with object keys sorted, so equal values give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) Object.defineProperty(sorted, key, { value: (item as Record<string, unknown>)[key], enumerable: true });
    return sorted;
  }) ?? 'undefined';
}

/**
 * What accepted commands built, kept beside the session: the rules in the order added and the
 * configuration version last applied. An accepted answer is a promise that this stays — no later
 * frame, reconnect or fault may lose it — so the session must still agree after every frame and,
 * read over a fresh socket, at the end.
 *
 * @example
 * const model = AcceptedModel.of(coordinator.state);
 * model.accept('rules.add', { ruleId: 'r1', … }, data);
 * model.lostFrom(coordinator.state.ruleOrder, coordinator.state.configuration?.version ?? 0); // []
 */
export class AcceptedModel {
  private constructor(
    private ruleIds: string[],
    private version: number
  ) {}

  static of(state: SessionState): AcceptedModel {
    return new AcceptedModel([...state.ruleOrder], state.configuration?.version ?? 0);
  }

  /** Records an accepted command (`request` as its schema parsed it, `data` its answer). */
  accept(command: CommandName, request: unknown, data: unknown): void {
    const ruleId = (request as { ruleId?: unknown } | null)?.ruleId;
    if (command === 'rules.add' && typeof ruleId === 'string') this.ruleIds.push(ruleId);
    else if (command === 'rules.remove' && typeof ruleId === 'string') this.ruleIds = this.ruleIds.filter((id) => id !== ruleId);
    const change = data as { version?: unknown; engines?: unknown[] } | null;
    // An applied change (refused ones list no engines) holds its version even when an engine failed.
    if (typeof change?.version === 'number' && Array.isArray(change.engines) && change.engines.length > 0) this.version = change.version;
  }

  /** What the session lost of it, or has beyond it (empty when it has just that, in order). */
  lostFrom(ruleIds: readonly string[], version: number): string[] {
    const lost: string[] = [];
    if (ruleIds.join('\u0000') !== this.ruleIds.join('\u0000')) {
      const missing = this.ruleIds.filter((id) => !ruleIds.includes(id));
      const extra = ruleIds.filter((id) => !this.ruleIds.includes(id));
      const quote = (ids: string[]): string => ids.map((id) => JSON.stringify(id)).join(', ');
      lost.push(missing.length + extra.length === 0 ? 'rules in another order' : `rules missing [${quote(missing)}], not accepted [${quote(extra)}]`);
    }
    if (version !== this.version) lost.push(`configuration v${version}, accepted v${this.version}`);
    return lost;
  }
}
