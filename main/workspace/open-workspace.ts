import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AircraftConfiguration } from '../../shared/aircraft';
import type { EngineCoordinator } from '../core/coordinator/engine-coordinator';
import type { SessionResume } from '../core/coordinator/session-resume';
import { createFlightdeckSession, type CreateSessionOptions } from '../engines/session/create-session';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import { EventStore, type EventRecorder, type SessionInfo } from '../store';
import { StoreRecording } from './store-recording';

/** Where browser mode and the CLI keep the workspace unless told otherwise (XDG's data folder). */
export function defaultDataDir(): string {
  return process.env.FLIGHTDECK_DATA_DIR ?? join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'flightdeck');
}

export interface WorkspaceOptions extends Omit<CreateSessionOptions, 'resume' | 'attach'> {
  /** The workspace folder (its database is `flightdeck.db`); `':memory:'` records into a private in-memory store. */
  dataDir: string;
  /** The name of a new session (default: its start time). */
  sessionName?: string;
}

/** A live session recorded into its workspace store. */
export interface Workspace {
  readonly session: FlightdeckSession;
  readonly recording: StoreRecording;
  readonly store: EventStore;
  /** The stored session this one continues after its host died, if it does. */
  readonly resumed: SessionInfo | undefined;
  /** Shuts the session down (its last events recorded), marks it ended and closes the store. */
  close(): Promise<void>;
}

/** Whether a process runs: a zombie (killed, never reaped — common in containers) does not. */
function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    // No procfs (macOS, Windows), or no such process.
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A session is being recorded by a live process when its pid file names one. */
function heldByLiveProcess(pidFile: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8'));
  } catch {
    return false;
  }
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid);
}

/**
 * Opens the workspace and its live session: the newest session whose host died without ending
 * it is reopened where it stopped (its state projected from the stored log), else a new one
 * starts. Every event is recorded from the first. A session another live process is recording
 * is left to it.
 *
 * @example
 * const workspace = await openWorkspace({ dataDir: defaultDataDir(), resourcesDir: 'resources', initialScenario: 'f22a' });
 * const host = new SessionHost(workspace.session, workspace.recording);
 */
export async function openWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const inMemory = options.dataDir === ':memory:';
  if (!inMemory) mkdirSync(options.dataDir, { recursive: true });
  const store = EventStore.open(inMemory ? ':memory:' : join(options.dataDir, 'flightdeck.db'));
  const pidFileOf = (id: number): string | undefined => (inMemory ? undefined : join(options.dataDir, `session-${id}.pid`));
  try {
    const resumed = store.sessions
      .list()
      .find((info) => info.endedAt === null && info.lastSeq > 0 && !heldByLiveProcess(pidFileOf(info.id) ?? ''));
    const info = resumed ?? store.sessions.create({ name: options.sessionName ?? `Session of ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`, aircraft: options.initialScenario ?? null });
    const pidFile = pidFileOf(info.id);
    if (pidFile) writeFileSync(pidFile, String(process.pid));
    let resume: SessionResume | undefined;
    if (resumed) {
      const recovered = store.recover(resumed.id);
      resume = { state: recovered.state, lastSeq: recovered.lastSeq };
    }
    let recorder: EventRecorder | undefined;
    const attach = (coordinator: EngineCoordinator<AircraftConfiguration>): void => {
      const live = store.record(coordinator.log, { sessionId: info.id, state: () => coordinator.state });
      // A write failure is the session's news, not the host's end: every view lists it as an error.
      live.onDidFail((failure) => {
        if (coordinator.isDisposed) return;
        const retry = failure.retryInMs === null ? `given up, ${failure.lostEvents} events will not be stored` : `retrying in ${failure.retryInMs} ms`;
        coordinator.bus.publish({
          eventType: 'error_occurred',
          sourceEngine: 'store',
          priority: 'HIGH',
          data: { engineId: 'store', origin: 'host', message: `the session store could not write (attempt ${failure.attempt}): ${failure.message}; ${retry}` }
        });
      });
      recorder = live;
    };
    const session = await createFlightdeckSession({ ...options, resume, attach });
    if (!recorder) throw new Error('the session store did not attach to the session');
    const live = recorder;
    // The writer thread takes a moment to start: until its first commit a kill would lose the session.
    await live.flush();
    return {
      session,
      store,
      resumed,
      recording: new StoreRecording(store, live),
      close: async () => {
        await session.dispose();
        await live.close();
        store.sessions.end(info.id);
        await store.close();
        if (pidFile) rmSync(pidFile, { force: true });
      }
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
