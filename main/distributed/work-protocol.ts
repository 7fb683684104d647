import { z } from 'zod';
import { AircraftConfigurationSchema } from '../../shared/aircraft';
import { FLIGHTDECK_ENGINE_IDS } from '../../shared/engine-outputs';

/**
 * The messages between a coordinator and its engine workers over NATS. Each side parses what it
 * receives with these schemas: a worker on another machine is as untrusted as a browser tab.
 *
 * Subjects: `<prefix>.work.<engine>` (a JetStream work-queue stream: one instance takes each
 * request, and it comes back to another if that one dies before acknowledging), and
 * `<prefix>.result.<coordinator>` (core NATS: the answers to one coordinator).
 */
export const FlightdeckEngineIdSchema = z.enum(FLIGHTDECK_ENGINE_IDS);
export type FlightdeckEngineId = z.infer<typeof FlightdeckEngineIdSchema>;

const OutputsSchema = z.record(z.string(), z.unknown());

/** One computation a coordinator asks of an engine: what `SimulationEngine.compute` gets. */
export const WorkRequestSchema = z.strictObject({
  /** Unique per computation: JetStream drops a republished duplicate, the coordinator a second answer. */
  requestId: z.string().min(1).max(128),
  engineId: FlightdeckEngineIdSchema,
  configVersion: z.number().int().nonnegative(),
  configuration: AircraftConfigurationSchema,
  upstream: z.partialRecord(FlightdeckEngineIdSchema, OutputsSchema),
  /** Where the answer goes. */
  replyTo: z.string().min(1).max(256)
});
export type WorkRequest = z.infer<typeof WorkRequestSchema>;

/** What an engine emitted while computing, replayed by the coordinator as its own events. */
const EmissionSchema = z.strictObject({ eventType: z.enum(['module_added', 'module_removed', 'material_updated']), data: z.record(z.string(), z.unknown()) });

export const WorkResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), requestId: z.string(), workerId: z.string(), outputs: OutputsSchema, emissions: z.array(EmissionSchema).max(1000) }),
  z.strictObject({ ok: z.literal(false), requestId: z.string(), workerId: z.string(), error: z.string().max(4000) })
]);
export type WorkResult = z.infer<typeof WorkResultSchema>;

/** A worker's announcement, every `HEARTBEAT_MS` and when it leaves. */
export const HeartbeatSchema = z.strictObject({
  workerId: z.string(),
  engineId: FlightdeckEngineIdSchema,
  state: z.enum(['alive', 'leaving']),
  /** Computations done since it started. */
  computed: z.number().int().nonnegative(),
  at: z.number()
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

export const HEARTBEAT_MS = 1_000;

/** The subjects and JetStream names of one deployment (`prefix` keeps test runs apart). */
export interface WorkSubjects {
  stream: string;
  work(engineId: string): string;
  workAll: string;
  result(coordinatorId: string): string;
  heartbeat(engineId: string): string;
  heartbeatAll: string;
  /** The durable consumer every instance of an engine shares (their queue group). */
  consumer(engineId: string): string;
}

/**
 * @example workSubjects('flightdeck').work('aerodynamics'); // 'flightdeck.work.aerodynamics'
 */
export function workSubjects(prefix = 'flightdeck'): WorkSubjects {
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) throw new Error(`NATS subject prefix "${prefix}": use letters, digits, _ and - only`);
  return {
    stream: `${prefix.toUpperCase().replace(/-/g, '_')}_WORK`,
    work: (engineId) => `${prefix}.work.${engineId}`,
    workAll: `${prefix}.work.>`,
    result: (coordinatorId) => `${prefix}.result.${coordinatorId}`,
    heartbeat: (engineId) => `${prefix}.heartbeat.${engineId}`,
    heartbeatAll: `${prefix}.heartbeat.>`,
    consumer: (engineId) => `${engineId}-workers`
  };
}

/** Parses a message body as JSON, then with `schema`; throws an error naming what was wrong. */
export function parseMessage<T>(schema: z.ZodType<T>, body: string, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new Error(`${what}: not JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${what}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
