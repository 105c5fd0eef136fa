/**
 * App-wide guards at the edge, for every route: addresses that cannot mean one thing,
 * NUL characters, and errors answered without internals.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { httpError } from './hooks.js';

/**
 * Refuses a request whose address has a NUL character (PostgreSQL refuses them in text)
 * or repeats a query key (`?url=a&url=b`: which one is meant?).
 */
export const refuseAmbiguousUrls: onRequestHookHandler = (request, _reply, done) => {
  for (const [key, value] of Object.entries((request.query as object))) {
    if (Array.isArray(value)) return done(httpError(400, `${key} is given more than once in the querystring`, key));
    if (key.includes('\0') || String(value).includes('\0')) return done(httpError(400, `${key} contains a NUL character`, key));
  }
  if (request.url.includes('%00') || request.url.includes('\0')) return done(httpError(400, 'the address contains a NUL character'));
  done();
};

/**
 * The top-level field of a parsed JSON body that holds a NUL character in any string,
 * key or value ('' when the body itself is such a string); undefined when none does.
 * Walked with a stack, not recursion: the nesting is the client's.
 */
export function nulField(body: unknown): string | undefined {
  const stack: [unknown, string][] = [[body, '']];
  while (stack.length) {
    const [item, field] = (stack.pop() as [unknown, string]);
    if (typeof item === 'string') {
      if (item.includes('\0')) return field;
    } else if (item && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        const top = item === body ? key : field;
        stack.push([key, top], [inner, top]);
      }
    }
  }
  return undefined;
}

/**
 * Answers 4xx in one shape, `{statusCode, error, message}` naming the problem, plus the
 * `field` a client should mend when there is one. A 5xx
 * is logged with the request id and answered with that id only: its message may quote
 * SQL or stored values. The log line has the method and URL, never the body, the token
 * or the client address (see the serializers in app.ts).
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  if (status < 500) {
    const { field } = (error as { field?: string });
    return void reply.code(status).send({ statusCode: status, error: STATUS_CODES[status], message: error.message, ...(field && { field }) });
  }
  request.log.error({ err: error, req: request }, 'request failed');
  reply
    .code(status)
    .header('x-request-id', request.id)
    .send({ statusCode: status, error: STATUS_CODES[status], message: `internal error; the operator finds it in the log under request id ${request.id}` });
}
