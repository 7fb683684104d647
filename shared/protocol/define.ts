import type { z } from 'zod';

/** One command of the contract: a request schema and a response schema. */
export interface CommandDefinition<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** One line for the command palette and the docs. */
  description: string;
}

export function defineCommand<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  description: string
): CommandDefinition<Req, Res> {
  return { request, response, description };
}
