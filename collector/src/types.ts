/**
 * The collector's shared types: what `build()` takes, and what it decorates the Fastify
 * app with for the route modules.
 */
import type { Kysely } from 'kysely';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Level, Right } from './access.js';
import type { reportRunner } from './reports.js';

/** Tables are read and written through one untyped query builder, the same on both dialects. */
export type Database = Kysely<any>;

/** Deletes what a table stores under a visitor id; returns the number of rows deleted. */
export type Eraser = (trx: Database, visitor: string) => Promise<number>;

/** The options of `build()` (and of every route module, which receives them too). */
export interface Options {
  /** SQLite file path, or a `postgres://` URL. Default `wom.db`. */
  db?: string;
  /** The admin's bearer token (everything); generated when absent (read it back from `app.womToken`). */
  token?: string;
  /** A token that may read reports and exports only (`GET /api/report`, `/api/events`). */
  reportToken?: string;
  /**
   * Page origins allowed to call (array or comma list), normalised (`https://Blog.Example:443/`
   * is `https://blog.example`); empty: any origin.
   */
  origins?: string | string[];
  /**
   * Requests per minute per client address (IPv6: per /64), and ten times as many events to
   * ingest; 0 disables both. Default 1200.
   */
  rateLimit?: number;
  /** Events per minute per site; 0 disables. Default 60000. */
  quotaEvents?: number;
  /** New distinct URLs per day per site; 0 disables. Default 50000. */
  quotaUrls?: number;
  /** How long events are kept: `13mo` (default), `30d`, `2y`, ms, or `off`. */
  retention?: string | number;
  /** Reviews: `all` holds every review for moderation; `auto` (default) publishes clean ones and holds suspicious ones. */
  moderation?: 'all' | 'auto';
  /** A token that may list and moderate reviews only (the admin token may too). */
  moderationToken?: string;
  /** Reviews per 10 minutes per client address (default 5; 0: no limit). */
  reviewRate?: number;
  /** Shortest time in ms a person takes to fill the review form (default 3000). */
  minFillMs?: number;
  /** Drop (and count) events from well-known crawlers. Default true. */
  bots?: boolean;
  /** Fastify logger options (level `warn` unless given); request lines are never logged. */
  logger?: boolean | object;
  /** Behind proxies: how many hops to trust (`true`: one), or the proxies' addresses and CIDRs (array or comma list). */
  trustProxy?: boolean | number | string | string[];
  /**
   * Ms to receive a request's headers (default 10 s), the whole request with its body (15 s),
   * and how long an idle keep-alive connection stays open (5 s).
   */
  timeouts?: { headers?: number; request?: number; keepAlive?: number };
  /** Open connections at most; more are closed at once. Default 2048. */
  maxConnections?: number;
  /** Ms a report may take before it is cancelled (503). Default 30 s. */
  reportTimeout?: number;
  /** Webhook target URLs (array or comma list); none: no webhooks. */
  webhooks?: string | string[];
  /** The webhooks' signing secret; generated when absent (read it back from `app.webhookSecret`). */
  webhookSecret?: string;
  /** During a rotation, the secret being replaced: deliveries are signed with both. */
  webhookPreviousSecret?: string;
  /** Let webhooks reach loopback, private and link-local addresses. Default false. */
  webhookAllowPrivate?: boolean;
  /** Ms a webhook attempt may take. Default 10 s. */
  webhookTimeout?: number;
  /** The webhooks' retry schedule (webhooks/deliverer.ts; default: from 30 s, doubling, for 24 h); tests pass a fast one. */
  webhookSchedule?: Partial<import('./webhooks/deliverer.js').Schedule>;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    dialect: import('./db.js').Dialect;
    /** Rebuilds pages whose lineage is stale (lineage.ts). */
    lineage: ReturnType<typeof import('./lineage.js').lineageKeeper>;
    womToken: string;
    cors: onRequestHookHandler;
    rateLimit: onRequestHookHandler;
    /** A hook letting through a bearer token with the right (absent: any valid token); see access.ts. */
    requireRight: (right?: Right) => onRequestHookHandler;
    /** The access level of a request's bearer token, if valid. */
    levelOf: (request: FastifyRequest) => Level | undefined;
    erasers: Map<string, Eraser>;
    purgeExpired: () => Promise<number>;
    reports: ReturnType<typeof reportRunner>;
    /** The webhook outbox and its deliverer (webhooks/). */
    webhooks: import('./webhooks/index.js').Webhooks;
    webhookSecret: string;
  }
  interface FastifyContextConfig {
    /** The route refuses NUL characters per field itself (ingest): the body parser lets them through. */
    nulPerField?: boolean;
  }
}
