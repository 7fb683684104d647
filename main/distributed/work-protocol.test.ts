import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFlightdeckConfig } from '../core/config/flightdeck-config';
import { connectRemoteEngines } from './connect-remote-engines';
import { parseMessage, WorkRequestSchema, WorkResultSchema, workSubjects } from './work-protocol';
import { parseWorkerArgs } from './worker-args';

const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url));

describe('work protocol', () => {
  it('names subjects, stream and consumer per deployment prefix, refusing a prefix that is no subject token', () => {
    const subjects = workSubjects('fd-test');
    expect(subjects.work('aerodynamics')).toBe('fd-test.work.aerodynamics');
    expect(subjects.stream).toBe('FD_TEST_WORK');
    expect(subjects.consumer('aerodynamics')).toBe('aerodynamics-workers');
    expect(() => workSubjects('a.b')).toThrow('NATS subject prefix "a.b": use letters, digits, _ and - only');
  });

  it('parses at the boundary and names what is wrong', () => {
    expect(() => parseMessage(WorkRequestSchema, '{', 'work request')).toThrow('work request: not JSON');
    expect(() => parseMessage(WorkRequestSchema, JSON.stringify({ requestId: 'r', engineId: 'warp', configVersion: 1, configuration: {}, upstream: {}, replyTo: 'x' }), 'work request')).toThrow(/engineId: Invalid option/);
    const answer = parseMessage(WorkResultSchema, JSON.stringify({ ok: false, requestId: 'r', workerId: 'w', error: 'boom' }), 'work result');
    expect(answer).toEqual({ ok: false, requestId: 'r', workerId: 'w', error: 'boom' });
    expect(() => parseMessage(WorkResultSchema, JSON.stringify({ ok: true, requestId: 'r', workerId: 'w', outputs: {}, emissions: [], extra: 1 }), 'work result')).toThrow(/Unrecognized key/);
  });
});

describe('npm run worker arguments', () => {
  it('needs an engine and lists the ones there are', () => {
    expect(() => parseWorkerArgs([], { resourcesDir: 'r' })).toThrow('--engine is required: one of design, materials, propulsion, sensors, aerodynamics, manufacturing');
    expect(() => parseWorkerArgs(['--engine', 'warp'], { resourcesDir: 'r' })).toThrow('--engine "warp" is not an engine');
    expect(() => parseWorkerArgs(['--engine', 'sensors', '--ack-wait-ms', '2.5'], { resourcesDir: 'r' })).toThrow('--ack-wait-ms must be a whole number of milliseconds, got "2.5"');
  });

  it('defaults to the local NATS and the shipped resources', () => {
    expect(parseWorkerArgs(['--engine', 'aerodynamics'], { resourcesDir: 'res' })).toEqual({
      engineId: 'aerodynamics',
      natsUrl: 'nats://127.0.0.1:4222',
      resourcesDir: 'res',
      prefix: 'flightdeck',
      workerId: undefined,
      ackWaitMs: undefined,
      holdMs: 0
    });
  });
});

describe('remote engines from the configuration', () => {
  it('an unreachable NATS is an error naming the setting, not a silent fall-back to in-process', async () => {
    const config = { ...loadFlightdeckConfig(join(resourcesDir, 'flightdeck.yaml')), distributed: { nats_url: 'nats://127.0.0.1:1', prefix: 'flightdeck', remote_engines: ['sensors' as const], ack_wait_ms: 5_000, answer_timeout_ms: 30_000 } };
    await expect(connectRemoteEngines(config)).rejects.toThrow(/^distributed\.nats_url: cannot reach NATS at nats:\/\/127\.0\.0\.1:1 .*start `nats-server -js` there or empty distributed\.remote_engines$/);
  });

  it('names no client when no engine is remote', async () => {
    expect(await connectRemoteEngines(loadFlightdeckConfig(join(resourcesDir, 'flightdeck.yaml')))).toBeNull();
  });
});
