import { z } from 'zod';
import { EngineEventSchema, HistoryQuerySchema } from '../events';
import {
  ConsistencyCheckResultSchema,
  ConsistencyRuleSpecPatchSchema,
  ConsistencyRuleSpecSchema,
  RuleCoverageSchema,
  StaleEngineSchema,
  ViolationReportSchema,
  ViolationSchema
} from '../consistency';
import { EmptyRequestSchema } from './common';
import { defineCommand } from './define';

const RuleIdSchema = z.string().min(1).max(128);

export const HISTORY_COMMANDS = {
  'history.query': defineCommand(
    HistoryQuerySchema,
    z.strictObject({
      events: z.array(EngineEventSchema),
      lastSeq: z.number().int().nonnegative(),
      /** More matching events exist: ask again from this position (`afterSeq`). */
      nextAfterSeq: z.number().int().nonnegative().nullable()
    }),
    'Events from the log, oldest first, a page at a time (at most 5,000)'
  ),
  'rules.list': defineCommand(
    EmptyRequestSchema,
    z.strictObject({ rules: z.array(ConsistencyRuleSpecSchema), coverage: z.array(RuleCoverageSchema) }),
    'Consistency rules and what each has compared'
  ),
  'rules.add': defineCommand(ConsistencyRuleSpecSchema, ConsistencyCheckResultSchema, 'Add a declarative consistency rule; violations are recomputed at once'),
  'rules.update': defineCommand(
    z.strictObject({ ruleId: RuleIdSchema, patch: ConsistencyRuleSpecPatchSchema }),
    ConsistencyCheckResultSchema,
    'Edit a rule (severity, tolerance, fields, enabled…); violations are recomputed at once'
  ),
  'rules.remove': defineCommand(
    z.strictObject({ ruleId: RuleIdSchema }),
    z.strictObject({ resolved: z.array(ViolationSchema) }),
    'Delete a rule; its open violations resolve'
  ),
  'violations.report': defineCommand(
    EmptyRequestSchema,
    z.strictObject({ report: ViolationReportSchema, stale: z.array(StaleEngineSchema) }),
    'Open and resolved violations, and why each stale engine is stale'
  )
};
