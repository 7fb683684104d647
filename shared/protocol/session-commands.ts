import { z } from 'zod';
import { AircraftConfigurationSchema } from '../aircraft';
import { ConsistencyRuleSpecSchema, ViolationReportSchema } from '../consistency';
import { EngineEventSchema } from '../events';
import { PerformanceReportSchema } from '../performance';
import { EmptyRequestSchema } from './common';
import { defineCommand } from './define';
import { BusStatsSchema, SystemStatusSchema } from './engine-commands';

export const SessionExportSchema = z.strictObject({
  format: z.literal('flightdeck-session/1'),
  exportedAt: z.string(),
  configuration: AircraftConfigurationSchema.nullable(),
  configVersion: z.number().int(),
  status: SystemStatusSchema,
  history: z.array(EngineEventSchema),
  violations: ViolationReportSchema,
  rules: z.array(ConsistencyRuleSpecSchema),
  performance: PerformanceReportSchema
});
export type SessionExport = z.infer<typeof SessionExportSchema>;

export const SESSION_COMMANDS = {
  'performance.report': defineCommand(
    EmptyRequestSchema,
    z.strictObject({ report: PerformanceReportSchema, bus: BusStatsSchema }),
    'Latency percentiles, queue waits, events/s, memory and slow operations'
  ),
  'session.export': defineCommand(
    EmptyRequestSchema,
    SessionExportSchema,
    'Everything needed to review this session later, as one JSON document'
  )
};
