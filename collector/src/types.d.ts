import type { Kysely } from 'kysely';
import type { onRequestHookHandler } from 'fastify';

/** Deletes what a table stores under a visitor id; returns the number of rows deleted. */
export type Eraser = (trx: Kysely<any>, visitor: string) => Promise<number>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<any>;
    dialect: 'sqlite' | 'postgres';
    womToken: string;
    cors: onRequestHookHandler;
    rateLimit: onRequestHookHandler;
    requireToken: onRequestHookHandler;
    erasers: Map<string, Eraser>;
    purgeExpired: () => Promise<number>;
    reports: ReturnType<typeof import('./reports.js').reportRunner>;
  }
}
