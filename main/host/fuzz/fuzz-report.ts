/**
 * What a fuzz run counts, and which of the counts fail it (`fuzz-run.ts` fills it in).
 *
 * @example
 * const report = newFuzzReport(7);
 * report.crashes++;
 * fuzzFailures(report); // ['1 crashes', 'status.get was not answered at the end', …]
 */
export interface FuzzReport {
  seed: number;
  messages: number;
  /** Frames answered with a result (or, for broken UTF-8, by the close the contract asks for). */
  answered: number;
  /** Answered `ok: true`. */
  accepted: number;
  /** Answered `ok: false`. */
  rejected: number;
  /** Rejections by error code (`invalid_request`, `unknown_command`, `limit_exceeded`, `failed`…). */
  errorsByCode: Record<string, number>;
  /** Accepted commands whose configuration the checks refused (`data.ok: false`): also must change nothing. */
  refusedConfigurations: number;
  /** Answered `limit_exceeded`, then closed with a reason. */
  limitCloses: number;
  /** Binary frames: answered, then closed (1008). */
  binaryCloses: number;
  /** Text frames that are not UTF-8, closed by the WebSocket layer (1007; `ws` gives no reason). */
  protocolCloses: number;
  /** Closes of any kind that gave no reason. */
  closesWithoutReason: number;
  /** Sockets the host closed after an answer, with no frame waiting. */
  unpromptedCloses: number;
  /** Text messages from the host that are not JSON. */
  unreadableMessages: number;
  reconnects: number;
  crashes: number;
  unanswered: number;
  /** Answers of the wrong kind, id, code or response shape for what the contract says. */
  mismatches: number;
  /** `failed` answers whose message is a JavaScript runtime error (a bug answered politely). */
  runtimeErrors: number;
  stateChangesByRejected: number;
  /** Accepted rules or configuration versions the session no longer has. */
  acceptedStateLost: number;
  /** Faults the host caught in its own callbacks (`error_occurred`, origin `host`). */
  hostFaults: number;
  /** Answers that took longer than `SLOW_ANSWER_MS` (reported, not a failure: a slow fault or a timeout inside the session can be legitimate). */
  slowAnswers: number;
  /** Results beyond one per frame, or with no frame waiting. */
  extraResults: number;
  prototypePolluted: boolean;
  /** A fresh socket at the end: `status.get` answered, and `rules.list` and `configuration.get` agree with what was accepted. */
  statusAtEnd: boolean;
  streamBatches: number;
  /** Frames by family (valid, mutated, envelope, text, frame, followup): sent / accepted. */
  families: Record<string, { sent: number; accepted: number }>;
  /** The first failures, described. */
  samples: string[];
  durationMs: number;
}

export const SLOW_ANSWER_MS = 5_000;
const MAX_SAMPLES = 25;

export function newFuzzReport(seed: number): FuzzReport {
  return {
    seed,
    messages: 0,
    answered: 0,
    accepted: 0,
    rejected: 0,
    errorsByCode: {},
    refusedConfigurations: 0,
    limitCloses: 0,
    binaryCloses: 0,
    protocolCloses: 0,
    closesWithoutReason: 0,
    unpromptedCloses: 0,
    unreadableMessages: 0,
    reconnects: 0,
    crashes: 0,
    unanswered: 0,
    mismatches: 0,
    runtimeErrors: 0,
    stateChangesByRejected: 0,
    acceptedStateLost: 0,
    hostFaults: 0,
    slowAnswers: 0,
    extraResults: 0,
    prototypePolluted: false,
    statusAtEnd: false,
    streamBatches: 0,
    families: {},
    samples: [],
    durationMs: 0
  };
}

/** Keeps the first `MAX_SAMPLES` findings: enough to debug from, bounded over a million frames. */
export function addSample(report: FuzzReport, line: string): void {
  if (report.samples.length < MAX_SAMPLES) report.samples.push(line);
}

/** Failures that end a run early (`stopOnFailure`): after one, the rest only repeats it slowly. */
export function hasHardFailure(report: FuzzReport): boolean {
  return report.crashes + report.unanswered + report.mismatches + report.runtimeErrors + report.stateChangesByRejected + report.acceptedStateLost > 0;
}

/** What fails a run; empty when it passed. `during` leaves out what only the end can tell. */
export function fuzzFailures(report: FuzzReport, during = false): string[] {
  const failures: string[] = [];
  if (report.crashes > 0) failures.push(`${report.crashes} crashes`);
  if (report.unanswered > 0) failures.push(`${report.unanswered} unanswered`);
  if (report.stateChangesByRejected > 0) failures.push(`${report.stateChangesByRejected} state changes by rejected messages`);
  if (report.acceptedStateLost > 0) failures.push(`${report.acceptedStateLost} times accepted state was lost`);
  if (report.mismatches > 0) failures.push(`${report.mismatches} answers not as the contract says`);
  if (report.runtimeErrors > 0) failures.push(`${report.runtimeErrors} runtime errors answered as failures`);
  if (report.extraResults > 0) failures.push(`${report.extraResults} extra results`);
  if (report.unpromptedCloses > 0) failures.push(`${report.unpromptedCloses} sockets closed by the host unprompted`);
  if (report.unreadableMessages > 0) failures.push(`${report.unreadableMessages} messages from the host not JSON`);
  if (report.hostFaults > 0) failures.push(`${report.hostFaults} host faults`);
  if (report.prototypePolluted) failures.push('Object.prototype was changed');
  if (!during && report.answered !== report.messages) failures.push(`${report.messages - report.answered} of ${report.messages} frames not answered`);
  if (!during && !report.statusAtEnd) failures.push('a fresh socket at the end did not see the accepted state');
  return failures;
}
