import { z } from 'zod';
import { EngineEventSchema, HistoryQuerySchema } from '../events';
import { ConsistencyCheckResultSchema, ConsistencyRuleSpecPatchSchema, ConsistencyRuleSpecSchema, RuleCoverageSchema, StaleEngineSchema, ViolationReportSchema } from '../consistency';
import { EmptyRequestSchema } from './common';
import { defineCommand } from './define';

export const HISTORY_COMMANDS = {
  'history.query': defineCommand(
    HistoryQuerySchema,
    z.strictObject({ events: z.array(EngineEventSchema) }),
    'Events from the bus history, oldest first'
  ),
  'rules.list': defineCommand(
    EmptyRequestSchema,
    z.strictObject({ rules: z.array(ConsistencyRuleSpecSchema), coverage: z.array(RuleCoverageSchema) }),
    'Consistency rules and what each has compared'
  ),
  'rules.add': defineCommand(
    ConsistencyRuleSpecSchema,
    ConsistencyCheckResultSchema,
    'Add a declarative consistency rule; violations are recomputed at once'
  ),
  'rules.update': defineCommand(
    z.strictObject({ ruleId: z.string().min(1), patch: ConsistencyRuleSpecPatchSchema }),
    ConsistencyCheckResultSchema,
    'Edit a rule (severity, tolerance, fields, enabled…); violations are recomputed at once'
  ),
  'violations.report': defineCommand(
    EmptyRequestSchema,
    z.strictObject({ report: ViolationReportSchema, stale: z.array(StaleEngineSchema) }),
    'Open and resolved violations, and why each stale engine is stale'
  )
};
