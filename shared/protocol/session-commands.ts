import { z } from 'zod';
import { AircraftConfigurationSchema } from '../aircraft';
import { ConsistencyRuleSpecSchema, ViolationReportSchema } from '../consistency';
import { EngineEventSchema } from '../events';
import { SessionSnapshotSchema } from '../projection/state';
import { EmptyRequestSchema } from './common';
import { defineCommand } from './define';
import { PerformanceReportWithGraphSchema, SystemStatusSchema } from './engine-commands';

export const SessionExportSchema = z.strictObject({
  format: z.literal('flightdeck-summary/1'),
  exportedAt: z.string(),
  configuration: AircraftConfigurationSchema.nullable(),
  configVersion: z.number().int(),
  status: SystemStatusSchema,
  /** The events of the in-memory window: read them with `history.query`, a page at a time. */
  history: z.strictObject({ events: z.number().int().nonnegative(), firstSeq: z.number().int().nonnegative(), lastSeq: z.number().int().nonnegative() }),
  violations: ViolationReportSchema,
  rules: z.array(ConsistencyRuleSpecSchema),
  performance: PerformanceReportWithGraphSchema
});
export type SessionExport = z.infer<typeof SessionExportSchema>;

/** A snapshot of the session state and the events after it: fold them with `project` to rebuild it. */
export const SessionSyncSchema = z.strictObject({
  snapshot: SessionSnapshotSchema,
  events: z.array(EngineEventSchema),
  /** The log's newest event (noise included): a client holding later ones saw another session. */
  lastSeq: z.number().int().nonnegative()
});
export type SessionSync = z.infer<typeof SessionSyncSchema>;

export const SESSION_COMMANDS = {
  'session.sync': defineCommand(EmptyRequestSchema, SessionSyncSchema, 'The nearest snapshot of the session state and the events after it'),
  'performance.report': defineCommand(
    EmptyRequestSchema,
    PerformanceReportWithGraphSchema,
    'Latency percentiles, queue waits, events/s, memory, slow operations, event-history count and dependency graph'
  ),
  'session.export': defineCommand(
    EmptyRequestSchema,
    SessionExportSchema,
    'The session summary for a review: configuration, status, violations, rules, performance (history: page it with history.query)'
  )
};
