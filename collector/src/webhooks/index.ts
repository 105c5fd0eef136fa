/**
 * Webhooks (PRODUCT.md, "Webhooks"): what the rest of the collector calls. Producers write
 * their events with `announce(trx, events)` inside the transaction that stores what they
 * announce, then `wake()` once it has committed.
 */
import type { Dialect } from '../db.js';
import type { Database } from '../types.js';
import { defaultSchedule, deliverer, type DelivererOptions, type Schedule } from './deliverer.js';
import { enqueue, redacted, type WebhookEvent } from './outbox.js';

export interface WebhookOptions {
  /** Target URLs (array or comma list); none: nothing is written or sent. */
  targets?: string | string[];
  secret: string;
  /** The secret being replaced, still signed with until every receiver has the new one. */
  previousSecret?: string;
  allowPrivate?: boolean;
  /** Ms an attempt may take (default 10 s). */
  timeout?: number;
  /** The retry schedule (default `defaultSchedule`); tests pass a fast one. */
  schedule?: Partial<Schedule>;
  /** Ms between looks at the outbox for rows other processes wrote (default 1 s). */
  poll?: number;
}

/** The targets as given, each checked to be an http(s) URL (the error names it without its secrets). */
export function webhookTargets(targets: string | string[] | undefined) {
  const list = (typeof targets === 'string' ? targets.split(',') : (targets ?? [])).map((t) => t.trim()).filter(Boolean);
  for (const target of list) {
    const url = URL.canParse(target) ? new URL(target) : undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new Error(`--webhook must be an http:// or https:// URL, got "${url ? redacted(target) : target.slice(0, 40)}"`);
    }
  }
  return list;
}

/** How long finished deliveries and their attempts stay in the log. */
export const historyMs = 30 * 24 * 3600_000;

export function webhooks(db: Database, dialect: Dialect, options: WebhookOptions, log: DelivererOptions['log']) {
  const targets = webhookTargets(options.targets);
  const delivery = deliverer(db, dialect, {
    secrets: [options.secret, ...(options.previousSecret ? [options.previousSecret] : [])],
    allowPrivate: options.allowPrivate ?? false,
    timeout: options.timeout ?? 10_000,
    schedule: { ...defaultSchedule, ...options.schedule },
    poll: options.poll,
    log,
  });
  return {
    /** Whether any target is configured: producers skip their queries when none is. */
    enabled: targets.length > 0,
    /** Writes the events' outbox rows in `trx`; returns how many. */
    announce: (trx: Database, events: readonly WebhookEvent[]) => (targets.length && events.length ? enqueue(trx, targets, events, Date.now()) : Promise.resolve(0)),
    wake: delivery.wake,
    /** Deletes attempts and finished deliveries older than `historyMs` (daily, with the retention purge). */
    async forget(now: number) {
      await db.deleteFrom('webhook_attempts').where('at', '<', now - historyMs).execute();
      await db.deleteFrom('outbox').where('state', '!=', 'pending').where('due', '<', now - historyMs).execute();
    },
    start: delivery.start,
    close: delivery.close,
  };
}

export type Webhooks = ReturnType<typeof webhooks>;
