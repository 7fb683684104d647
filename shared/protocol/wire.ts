import { z } from 'zod';
import { StreamBatchSchema } from './stream';

export { IPC_CHANNELS } from './channels';

export const PROTOCOL_VERSION = 1;

/** A client's command over the WebSocket. `id` pairs it with its result. */
export const WireRequestSchema = z.strictObject({
  kind: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  command: z.string().min(1).max(64),
  payload: z.unknown()
});
export type WireRequest = z.infer<typeof WireRequestSchema>;

/** Results carry no schema of their own here: the bridge parses `result` with the command's. */
export const WireServerMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('hello'),
    protocol: z.literal(PROTOCOL_VERSION),
    sessionId: z.string(),
    serverTime: z.number()
  }),
  z.strictObject({ kind: z.literal('result'), id: z.number().int().nullable(), result: z.unknown() }),
  z.strictObject({ kind: z.literal('stream'), batch: StreamBatchSchema })
]);
export type WireServerMessage = z.infer<typeof WireServerMessageSchema>;
