import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { workSubjects } from './work-protocol';

const WORKER = fileURLToPath(new URL('./worker-main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
export const NATS_URL = process.env['FLIGHTDECK_NATS_URL'] ?? 'nats://127.0.0.1:4222';

/** A connection to the test NATS, or null (with why) where none listens. */
export async function connectTestNats(): Promise<{ nc: NatsConnection | null; why: string }> {
  try {
    return { nc: await connect({ servers: NATS_URL, timeout: 1500, reconnect: false }), why: '' };
  } catch (error) {
    return { nc: null, why: `no NATS at ${NATS_URL}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** An engine worker process (`worker-main.ts`) and the requests it said it took. */
export interface TestWorker {
  id: string;
  took: string[];
  process: ChildProcess;
  /** Resolves when it has printed `took <requestId>` `count` times in all. */
  tookCount(count: number): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function spawnWorker(engineId: string, id: string, prefix: string, extra: string[] = []): Promise<TestWorker> {
  const child = spawn(process.execPath, ['--import', TSX, WORKER, '--engine', engineId, '--nats', NATS_URL, '--prefix', prefix, '--id', id, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const took: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${id} did not start: ${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) {
        if (line.startsWith('worker ') && line.includes(' ready: ')) {
          clearTimeout(timer);
          resolve();
        }
        const match = /^took (\S+)/.exec(line);
        if (match) took.push(match[1] as string);
      }
      for (const waiter of waiters.filter((w) => took.length >= w.count)) waiter.resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`worker ${id} exited with ${code}: ${output}`)));
  });
  await ready;
  return {
    id,
    took,
    process: child,
    tookCount: (count) => (took.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    kill: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      })
  };
}

/** A prefix of its own per test or bench run: streams, consumers and ack waits do not leak between them. */
export function testPrefix(name: string): string {
  return `fdtest-${name}-${process.pid}-${Date.now().toString(36)}`;
}

export async function deleteWorkStream(nc: NatsConnection, prefix: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(workSubjects(prefix).stream).catch(() => false);
}
