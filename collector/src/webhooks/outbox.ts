/**
 * The webhook outbox: one row per (event, target), written in the transaction that stores
 * the event itself (a review, a conversion, a milestone), so that a delivery is never lost
 * (the event committed, so did its rows) and never invented (a rolled-back event leaves
 * none). The deliverer (deliverer.ts) is the only reader; all its state is in the rows.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from '../types.js';
import { presetBody, presetOf } from './presets.js';

export type WebhookType = 'review.created' | 'review.published' | 'conversion' | 'cascade.milestone';

/** An event to announce, before it has a delivery id. */
export interface WebhookEvent {
  type: WebhookType;
  site: string;
  data: Record<string, unknown>;
}

/** A delivery id: random, and the same in `Wom-Delivery` and the body's `id`. */
const deliveryId = () => `wh_${randomBytes(12).toString('base64url')}`;

/**
 * Writes one outbox row per event and target, in `trx`, due now.
 *
 * @returns how many rows were written
 */
export async function enqueue(trx: Database, targets: readonly string[], events: readonly WebhookEvent[], now: number) {
  const rows = events.flatMap(({ type, site, data }) =>
    targets.map((target) => {
      const id = deliveryId();
      // The body is fixed here: every retry sends (and signs) the same bytes.
      const preset = presetOf(target);
      const body = preset ? presetBody(preset, target, { type, site, data }) : JSON.stringify({ id, type, created: new Date(now).toISOString(), site, data });
      return { id, target, type, site, body, created: now, since: now, due: now, attempts: 0, state: 'pending' };
    }),
  );
  for (let i = 0; i < rows.length; i += 100) await trx.insertInto('outbox').values(rows.slice(i, i + 100)).execute();
  return rows.length;
}

/**
 * `Wom-Signature: t=<unix s>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, one `v1` per secret:
 * while a secret is rotated, receivers holding either one verify.
 */
export function signature(secrets: readonly string[], body: string, now: number) {
  const t = Math.floor(now / 1000);
  return [`t=${t}`, ...secrets.map((secret) => `v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`)].join(',');
}

/**
 * A target as logs and the delivery log show it: its origin and the first step of its
 * path. Tools put their secrets in the rest (Slack's and Discord's webhook paths, a
 * Telegram bot token) and in the query string (Telegram's `chat_id`).
 */
export function redacted(target: string) {
  const url = new URL(target);
  const [first, ...rest] = url.pathname.slice(1).split('/');
  // Telegram's first step is `bot<token>`.
  const shown = presetOf(target) === 'telegram' ? 'bot…' : first;
  return `${url.protocol}//${url.host}/${shown}${rest.length ? '/…' : ''}`;
}
