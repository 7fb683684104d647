import { randomUUID } from 'node:crypto';
import type {
  CachedEntry,
  ConsistencyCheckResult,
  ConsistencyRule,
  PropagationResult,
  RuleCoverage,
  RuleFinding,
  Severity,
  StaleEngine,
  Violation,
  ViolationReport
} from '../../../shared/consistency';
import type { Disposable } from '../../../shared/disposable';
import type { EngineId, EventInput, Priority } from '../../../shared/events';
import type { EngineRegistry } from '../registry/engine-registry';
import { describeValue } from './compare-values';
import { DataCache, type CacheUpdateMeta, type CacheUpdateResult } from './data-cache';
import {
  runPropagation,
  type PropagationCause,
  type PropagationDeps,
  type RecomputeHandler
} from './invalidation';
import { isRuleEnabled, RuleBook, type ConsistencyRulePatch } from './rule-book';
import { checkRulePair } from './rule-check';
import { RuleCoverageTracker } from './rule-coverage';
import { DEFAULT_MAX_RESOLVED_VIOLATIONS, ViolationLedger } from './violation-ledger';

/** The engine id the manager publishes its events under. */
export const CONSISTENCY_MANAGER_SOURCE = 'consistency_manager';

export interface DataConsistencyManagerOptions {
  /** Only `topologicalOrder()` is used: it orders invalidation. */
  registry: Pick<EngineRegistry, 'topologicalOrder'>;
  /** Where events go (normally `bus.publish`); a returned `{ eventId }` is used as causation. */
  publish: (input: EventInput) => unknown;
  /** Default 500. */
  maxResolvedViolations?: number;
  /** Milliseconds clock for `updatedAt`, `detectedAt`, ... Default `Date.now()`. */
  now?: () => number;
}

/** One (rule, dependent engine) pair to check. */
interface PairToCheck {
  rule: ConsistencyRule;
  dependentEngine: EngineId;
}

/**
 * Keeps every engine's latest outputs, checks the consistency rules between them, tracks the
 * violations they open and resolve, and propagates invalidation along auto-update rules.
 *
 * @example
 * const consistency = new DataConsistencyManager({ registry, publish: (e) => bus.publish(e) });
 * consistency.addConsistencyRule({
 *   ruleId: 'mass_budget', sourceEngine: 'design', dependentEngines: ['materials'],
 *   dataFields: ['totalMassKg'], autoUpdate: true, severity: 'error',
 *   description: 'materials agree with the design mass', tolerance: { relative: 0.005 }
 * });
 * const { changedFields } = consistency.updateDataCache('design', outputs, { correlationId });
 * await consistency.propagateInvalidation('design', changedFields, { correlationId });
 */
export class DataConsistencyManager implements Disposable {
  private readonly registry: Pick<EngineRegistry, 'topologicalOrder'>;
  private readonly publishInput: (input: EventInput) => unknown;
  private readonly now: () => number;
  private readonly cache: DataCache;
  private readonly rules = new RuleBook();
  private readonly coverage = new RuleCoverageTracker();
  private readonly violations: ViolationLedger;
  private readonly staleness = new Map<EngineId, StaleEngine>();
  private recomputeHandler: RecomputeHandler | undefined;
  private publishFailureCount = 0;

  constructor(options: DataConsistencyManagerOptions) {
    this.registry = options.registry;
    this.publishInput = options.publish;
    this.now = options.now ?? Date.now;
    this.cache = new DataCache(this.now);
    this.violations = new ViolationLedger(
      options.maxResolvedViolations ?? DEFAULT_MAX_RESOLVED_VIOLATIONS,
      this.now,
      randomUUID
    );
  }

  /** Publishes that threw; the manager's state is kept regardless. */
  get publishFailures(): number {
    return this.publishFailureCount;
  }

  /**
   * Caches an engine's outputs. Returns the engine's new cache version and the top-level keys
   * whose values changed (by deep equality; added and removed keys count). Does not validate:
   * call `validateDataConsistency` or `propagateInvalidation` next.
   */
  updateDataCache(
    engineId: EngineId,
    data: Record<string, unknown>,
    meta?: CacheUpdateMeta
  ): CacheUpdateResult {
    return this.cache.update(engineId, data, meta);
  }

  /** The engine's cached outputs (read-only), or undefined before its first update. */
  getCachedData(engineId: EngineId): CachedEntry | undefined {
    return this.cache.get(engineId)?.entry;
  }

  getAllCachedData(): CachedEntry[] {
    return this.cache.all();
  }

  /**
   * Adds a rule and checks it at once. Throws on a bad shape (naming the field) or a duplicate id.
   */
  addConsistencyRule(rule: ConsistencyRule): ConsistencyCheckResult {
    const stored = this.rules.add(rule);
    return this.check(this.pairsOf(stored), new Map(), {});
  }

  /**
   * Edits a rule and re-validates it at once. Violations the rule no longer covers (a removed
   * dependent or field, or the rule disabled) are resolved.
   */
  updateConsistencyRule(ruleId: string, patch: ConsistencyRulePatch): ConsistencyCheckResult {
    const { after } = this.rules.update(ruleId, patch);
    this.coverage.reset(ruleId);
    const resolution = isRuleEnabled(after) ? 'no_longer_checked' : 'rule_disabled';
    const dropped = this.violations.resolveWhere(
      (violation) => violation.ruleId === ruleId && !stillCovered(after, violation),
      resolution
    );
    for (const violation of dropped) this.publishViolation('violation_resolved', violation);
    const result = this.check(this.pairsOf(after), new Map(), {});
    return { ...result, resolved: [...dropped, ...result.resolved] };
  }

  /** Removes a rule and resolves its open violations. Throws on an unknown id. */
  removeConsistencyRule(ruleId: string): Violation[] {
    this.rules.remove(ruleId);
    this.coverage.reset(ruleId);
    const resolved = this.violations.resolveWhere(
      (violation) => violation.ruleId === ruleId,
      'rule_removed'
    );
    for (const violation of resolved) this.publishViolation('violation_resolved', violation);
    return resolved;
  }

  /** Every rule, in the order added. */
  getRules(): ConsistencyRule[] {
    return this.rules.all().map((rule) => ({ ...rule }));
  }

  /**
   * Checks every enabled rule in which `engineId` is the source or a dependent. With `data`, it
   * stands in for the engine's cached outputs in this check only (nothing is stored). Events
   * carry `cause`'s ids, else those of the cache update that wrote `engineId`'s data.
   */
  validateDataConsistency(
    engineId: EngineId,
    data?: Record<string, unknown>,
    cause?: PropagationCause
  ): ConsistencyCheckResult {
    const pairs: PairToCheck[] = [];
    for (const rule of this.rules.enabledRulesTouching(engineId)) {
      if (rule.sourceEngine === engineId) pairs.push(...this.pairsOf(rule));
      else pairs.push({ rule, dependentEngine: engineId });
    }
    const overrides = new Map<EngineId, Record<string, unknown>>();
    if (data) overrides.set(engineId, data);
    return this.check(pairs, overrides, cause ?? this.causeOf(engineId));
  }

  /**
   * Checks every enabled rule for every dependent. Events carry `cause`'s ids (say, the
   * configuration change that made the check necessary).
   */
  validateAll(cause: PropagationCause = {}): ConsistencyCheckResult {
    return this.check(this.rules.all().flatMap((rule) => this.pairsOf(rule)), new Map(), cause);
  }

  getViolationReport(): ViolationReport {
    return this.violations.report();
  }

  /** The report's counts alone: open by severity and rule, resolved totals. */
  getViolationCounts(): ViolationReport['counts'] {
    return this.violations.counts();
  }

  /** Coverage of one rule, or of every rule in the order added. */
  getRuleCoverage(ruleId?: string): RuleCoverage[] {
    const ids = ruleId === undefined ? this.rules.all().map((rule) => rule.ruleId) : [ruleId];
    return ids.filter((id) => this.rules.get(id)).map((id) => this.coverage.coverage(id));
  }

  /** Sets the function that recomputes an invalidated engine (a new one replaces the old). */
  setRecomputeHandler(handler: RecomputeHandler | undefined): void {
    this.recomputeHandler = handler;
  }

  /**
   * Invalidates, recomputes and re-validates everything downstream of a change, dependencies
   * first, each engine at most once; see `runPropagation` for the algorithm. Never rejects
   * because of a recompute: failures are in the result's `errors`.
   */
  propagateInvalidation(
    originEngine: EngineId,
    changedFields: string[],
    cause?: PropagationCause
  ): Promise<PropagationResult> {
    const deps: PropagationDeps = {
      topologicalOrder: () => this.registry.topologicalOrder(),
      rules: () => this.rules.all(),
      publish: (input) => this.publish(input) ?? randomUUID(),
      recompute: this.recomputeHandler,
      store: (engineId, data, meta) => this.cache.update(engineId, data, meta),
      configVersionOf: (engineId) => this.cache.get(engineId)?.entry.configVersion,
      validate: (engineId, validationCause) =>
        this.validateDataConsistency(engineId, undefined, validationCause),
      staleness: this.staleness,
      now: this.now,
      createId: randomUUID
    };
    return runPropagation(deps, originEngine, changedFields, cause);
  }

  /** Why engines are stale: each with the chain of hops from the change that invalidated it. */
  /**
   * Records why an engine is stale for a reason outside invalidation (say it failed, or an
   * engine it depends on did, so it could not compute the current configuration).
   */
  markStale(stale: StaleEngine): void {
    this.staleness.set(stale.engineId, stale);
  }

  getStaleness(engineId?: EngineId): StaleEngine[] {
    const entries =
      engineId === undefined ? [...this.staleness.values()] : [this.staleness.get(engineId)];
    return entries
      .filter((entry): entry is StaleEngine => entry !== undefined)
      .map((entry) => ({
        ...entry,
        chain: entry.chain.map((hop) => ({ ...hop, fields: [...hop.fields] }))
      }));
  }

  /** Clears an engine's stale mark (after a full recompute). Returns whether it was stale. */
  markFresh(engineId: EngineId): boolean {
    return this.staleness.delete(engineId);
  }

  dispose(): void {
    this.recomputeHandler = undefined;
    this.cache.clear();
    this.rules.clear();
    this.coverage.clear();
    this.violations.clear();
    this.staleness.clear();
  }

  private pairsOf(rule: ConsistencyRule): PairToCheck[] {
    if (!isRuleEnabled(rule)) return [];
    return rule.dependentEngines
      .filter((dependentEngine) => dependentEngine !== rule.sourceEngine)
      .map((dependentEngine) => ({ rule, dependentEngine }));
  }

  private causeOf(engineId: EngineId): PropagationCause {
    const meta = this.cache.get(engineId)?.meta ?? {};
    return { causationId: meta.causationId, correlationId: meta.correlationId };
  }

  private entryFor(
    engineId: EngineId,
    overrides: ReadonlyMap<EngineId, Record<string, unknown>>
  ): CachedEntry | undefined {
    const cached = this.cache.get(engineId)?.entry;
    const override = overrides.get(engineId);
    if (!override) return cached;
    return { engineId, version: cached?.version ?? 0, data: override, updatedAt: this.now() };
  }

  private check(
    pairs: readonly PairToCheck[],
    overrides: ReadonlyMap<EngineId, Record<string, unknown>>,
    cause: PropagationCause
  ): ConsistencyCheckResult {
    const result: ConsistencyCheckResult = {
      checkedRules: [],
      opened: [],
      resolved: [],
      stillOpen: [],
      coverage: []
    };
    const seen = new Set<string>();
    for (const { rule, dependentEngine } of pairs) {
      const pairKey = JSON.stringify([rule.ruleId, dependentEngine]);
      if (seen.has(pairKey)) continue;
      seen.add(pairKey);
      if (!result.checkedRules.includes(rule.ruleId)) result.checkedRules.push(rule.ruleId);
      const before = new Set(
        this.violations
          .openFor(rule.ruleId, rule.sourceEngine, dependentEngine)
          .map((violation) => violation.violationId)
      );
      const findings = checkRulePair(
        rule,
        dependentEngine,
        this.entryFor(rule.sourceEngine, overrides),
        this.entryFor(dependentEngine, overrides)
      );
      this.coverage.record(rule.ruleId, rule.sourceEngine, dependentEngine, findings, this.now());
      for (const finding of findings) {
        if (finding.compared === false) continue;
        const key = {
          ruleId: rule.ruleId,
          sourceEngine: rule.sourceEngine,
          dependentEngine,
          field: finding.field
        };
        if (finding.passed) {
          const resolved = this.violations.pass(key);
          if (resolved) {
            result.resolved.push(resolved);
            this.publishViolation('violation_resolved', resolved, cause);
          }
          continue;
        }
        const { violation, opened } = this.violations.fail({
          ...key,
          severity: rule.severity,
          expected: finding.expected,
          actual: finding.actual,
          message: violationMessage(rule, dependentEngine, finding),
          causationId: cause.causationId,
          correlationId: cause.correlationId
        });
        if (opened) {
          result.opened.push(violation);
          this.publishViolation('violation_opened', violation, cause);
        }
      }
      const after = this.violations.openFor(rule.ruleId, rule.sourceEngine, dependentEngine);
      result.stillOpen.push(...after.filter((violation) => before.has(violation.violationId)));
    }
    result.coverage = result.checkedRules.map((ruleId) => this.coverage.coverage(ruleId));
    return result;
  }

  private publishViolation(
    eventType: 'violation_opened' | 'violation_resolved',
    violation: Violation,
    cause: PropagationCause = {}
  ): void {
    const input: EventInput = {
      eventType,
      sourceEngine: CONSISTENCY_MANAGER_SOURCE,
      targetEngines: [violation.dependentEngine],
      priority: priorityOf(violation.severity),
      data: { ...violation }
    };
    if (cause.causationId !== undefined) input.causationId = cause.causationId;
    if (cause.correlationId !== undefined) input.correlationId = cause.correlationId;
    this.publish(input);
  }

  /** Publishes; returns the event id the publisher reported, if any. Never throws. */
  private publish(input: EventInput): string | undefined {
    try {
      const published = this.publishInput(input);
      if (typeof published === 'object' && published !== null && 'eventId' in published) {
        const { eventId } = published;
        if (typeof eventId === 'string') return eventId;
      }
    } catch {
      this.publishFailureCount++;
    }
    return undefined;
  }
}

function priorityOf(severity: Severity): Priority {
  return severity === 'error' || severity === 'critical' ? 'HIGH' : 'NORMAL';
}

/** Whether an edited rule still checks the pair and field of an open violation. */
function stillCovered(rule: ConsistencyRule, violation: Violation): boolean {
  if (!isRuleEnabled(rule)) return false;
  if (rule.sourceEngine !== violation.sourceEngine) return false;
  if (!rule.dependentEngines.includes(violation.dependentEngine)) return false;
  if (rule.validate || violation.field === undefined) return true;
  return rule.dataFields.includes(violation.field);
}

/**
 * e.g. `rule mass_budget: field totalMassKg of design (expected 19700) differs from materials
 * (actual 19900)`, with the finding's own message appended after a colon.
 */
function violationMessage(
  rule: ConsistencyRule,
  dependentEngine: EngineId,
  finding: RuleFinding
): string {
  const subject =
    finding.field === undefined
      ? rule.sourceEngine
      : `field ${finding.field} of ${rule.sourceEngine}`;
  const base =
    `rule ${rule.ruleId}: ${subject} (expected ${describeValue(finding.expected)}) ` +
    `differs from ${dependentEngine} (actual ${describeValue(finding.actual)})`;
  return finding.message ? `${base}: ${finding.message}` : base;
}
