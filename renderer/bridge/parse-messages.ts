import {
  COMMANDS,
  CommandErrorSchema,
  StreamBatchSchema,
  type CommandName,
  type CommandResponse,
  type CommandResult,
  type StreamBatch
} from '../../shared/protocol';

/** Validates a host's answer with the command's response schema. */
export function parseCommandResult<C extends CommandName>(command: C, raw: unknown): CommandResult<CommandResponse<C>> {
  const envelope = raw as { ok?: unknown; data?: unknown; error?: unknown } | null;
  if (envelope?.ok === false) {
    const error = CommandErrorSchema.safeParse(envelope.error);
    if (error.success) return { ok: false, error: error.data };
  }
  if (envelope?.ok === true) {
    const data = COMMANDS[command].response.safeParse(envelope.data);
    if (data.success) return { ok: true, data: data.data as CommandResponse<C> };
    const issue = data.error.issues[0];
    return {
      ok: false,
      error: { code: 'failed', message: `${command}: malformed response at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}` }
    };
  }
  return { ok: false, error: { code: 'failed', message: `${command}: malformed response` } };
}

/** Validates a stream batch; undefined (and a console warning) for a malformed one. */
export function parseStreamBatch(raw: unknown): StreamBatch | undefined {
  const parsed = StreamBatchSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn('flightdeck: dropped a malformed stream batch', parsed.error.issues[0]);
  return undefined;
}
