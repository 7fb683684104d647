import type { FieldNotCompared, RuleCoverage, RuleFinding } from '../../../shared/consistency';
import type { EngineId } from '../../../shared/events';
import { lackingEngines, WHOLE_RULE_FIELD } from './rule-check';

interface PairRecord {
  compared: string[];
  notCompared: FieldNotCompared[];
  passed: number;
  failed: number;
}

interface RuleRecord {
  lastCheckedAt: number | null;
  /** Latest check per dependent engine, in first-check order. */
  pairs: Map<EngineId, PairRecord>;
  everCompared: Set<string>;
  /** Fields seen not compared: per dependent engine, who lacked them in its latest such check. */
  notComparedLackers: Map<string, Map<EngineId, EngineId[]>>;
}

/**
 * What each rule actually compared. A not-compared finding is kept apart from passes and
 * failures, so a missing value never reads as agreement.
 */
export class RuleCoverageTracker {
  private readonly rules = new Map<string, RuleRecord>();

  /**
   * Records the findings of one check of `ruleId` for the pair (source, dependent). The pair's
   * latest check replaces the one before in place: its record is internal (`coverage` copies
   * out of it), and a pair is checked after every computation.
   */
  record(
    ruleId: string,
    sourceEngine: EngineId,
    dependentEngine: EngineId,
    findings: readonly RuleFinding[],
    at: number,
    /** The fields a code check reads: compared whenever the check compared anything (its findings name only what they judge). */
    checkReads: readonly string[] = []
  ): void {
    const record = this.recordFor(ruleId);
    let pair = record.pairs.get(dependentEngine);
    if (!pair) {
      pair = { compared: [], notCompared: [], passed: 0, failed: 0 };
      record.pairs.set(dependentEngine, pair);
    }
    let comparedCount = 0;
    let notComparedCount = 0;
    pair.passed = 0;
    pair.failed = 0;
    for (const finding of findings) {
      const field = finding.field ?? WHOLE_RULE_FIELD;
      if (finding.compared === false) {
        const lackedBy = lackingEngines(finding, sourceEngine, dependentEngine);
        const notCompared: FieldNotCompared = { field, dependentEngine, lackedBy };
        if (finding.message !== undefined) notCompared.reason = finding.message;
        pair.notCompared[notComparedCount++] = notCompared;
        let lackers = record.notComparedLackers.get(field);
        if (!lackers) record.notComparedLackers.set(field, (lackers = new Map()));
        lackers.set(dependentEngine, lackedBy);
        continue;
      }
      if (!includesAmongFirst(pair.compared, comparedCount, field)) pair.compared[comparedCount++] = field;
      record.everCompared.add(field);
      if (finding.passed) pair.passed++;
      else pair.failed++;
    }
    if (comparedCount > 0) {
      for (const field of checkReads) {
        if (!includesAmongFirst(pair.compared, comparedCount, field)) pair.compared[comparedCount++] = field;
        record.everCompared.add(field);
      }
    }
    pair.compared.length = comparedCount;
    pair.notCompared.length = notComparedCount;
    record.lastCheckedAt = at;
  }

  /** Forgets a rule's coverage (after it was edited or removed). */
  reset(ruleId: string): void {
    this.rules.delete(ruleId);
  }

  coverage(ruleId: string): RuleCoverage {
    const record = this.rules.get(ruleId);
    const coverage: RuleCoverage = {
      ruleId,
      lastCheckedAt: record?.lastCheckedAt ?? null,
      fieldsCompared: [],
      fieldsNotCompared: [],
      fieldsNeverCompared: [],
      passed: 0,
      failed: 0,
      notCompared: 0
    };
    if (!record) return coverage;
    for (const pair of record.pairs.values()) {
      for (const field of pair.compared) {
        if (!coverage.fieldsCompared.includes(field)) coverage.fieldsCompared.push(field);
      }
      coverage.fieldsNotCompared.push(
        ...pair.notCompared.map((entry) => ({ ...entry, lackedBy: [...entry.lackedBy] }))
      );
      coverage.passed += pair.passed;
      coverage.failed += pair.failed;
      coverage.notCompared += pair.notCompared.length;
    }
    for (const [field, lackers] of record.notComparedLackers) {
      if (!record.everCompared.has(field)) {
        const lackedBy = new Set([...lackers.values()].flat());
        coverage.fieldsNeverCompared.push({ field, lackedBy: [...lackedBy] });
      }
    }
    return coverage;
  }

  clear(): void {
    this.rules.clear();
  }

  private recordFor(ruleId: string): RuleRecord {
    let record = this.rules.get(ruleId);
    if (!record) {
      record = {
        lastCheckedAt: null,
        pairs: new Map(),
        everCompared: new Set(),
        notComparedLackers: new Map()
      };
      this.rules.set(ruleId, record);
    }
    return record;
  }
}

/** Whether `value` is among the first `count` items of `items`. */
function includesAmongFirst(items: readonly string[], count: number, value: string): boolean {
  for (let i = 0; i < count; i++) if (items[i] === value) return true;
  return false;
}
