import type { StateCreator } from 'zustand';
import type { EngineEvent } from '../../../shared/events';
import { INITIAL_SESSION_STATE, type SessionState } from '../../../shared/projection';
import { bridge } from '../bridge-access';
import type { FlightdeckState } from '../index';
import { ReplayPlayer, type ReplayProgress, type ReplaySource, type ReplaySpeed } from './replay-player';

/** What to replay: a recorded session (or the live one, by its id), from one event to another. */
export interface ReplayPlan {
  sessionId: number;
  name: string;
  fromSeq: number;
  toSeq: number;
}

export interface ReplaySlice {
  replay: {
    /** The replay shown, or null. */
    plan: ReplayPlan | null;
    speed: ReplaySpeed;
    progress: ReplayProgress;
    start(plan: ReplayPlan, speed: ReplaySpeed): Promise<void>;
    pause(): void;
    resume(): void;
    step(): void;
    setSpeed(speed: ReplaySpeed): void;
    /** Ends the replay; the views keep showing where it stopped until Live. */
    stop(): void;
  };
}

const IDLE: ReplayProgress = { seq: 0, playing: false, finished: false, error: null };

/** Reads a session through the bridge: only `session.stateAt` and `history.page`, never a command that changes anything. */
function storeSource(sessionId: number): ReplaySource {
  return {
    stateBefore: async (seq): Promise<SessionState> => {
      if (seq <= 1) return INITIAL_SESSION_STATE;
      const result = await bridge().invoke('session.stateAt', { sessionId, seq: seq - 1 });
      if (!result.ok) throw new Error(`session.stateAt failed: ${result.error.message}`);
      return result.data.state;
    },
    page: async (afterSeq, limit): Promise<{ events: readonly EngineEvent[]; more: boolean }> => {
      const result = await bridge().invoke('history.page', { sessionId, afterSeq, limit, keep: 'oldest' });
      if (!result.ok) throw new Error(`history.page failed: ${result.error.message}`);
      return result.data;
    }
  };
}

export const createReplaySlice: StateCreator<FlightdeckState, [], [], ReplaySlice> = (set, get) => {
  const patch = (next: Partial<ReplaySlice['replay']>): void => set((s) => ({ replay: { ...s.replay, ...next } }));
  let player: ReplayPlayer | null = null;

  return {
    replay: {
      plan: null,
      speed: 10,
      progress: IDLE,
      start: async (plan, speed) => {
        get().replay.stop();
        const { viewed } = get();
        if (viewed.opened?.sessionId !== plan.sessionId) viewed.open({ sessionId: plan.sessionId, name: plan.name, lastSeq: plan.toSeq });
        const current = new ReplayPlayer(storeSource(plan.sessionId), {
          show: (state, event) => get().viewed.show(state, { seq: event.seq, event }),
          progress: (progress) => {
            if (player === current) patch({ progress });
          }
        }, { ...plan, speed });
        player = current;
        patch({ plan, speed, progress: { ...IDLE, seq: plan.fromSeq - 1 } });
        await current.start();
      },
      pause: () => player?.pause(),
      resume: () => player?.play(),
      step: () => void player?.step(),
      setSpeed: (speed) => {
        player?.setSpeed(speed);
        patch({ speed });
      },
      stop: () => {
        if (!player) return;
        player.stop();
        player = null;
        patch({ plan: null, progress: IDLE });
      }
    }
  };
};
