import type { Resolution, Severity, Violation, ViolationReport } from '../../../shared/consistency';
import type { EngineId } from '../../../shared/events';

/** What identifies a violation: it stays one violation while this keeps failing. */
export interface ViolationKey {
  ruleId: string;
  sourceEngine: EngineId;
  dependentEngine: EngineId;
  field?: string;
}

/** A failing check to record. */
export interface FailedCheck extends ViolationKey {
  severity: Severity;
  expected: unknown;
  actual: unknown;
  message: string;
  causationId?: string;
  correlationId?: string;
}

/** Resolved violations kept unless told otherwise. */
export const DEFAULT_MAX_RESOLVED_VIOLATIONS = 500;

function keyOf(key: ViolationKey): string {
  return JSON.stringify([key.ruleId, key.sourceEngine, key.dependentEngine, key.field ?? null]);
}

/**
 * Open violations by identity, and the newest resolved ones in a bounded list whose drops are
 * counted. Everything handed out is a copy.
 */
export class ViolationLedger {
  private readonly open = new Map<string, Violation>();
  /** Oldest first. */
  private readonly resolved: Violation[] = [];
  private resolvedTotal = 0;
  private droppedResolved = 0;

  constructor(
    private readonly maxResolved: number,
    private readonly now: () => number,
    private readonly createId: () => string
  ) {
    if (!Number.isInteger(maxResolved) || maxResolved < 0) {
      throw new RangeError(
        `maxResolvedViolations must be a non-negative integer, got ${maxResolved}`
      );
    }
  }

  /** Open violations now (a pass with none open resolves nothing). */
  get openCount(): number {
    return this.open.size;
  }

  /** Records a failure: opens a violation, or updates the open one with the same identity. */
  fail(failure: FailedCheck): { violation: Violation; opened: boolean; changed: boolean } {
    const key = keyOf(failure);
    const existing = this.open.get(key);
    if (existing) {
      const changed =
        existing.message !== failure.message ||
        existing.severity !== failure.severity ||
        JSON.stringify([existing.expected, existing.actual]) !== JSON.stringify([failure.expected, failure.actual]);
      existing.expected = failure.expected;
      existing.actual = failure.actual;
      existing.message = failure.message;
      existing.severity = failure.severity;
      return { violation: { ...existing }, opened: false, changed };
    }
    const violation: Violation = {
      violationId: this.createId(),
      ruleId: failure.ruleId,
      severity: failure.severity,
      sourceEngine: failure.sourceEngine,
      dependentEngine: failure.dependentEngine,
      expected: failure.expected,
      actual: failure.actual,
      message: failure.message,
      detectedAt: this.now(),
      status: 'open'
    };
    if (failure.field !== undefined) violation.field = failure.field;
    if (failure.causationId !== undefined) violation.causationId = failure.causationId;
    if (failure.correlationId !== undefined) violation.correlationId = failure.correlationId;
    this.open.set(key, violation);
    return { violation: { ...violation }, opened: true, changed: true };
  }

  /** Resolves the open violation with this identity, if any, and returns it. */
  pass(key: ViolationKey, resolution: Resolution = 'passed'): Violation | undefined {
    const mapKey = keyOf(key);
    const violation = this.open.get(mapKey);
    if (!violation) return undefined;
    this.open.delete(mapKey);
    const resolved: Violation = {
      ...violation,
      status: 'resolved',
      resolvedAt: this.now(),
      resolution
    };
    this.resolvedTotal++;
    this.resolved.push(resolved);
    if (this.resolved.length > this.maxResolved) {
      const excess = this.resolved.length - this.maxResolved;
      this.resolved.splice(0, excess);
      this.droppedResolved += excess;
    }
    return { ...resolved };
  }

  /** Resolves every open violation `predicate` picks. */
  resolveWhere(predicate: (violation: Violation) => boolean, resolution: Resolution): Violation[] {
    const picked = [...this.open.values()].filter(predicate);
    return picked
      .map((violation) => this.pass(violation, resolution))
      .filter((violation): violation is Violation => violation !== undefined);
  }

  /** Open violations of one rule for one (source, dependent) pair. */
  openFor(ruleId: string, sourceEngine: EngineId, dependentEngine: EngineId): Violation[] {
    return [...this.open.values()]
      .filter(
        (violation) =>
          violation.ruleId === ruleId &&
          violation.sourceEngine === sourceEngine &&
          violation.dependentEngine === dependentEngine
      )
      .map((violation) => ({ ...violation }));
  }

  getOpen(): Violation[] {
    return [...this.open.values()].map((violation) => ({ ...violation }));
  }

  /** The counts alone, without copying the lists (cheap enough for every change). */
  counts(): ViolationReport['counts'] {
    const bySeverity: Record<Severity, number> = { info: 0, warning: 0, error: 0, critical: 0 };
    // Counted in a Map: a rule id may be "constructor" or "__proto__".
    const byRule = new Map<string, number>();
    for (const violation of this.open.values()) {
      bySeverity[violation.severity]++;
      byRule.set(violation.ruleId, (byRule.get(violation.ruleId) ?? 0) + 1);
    }
    return {
      open: this.open.size,
      resolvedTotal: this.resolvedTotal,
      droppedResolved: this.droppedResolved,
      bySeverity,
      byRule: Object.fromEntries(byRule)
    };
  }

  report(): ViolationReport {
    return {
      open: this.getOpen().sort((a, b) => a.detectedAt - b.detectedAt),
      resolved: this.resolved.map((violation) => ({ ...violation })).reverse(),
      counts: this.counts()
    };
  }

  /**
   * Takes over the violations of a recovered session (the projection's lists, newest resolved
   * first) as if it had recorded them itself: later checks update and resolve them by identity.
   */
  restore(open: readonly Violation[], resolvedNewestFirst: readonly Violation[], resolvedTotal: number, droppedResolved: number): void {
    this.clear();
    for (const violation of open) this.open.set(keyOf(violation), { ...violation });
    this.resolved.push(...resolvedNewestFirst.slice(0, this.maxResolved).map((violation) => ({ ...violation })).reverse());
    this.resolvedTotal = resolvedTotal;
    this.droppedResolved = droppedResolved + Math.max(0, resolvedNewestFirst.length - this.maxResolved);
  }

  clear(): void {
    this.open.clear();
    this.resolved.length = 0;
    this.resolvedTotal = 0;
    this.droppedResolved = 0;
  }
}
