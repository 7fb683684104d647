import { randomUUID } from 'node:crypto';
import type {
  CachedEntry,
  ConsistencyCheckResult,
  ConsistencyRule,
  RuleCoverage,
  RuleFinding,
  Severity,
  Violation,
  ViolationReport
} from '../../../shared/consistency';
import type { Disposable } from '../../../shared/disposable';
import type { SessionState } from '../../../shared/projection';
import type { EngineId, Priority, RecordedRule } from '../../../shared/events';
import type { Publish } from '../log/publish';
import { describeValue } from './compare-values';
import { isRuleEnabled, RuleBook, type ConsistencyRulePatch } from './rule-book';
import { checkRulePair } from './rule-check';
import { RuleCoverageTracker } from './rule-coverage';
import { DEFAULT_MAX_RESOLVED_VIOLATIONS, ViolationLedger } from './violation-ledger';

/** The engine id the manager publishes its events under. */
export const CONSISTENCY_MANAGER_SOURCE = 'consistency_manager';

/** The causal ids a check's events continue. */
export interface CheckCause {
  causationId?: string;
  correlationId?: string;
  configVersion?: number;
}

export interface DataConsistencyManagerOptions {
  publish: Publish;
  /** An engine's published outputs as the rules compare them (from the session state). */
  entryOf: (engineId: EngineId) => CachedEntry | undefined;
  /** Default 500. */
  maxResolvedViolations?: number;
  /** Milliseconds clock for `detectedAt` and `resolvedAt`. Default `Date.now()`. */
  now?: () => number;
}

/** One (rule, dependent engine) pair to check. */
interface PairToCheck {
  rule: ConsistencyRule;
  dependentEngine: EngineId;
}

/** What `settledPairs` returns when no pair is settled (most calls). */
const NO_PAIRS: readonly PairToCheck[] = Object.freeze([]);

/** An engine a change must invalidate through auto-update rules, and which rules and fields. */
export interface RuleInvalidation {
  dependentEngine: EngineId;
  ruleIds: string[];
  fields: string[];
}

function pairKey(ruleId: string, dependentEngine: EngineId): string {
  return `${ruleId}\u0000${dependentEngine}`;
}

/**
 * Checks the consistency rules between engines' published outputs and owns the violations they
 * open and resolve: every rule edit and every violation change is an event, so the session state
 * learns them from the log. It keeps no copy of the outputs; `entryOf` reads them.
 *
 * @example
 * const consistency = new DataConsistencyManager({ publish, entryOf });
 * consistency.addConsistencyRule({
 *   ruleId: 'mass_budget', sourceEngine: 'design', dependentEngines: ['materials'],
 *   dataFields: ['totalMassKg'], autoUpdate: true, severity: 'error',
 *   description: 'materials agree with the design mass', tolerance: { relative: 0.005 }
 * });
 * consistency.checkEngine('materials', () => true, { correlationId });
 */
export class DataConsistencyManager implements Disposable {
  private readonly publish: Publish;
  private readonly entryOf: (engineId: EngineId) => CachedEntry | undefined;
  private readonly now: () => number;
  private readonly rules = new RuleBook();
  private readonly coverage = new RuleCoverageTracker();
  private readonly violations: ViolationLedger;
  /** Pairs passed over by a per-engine check because the other engine was busy (`recheckDeferred`). */
  private readonly deferred = new Map<string, PairToCheck>();

  constructor(options: DataConsistencyManagerOptions) {
    this.publish = options.publish;
    this.entryOf = options.entryOf;
    this.now = options.now ?? Date.now;
    this.violations = new ViolationLedger(options.maxResolvedViolations ?? DEFAULT_MAX_RESOLVED_VIOLATIONS, this.now, randomUUID);
  }

  /** Adds a rule (published as `rule_added`) and checks it at once. Throws on a bad shape or a duplicate id. */
  addConsistencyRule(rule: ConsistencyRule, cause: CheckCause = {}): ConsistencyCheckResult {
    const stored = this.rules.add(rule);
    this.publishRule('rule_added', stored, cause);
    return this.check(this.pairsOf(stored), cause);
  }

  /**
   * Edits a rule (published as `rule_updated`) and re-checks it. Violations the rule no longer
   * covers (a removed dependent or field, or the rule disabled) are resolved.
   */
  updateConsistencyRule(ruleId: string, patch: ConsistencyRulePatch, cause: CheckCause = {}): ConsistencyCheckResult {
    const { after } = this.rules.update(ruleId, patch);
    this.publishRule('rule_updated', after, cause);
    this.coverage.reset(ruleId);
    const resolution = isRuleEnabled(after) ? 'no_longer_checked' : 'rule_disabled';
    const dropped = this.violations.resolveWhere((v) => v.ruleId === ruleId && !stillCovered(after, v), resolution);
    for (const violation of dropped) this.publishViolation('violation_resolved', violation, cause);
    const result = this.check(this.pairsOf(after), cause);
    return { ...result, resolved: [...dropped, ...result.resolved] };
  }

  /** Removes a rule (published as `rule_removed`) and resolves its open violations. Throws on an unknown id. */
  removeConsistencyRule(ruleId: string, cause: CheckCause = {}): Violation[] {
    this.rules.remove(ruleId);
    this.publish({ eventType: 'rule_removed', sourceEngine: CONSISTENCY_MANAGER_SOURCE, ...cause, data: { ruleId } });
    this.coverage.reset(ruleId);
    const resolved = this.violations.resolveWhere((v) => v.ruleId === ruleId, 'rule_removed');
    for (const violation of resolved) this.publishViolation('violation_resolved', violation, cause);
    return resolved;
  }

  /**
   * Takes over a recovered session's rules and violations without publishing them again (the log
   * already holds them); a `validateAll` afterwards publishes what changed since.
   */
  restore(rules: readonly ConsistencyRule[], violations: SessionState['violations']): void {
    this.rules.clear();
    this.coverage.clear();
    for (const rule of rules) this.rules.add(rule);
    this.violations.restore(Object.values(violations.open), violations.resolved, violations.resolvedTotal, violations.droppedResolved);
  }

  /** Every rule, in the order added. */
  getRules(): ConsistencyRule[] {
    return this.rules.all().map((rule) => ({ ...rule }));
  }

  /**
   * Checks every enabled rule in which `engineId` is the source or a dependent, for the pairs
   * whose other engine `isSettled` (done with the current version, one way or another), so a
   * check never compares new outputs with outputs about to be replaced.
   */
  checkEngine(engineId: EngineId, isSettled: (engineId: EngineId) => boolean, cause: CheckCause = {}): ConsistencyCheckResult {
    return this.check(this.settledPairs(engineId, isSettled), cause);
  }

  /**
   * The recompute path's per-engine check: the pairs `checkEngine` checks, the same events
   * published, but no result built (nobody reads one after every computation).
   */
  recheckEngine(engineId: EngineId, isSettled: (engineId: EngineId) => boolean, cause: CheckCause = {}): void {
    const pairs = this.settledPairs(engineId, isSettled, this.deferred);
    for (const pair of pairs) this.checkPair(pair.rule, pair.dependentEngine, cause, undefined);
  }

  /**
   * Checks the pairs a per-engine check passed over because the other engine was not settled yet,
   * once both are: whichever of two engines settles last, their rule is checked on their last outputs.
   */
  recheckDeferred(isSettled: (engineId: EngineId) => boolean, cause: CheckCause = {}): void {
    if (this.deferred.size === 0) return;
    for (const [key, { rule, dependentEngine }] of [...this.deferred]) {
      const current = this.rules.get(rule.ruleId);
      if (!current || !isRuleEnabled(current) || !current.dependentEngines.includes(dependentEngine)) this.deferred.delete(key);
      else if (isSettled(current.sourceEngine) && isSettled(dependentEngine)) this.checkPair(current, dependentEngine, cause, undefined);
    }
  }

  /** Checks every enabled rule for every dependent. */
  validateAll(cause: CheckCause = {}): ConsistencyCheckResult {
    return this.check(this.rules.all().flatMap((rule) => this.pairsOf(rule)), cause);
  }

  /**
   * The dependents a change of `changedFields` of `engineId` invalidates through enabled
   * auto-update rules (a rule whose `dataFields` meet the changed fields; empty = any field).
   */
  autoUpdateTargets(engineId: EngineId, changedFields: readonly string[]): RuleInvalidation[] {
    if (changedFields.length === 0) return [];
    const byDependent = new Map<EngineId, RuleInvalidation>();
    for (const rule of this.rules.all()) {
      if (!isRuleEnabled(rule) || !rule.autoUpdate || rule.sourceEngine !== engineId) continue;
      const fields = rule.dataFields.length === 0 ? [...changedFields] : changedFields.filter((f) => rule.dataFields.includes(f));
      if (fields.length === 0) continue;
      for (const dependentEngine of rule.dependentEngines) {
        if (dependentEngine === engineId) continue;
        const entry = byDependent.get(dependentEngine) ?? { dependentEngine, ruleIds: [], fields: [] };
        entry.ruleIds.push(rule.ruleId);
        for (const field of fields) if (!entry.fields.includes(field)) entry.fields.push(field);
        byDependent.set(dependentEngine, entry);
      }
    }
    return [...byDependent.values()];
  }

  /**
   * Whether `autoUpdateTargets(engineId, changedFields)` lists `dependentEngine`, without listing
   * anything (the recompute path asks for each current engine after every computation).
   */
  autoUpdateReaches(engineId: EngineId, changedFields: readonly string[], dependentEngine: EngineId): boolean {
    if (changedFields.length === 0 || dependentEngine === engineId) return false;
    for (const rule of this.rules.values()) {
      if (!isRuleEnabled(rule) || !rule.autoUpdate || rule.sourceEngine !== engineId || !rule.dependentEngines.includes(dependentEngine)) continue;
      if (rule.dataFields.length === 0 || someIncluded(changedFields, rule.dataFields)) return true;
    }
    return false;
  }

  getViolationReport(): ViolationReport {
    return this.violations.report();
  }

  getOpenViolations(): Violation[] {
    return this.violations.getOpen();
  }

  /** Coverage of one rule, or of every rule in the order added. */
  getRuleCoverage(ruleId?: string): RuleCoverage[] {
    const ids = ruleId === undefined ? this.rules.all().map((rule) => rule.ruleId) : [ruleId];
    return ids.filter((id) => this.rules.get(id)).map((id) => this.coverage.coverage(id));
  }

  dispose(): void {
    this.rules.clear();
    this.coverage.clear();
    this.violations.clear();
  }

  private pairsOf(rule: ConsistencyRule): PairToCheck[] {
    if (!isRuleEnabled(rule)) return [];
    return rule.dependentEngines.filter((id) => id !== rule.sourceEngine).map((dependentEngine) => ({ rule, dependentEngine }));
  }

  /**
   * The pairs of the enabled rules touching `engineId` whose other side `isSettled`, in rule
   * order then dependent order. Plain loops: this runs after every computation, and most pairs
   * are not settled yet.
   */
  private settledPairs(engineId: EngineId, isSettled: (engineId: EngineId) => boolean, passedOver?: Map<string, PairToCheck>): readonly PairToCheck[] {
    let pairs: PairToCheck[] | undefined;
    for (const rule of this.rules.values()) {
      if (!isRuleEnabled(rule)) continue;
      if (rule.sourceEngine === engineId) {
        for (const dependentEngine of rule.dependentEngines) {
          if (dependentEngine === engineId) continue;
          if (isSettled(dependentEngine)) (pairs ??= []).push({ rule, dependentEngine });
          else passedOver?.set(pairKey(rule.ruleId, dependentEngine), { rule, dependentEngine });
        }
      } else if (rule.dependentEngines.includes(engineId)) {
        if (isSettled(rule.sourceEngine)) (pairs ??= []).push({ rule, dependentEngine: engineId });
        else passedOver?.set(pairKey(rule.ruleId, engineId), { rule, dependentEngine: engineId });
      }
    }
    return pairs ?? NO_PAIRS;
  }

  /** Checks the pairs, publishing what opened, changed or resolved; the result lists it all, with what stayed open and the rules' coverage. */
  private check(pairs: readonly PairToCheck[], cause: CheckCause): ConsistencyCheckResult {
    const result: ConsistencyCheckResult = { checkedRules: [], opened: [], resolved: [], stillOpen: [], coverage: [] };
    for (const { rule, dependentEngine } of pairs) {
      if (!result.checkedRules.includes(rule.ruleId)) result.checkedRules.push(rule.ruleId);
      const before = new Set(this.violations.openFor(rule.ruleId, rule.sourceEngine, dependentEngine).map((v) => v.violationId));
      this.checkPair(rule, dependentEngine, cause, result);
      result.stillOpen.push(...this.violations.openFor(rule.ruleId, rule.sourceEngine, dependentEngine).filter((v) => before.has(v.violationId)));
    }
    result.coverage = result.checkedRules.map((ruleId) => this.coverage.coverage(ruleId));
    return result;
  }

  /**
   * Checks one pair: records its coverage, resolves what passes, opens or updates what fails,
   * and publishes each change. What opened or resolved goes into `result` when there is one.
   */
  private checkPair(rule: ConsistencyRule, dependentEngine: EngineId, cause: CheckCause, result: ConsistencyCheckResult | undefined): void {
    const findings = checkRulePair(rule, dependentEngine, this.entryOf(rule.sourceEngine), this.entryOf(dependentEngine));
    this.coverage.record(rule.ruleId, rule.sourceEngine, dependentEngine, findings, this.now(), rule.validate ? rule.dataFields : []);
    if (this.deferred.size > 0) this.deferred.delete(pairKey(rule.ruleId, dependentEngine));
    if (this.violations.openCount > 0) this.resolveUnreported(rule, dependentEngine, findings, cause, result);
    for (const finding of findings) {
      if (finding.compared === false) continue;
      if (finding.passed) {
        // Nothing open, nothing to resolve (and no key to build).
        if (this.violations.openCount === 0) continue;
        const resolved = this.violations.pass({ ruleId: rule.ruleId, sourceEngine: rule.sourceEngine, dependentEngine, field: finding.field });
        if (resolved) {
          result?.resolved.push(resolved);
          this.publishViolation('violation_resolved', resolved, cause);
        }
        continue;
      }
      const { violation, opened, changed } = this.violations.fail({
        ruleId: rule.ruleId,
        sourceEngine: rule.sourceEngine,
        dependentEngine,
        field: finding.field,
        severity: rule.severity,
        expected: finding.expected,
        actual: finding.actual,
        message: violationMessage(rule, dependentEngine, finding),
        causationId: cause.causationId,
        correlationId: cause.correlationId
      });
      if (opened) {
        result?.opened.push(violation);
        this.publishViolation('violation_opened', violation, cause);
      } else if (changed) {
        this.publishViolation('violation_updated', violation, cause);
      }
    }
  }

  /**
   * Resolves the pair's open violations of fields the check no longer reports at all — a code
   * check reports the fields of what exists now (the materials the zones use), so a violation of
   * a material no zone uses any more would otherwise stay open for ever. A check that could not
   * run as a whole (a finding with no field, not compared) says nothing about any field.
   */
  private resolveUnreported(rule: ConsistencyRule, dependentEngine: EngineId, findings: readonly RuleFinding[], cause: CheckCause, result: ConsistencyCheckResult | undefined): void {
    if (findings.some((finding) => finding.field === undefined && finding.compared === false)) return;
    const reported = new Set(findings.map((finding) => finding.field));
    const unreported = this.violations.resolveWhere(
      (v) => v.ruleId === rule.ruleId && v.sourceEngine === rule.sourceEngine && v.dependentEngine === dependentEngine && !reported.has(v.field),
      'no_longer_checked'
    );
    for (const violation of unreported) {
      result?.resolved.push(violation);
      this.publishViolation('violation_resolved', violation, cause);
    }
  }

  private publishRule(eventType: 'rule_added' | 'rule_updated', rule: ConsistencyRule, cause: CheckCause): void {
    const { validate, ...spec } = rule;
    const recorded: RecordedRule = { ...spec, codeCheck: validate !== undefined };
    this.publish({ eventType, sourceEngine: CONSISTENCY_MANAGER_SOURCE, ...cause, data: { rule: recorded } });
  }

  private publishViolation(eventType: 'violation_opened' | 'violation_updated' | 'violation_resolved', violation: Violation, cause: CheckCause): void {
    this.publish({
      eventType,
      sourceEngine: CONSISTENCY_MANAGER_SOURCE,
      targetEngines: [violation.dependentEngine],
      priority: priorityOf(violation.severity),
      ...cause,
      data: { ...violation }
    });
  }
}

function priorityOf(severity: Severity): Priority {
  return severity === 'error' || severity === 'critical' ? 'HIGH' : 'NORMAL';
}

/** Whether any of `items` is in `among`. */
function someIncluded(items: readonly string[], among: readonly string[]): boolean {
  for (const item of items) if (among.includes(item)) return true;
  return false;
}

/** Whether an edited rule still checks the pair and field of an open violation. */
function stillCovered(rule: ConsistencyRule, violation: Violation): boolean {
  if (!isRuleEnabled(rule)) return false;
  if (rule.sourceEngine !== violation.sourceEngine) return false;
  if (!rule.dependentEngines.includes(violation.dependentEngine)) return false;
  if (rule.validate) return true;
  // Only a code check reports a finding without a field; the default check compares `dataFields`.
  return violation.field !== undefined && rule.dataFields.includes(violation.field);
}

/**
 * e.g. `rule mass_budget: field totalMassKg of design (expected 19700) differs from materials
 * (actual 19900)`, or, when the actual figure is the source's own, `rule power_budget: field
 * powerDemandKW of design is 164.9, expected ≤ 160.0 kW (checked for sensors)`; the finding's own
 * message is appended after a colon.
 */
function violationMessage(rule: ConsistencyRule, dependentEngine: EngineId, finding: RuleFinding): string {
  const subject = finding.field === undefined ? rule.sourceEngine : `field ${finding.field} of ${rule.sourceEngine}`;
  const base =
    finding.actualFrom === 'source'
      ? `rule ${rule.ruleId}: ${subject} is ${describeValue(finding.actual)}, expected ${describeValue(finding.expected)} (checked for ${dependentEngine})`
      : `rule ${rule.ruleId}: ${subject} (expected ${describeValue(finding.expected)}) ` +
        `differs from ${dependentEngine} (actual ${describeValue(finding.actual)})`;
  return finding.message ? `${base}: ${finding.message}` : base;
}
