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

  /** Records the findings of one check of `ruleId` for the pair (source, dependent). */
  record(
    ruleId: string,
    sourceEngine: EngineId,
    dependentEngine: EngineId,
    findings: readonly RuleFinding[],
    at: number
  ): void {
    const record = this.recordFor(ruleId);
    const pair: PairRecord = { compared: [], notCompared: [], passed: 0, failed: 0 };
    for (const finding of findings) {
      const field = finding.field ?? WHOLE_RULE_FIELD;
      if (finding.compared === false) {
        const lackedBy = lackingEngines(finding, sourceEngine, dependentEngine);
        const notCompared: FieldNotCompared = { field, dependentEngine, lackedBy };
        if (finding.message !== undefined) notCompared.reason = finding.message;
        pair.notCompared.push(notCompared);
        let lackers = record.notComparedLackers.get(field);
        if (!lackers) record.notComparedLackers.set(field, (lackers = new Map()));
        lackers.set(dependentEngine, lackedBy);
        continue;
      }
      if (!pair.compared.includes(field)) pair.compared.push(field);
      record.everCompared.add(field);
      if (finding.passed) pair.passed++;
      else pair.failed++;
    }
    record.pairs.set(dependentEngine, pair);
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
