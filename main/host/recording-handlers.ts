import { HISTORY_PAGE_MAX } from '../../shared/events';
import type { CommandPayload, CommandResponse } from '../../shared/protocol';
import type { AircraftConfiguration } from '../../shared/aircraft';
import { editedRules, rejudge, rerunChange } from '../whatif';
import type { FlightdeckSession } from '../engines/session/flightdeck-session';
import type { SessionRecording } from './session-recording';

/** What the recording commands work with: the live session and its store (absent: nothing is recorded). */
export interface RecordingContext {
  session: FlightdeckSession;
  recording?: SessionRecording;
}

function requireRecording(recording: SessionRecording | undefined): SessionRecording {
  if (!recording) throw new Error('this host records nothing: start it with a data folder (see the README, "Recorded sessions")');
  return recording;
}

/** The session a command names, flushed first when it is the live one (so reads see every event). */
async function sessionOf(recording: SessionRecording | undefined, sessionId: number | undefined): Promise<{ recording: SessionRecording; sessionId: number }> {
  const store = requireRecording(recording);
  const id = sessionId ?? store.liveSessionId;
  if (id === store.liveSessionId) await store.flush();
  else if (!store.sessions().some((s) => s.id === id)) throw new Error(`no recorded session ${id}; known: ${store.sessions().map((s) => s.id).join(', ') || 'none'}`);
  return { recording: store, sessionId: id };
}

export const RECORDING_HANDLERS = {
  'sessions.list': (_payload: CommandPayload<'sessions.list'>, { recording }: RecordingContext): CommandResponse<'sessions.list'> =>
    recording ? { liveSessionId: recording.liveSessionId, sessions: recording.sessions(), store: recording.health() } : { liveSessionId: null, sessions: [], store: null },

  'history.page': async ({ sessionId, ...query }: CommandPayload<'history.page'>, context: RecordingContext): Promise<CommandResponse<'history.page'>> => {
    const { recording, sessionId: id } = await sessionOf(context.recording, sessionId);
    const limit = Math.min(query.limit ?? HISTORY_PAGE_MAX, HISTORY_PAGE_MAX);
    // One more than asked tells whether older matches exist without counting them.
    const page = recording.events(id, { ...query, limit: limit + 1 < HISTORY_PAGE_MAX ? limit + 1 : HISTORY_PAGE_MAX });
    const more = page.length > limit;
    const events = !more ? page : query.keep === 'oldest' ? page.slice(0, limit) : page.slice(page.length - limit);
    return { events, sessionId: id, lastSeq: recording.lastSeq(id), more };
  },

  'session.stateAt': async ({ sessionId, seq }: CommandPayload<'session.stateAt'>, context: RecordingContext): Promise<CommandResponse<'session.stateAt'>> => {
    const { recording, sessionId: id } = await sessionOf(context.recording, sessionId);
    const lastSeq = recording.lastSeq(id);
    const at = Math.min(seq, lastSeq);
    return { sessionId: id, seq: at, lastSeq, event: recording.eventAt(id, at) ?? null, state: recording.stateAt(id, at) };
  },

  'whatif.rejudge': async ({ sessionId, edits, maxSteps }: CommandPayload<'whatif.rejudge'>, context: RecordingContext): Promise<CommandResponse<'whatif.rejudge'>> => {
    const { recording, sessionId: id } = await sessionOf(context.recording, sessionId);
    const recorded = recording.stateAt(id, recording.lastSeq(id));
    return rejudge(recording.allEvents(id), editedRules(recorded, edits), { maxSteps });
  },

  'whatif.rerun': async ({ sessionId, seq, choice }: CommandPayload<'whatif.rerun'>, context: RecordingContext): Promise<CommandResponse<'whatif.rerun'>> => {
    const { recording, sessionId: id } = await sessionOf(context.recording, sessionId);
    const configuration = recording.stateAt(id, seq).configuration;
    if (!configuration) throw new Error(`no configuration was applied by event ${seq} of session ${id}`);
    return rerunChange({ resourcesDir: context.session.resourcesDir, configuration: configuration.configuration as AircraftConfiguration, choice });
  }
};
