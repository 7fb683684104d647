import { AircraftConfigurationSchema, type AircraftConfiguration } from '../../../../shared/aircraft';
import type { EngineEvent } from '../../../../shared/events';

/** A recorded `configuration_changed` event, as the re-run lists it. */
export interface RecordedChange {
  seq: number;
  eventId: string;
  version: number;
  /** Epoch ms. */
  timestamp: number;
  /** The configuration it applied; null when this build cannot read it (an older recording). */
  configuration: AircraftConfiguration | null;
}

/**
 * The configuration changes among `events`, newest first.
 *
 * @example
 * recordedChangesOf(page.events).map((c) => `v${c.version} at seq ${c.seq}`);
 */
export function recordedChangesOf(events: readonly EngineEvent[]): RecordedChange[] {
  const changes: RecordedChange[] = [];
  for (const event of events) {
    if (event.eventType !== 'configuration_changed') continue;
    const data = (event as EngineEvent<'configuration_changed'>).data;
    const parsed = AircraftConfigurationSchema.safeParse(data.configuration);
    changes.push({ seq: event.seq, eventId: event.eventId, version: data.version, timestamp: event.timestamp, configuration: parsed.success ? parsed.data : null });
  }
  return changes.sort((a, b) => b.seq - a.seq);
}
