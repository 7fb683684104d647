import type { z } from 'zod';
import {
  ConsistencyRuleSpecPatchSchema,
  ConsistencyRuleSpecSchema,
  type ConsistencyRule,
  type ConsistencyRuleSpecPatch,
  type RuleValidator
} from '../../../shared/consistency';

/** An edit of a rule: any part of its spec, and/or a new (or, with `undefined`, no) validator. */
export type ConsistencyRulePatch = ConsistencyRuleSpecPatch & { validate?: RuleValidator };

/** Whether a rule takes part in checks and invalidation (`enabled` absent = yes). */
export function isRuleEnabled(rule: ConsistencyRule): boolean {
  return rule.enabled !== false;
}

/** Rules one session holds at most: every rule is checked after every computation, so this bounds both memory and the time a change takes. */
export const MAX_RULES = 500;

/**
 * The consistency rules by id. Every rule is parsed with `ConsistencyRuleSpecSchema` (its
 * `validate` function aside), so a bad shape is refused with the offending field named.
 */
export class RuleBook {
  private readonly rules = new Map<string, ConsistencyRule>();

  /** Stores a copy of `rule`; throws on a bad shape or a duplicate id. */
  add(rule: ConsistencyRule): ConsistencyRule {
    const { validate, ...spec } = rule;
    const label = typeof spec.ruleId === 'string' ? spec.ruleId : '?';
    const parsed = parseOrThrow(ConsistencyRuleSpecSchema, spec, `consistency rule "${label}"`);
    checkValidator(validate, parsed.ruleId);
    if (this.rules.has(parsed.ruleId)) {
      throw new Error(`consistency rule "${parsed.ruleId}" already exists`);
    }
    if (this.rules.size >= MAX_RULES) throw new Error(`a session holds at most ${MAX_RULES} consistency rules; remove one before adding "${parsed.ruleId}"`);
    const stored: ConsistencyRule = validate ? { ...parsed, validate } : parsed;
    this.rules.set(parsed.ruleId, stored);
    return stored;
  }

  /** Applies `patch`; returns the rule before and after. Throws on an unknown id or a bad patch. */
  update(
    ruleId: string,
    patch: ConsistencyRulePatch
  ): { before: ConsistencyRule; after: ConsistencyRule } {
    const before = this.require(ruleId);
    const { validate, ...specPatch } = patch;
    const parsed = parseOrThrow(
      ConsistencyRuleSpecPatchSchema,
      specPatch,
      `patch of consistency rule "${ruleId}"`
    );
    const after: ConsistencyRule = { ...before, ...parsed };
    if (Object.hasOwn(patch, 'validate')) {
      checkValidator(validate, ruleId);
      if (validate) after.validate = validate;
      else delete after.validate;
    }
    this.rules.set(ruleId, after);
    return { before, after };
  }

  /** Removes a rule and returns it. Throws on an unknown id. */
  remove(ruleId: string): ConsistencyRule {
    const rule = this.require(ruleId);
    this.rules.delete(ruleId);
    return rule;
  }

  get(ruleId: string): ConsistencyRule | undefined {
    return this.rules.get(ruleId);
  }

  /** Every rule, in the order they were added. */
  all(): ConsistencyRule[] {
    return [...this.rules.values()];
  }

  /** Every rule, in the order they were added, without copying the list (do not edit the book while iterating). */
  values(): IterableIterator<ConsistencyRule> {
    return this.rules.values();
  }

  clear(): void {
    this.rules.clear();
  }

  private require(ruleId: string): ConsistencyRule {
    const rule = this.rules.get(ruleId);
    if (!rule) throw new Error(`consistency rule "${ruleId}" does not exist`);
    return rule;
  }
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    return `${path}: ${issue.message}`;
  });
  throw new Error(`invalid ${what}: ${problems.join('; ')}`);
}

function checkValidator(validate: unknown, ruleId: string): void {
  if (validate !== undefined && typeof validate !== 'function') {
    throw new Error(`invalid consistency rule "${ruleId}": validate: expected a function`);
  }
}
