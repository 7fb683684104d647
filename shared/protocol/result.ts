import { z } from 'zod';

/** Why a command failed: a bad request names the field; the session goes on either way. */
export const CommandErrorSchema = z.strictObject({
  /**
   * `limit_exceeded`: the message broke a wire limit (size, depth); `overloaded`: the client has
   * too many commands waiting (it should wait for answers).
   */
  code: z.enum(['invalid_request', 'unknown_command', 'failed', 'unavailable', 'unauthorized', 'limit_exceeded', 'overloaded']),
  message: z.string(),
  /** Dotted path of the offending field in the payload, for `invalid_request`. */
  field: z.string().optional()
});
export type CommandError = z.infer<typeof CommandErrorSchema>;

/** Expected failures come back as results, never as thrown rejections. */
export type CommandResult<T> = { ok: true; data: T } | { ok: false; error: CommandError };

export function commandResultSchema<T extends z.ZodType>(data: T): z.ZodType<CommandResult<z.infer<T>>> {
  return z.union([
    z.strictObject({ ok: z.literal(true), data }),
    z.strictObject({ ok: z.literal(false), error: CommandErrorSchema })
  ]) as unknown as z.ZodType<CommandResult<z.infer<T>>>;
}
