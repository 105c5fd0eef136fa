/**
 * Delivers the outbox (outbox.ts). A run claims the rows that are due by moving their due
 * time past the lease, in a short transaction (PostgreSQL: `for update skip locked`, so
 * that several processes on one database each claim other rows and every row is sent by
 * one of them); sends them; then records the attempt and what follows in one transaction.
 * A process killed mid-attempt leaves its rows due again once the lease is over: at least
 * once, never lost.
 */
import { randomBytes } from 'node:crypto';
import type { Dialect } from '../db.js';
import type { Database } from '../types.js';
import { redacted, signature } from './outbox.js';
import { send, type Attempt } from './send.js';

/** When failed attempts are retried: `base · factor^(n−1)` after the n-th, at most `cap`, plus up to `jitter` of it; until `span` has passed since the event. */
export interface Schedule {
  base: number;
  factor: number;
  cap: number;
  jitter: number;
  span: number;
}

/** 30 s, 1 min, 2 min … 4 h 16 min, then every 6 h, until an attempt fails 24 h or more after the event (collector/README.md, "Notifications"). */
export const defaultSchedule: Schedule = { base: 30_000, factor: 2, cap: 6 * 3600_000, jitter: 0.2, span: 24 * 3600_000 };

/** Rows claimed per run: a run's attempts go out together. */
const batch = 10;

/** The delay after the `attempts`-th failed attempt, jitter included. */
export function retryDelay(schedule: Schedule, attempts: number, random = Math.random()) {
  const nominal = Math.min(schedule.base * schedule.factor ** (attempts - 1), schedule.cap);
  return Math.round(nominal * (1 + schedule.jitter * random));
}

interface Claimed {
  id: string;
  target: string;
  type: string;
  body: string;
  attempts: number;
  since: number;
}

export interface DelivererOptions {
  /** The signing secrets: the current one, and the previous one during a rotation. */
  secrets: readonly string[];
  allowPrivate: boolean;
  /** Ms an attempt may take. */
  timeout: number;
  schedule: Schedule;
  /** Ms between looks at the outbox when nothing is due sooner (rows other processes wrote). */
  poll?: number;
  log: { warn: (object: object, message: string) => void; error: (object: unknown, message: string) => void };
}

export function deliverer(db: Database, dialect: Dialect, { secrets, allowPrivate, timeout, schedule, poll = 1000, log }: DelivererOptions) {
  // Longer than an attempt may take: a row is claimed again only when its attempt is surely over.
  const lease = 2 * timeout + 1000;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  async function claim(now: number): Promise<Claimed[]> {
    return db.transaction().execute(async (trx) => {
      const rows = (await trx
        .selectFrom('outbox')
        .select(['id', 'target', 'type', 'body', 'attempts', 'since'])
        .where('state', '=', 'pending')
        .where('due', '<=', now)
        .orderBy('due')
        .limit(batch)
        .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked())
        .execute()) as Claimed[];
      if (rows.length) await trx.updateTable('outbox').set({ due: now + lease }).where('id', 'in', rows.map((r) => r.id)).execute();
      return rows.map((r) => ({ ...r, attempts: Number(r.attempts), since: Number(r.since) }));
    });
  }

  /** What an attempt's result means for the row: its log outcome, its next state and due time. */
  function judge(row: Claimed, attempt: Attempt, now: number) {
    const attempts = row.attempts + 1;
    if (attempt.kind === 'answered' && attempt.status >= 200 && attempt.status < 300) return { outcome: 'delivered', state: 'delivered', attempts };
    if (attempt.kind === 'answered' && attempt.status === 410) return { outcome: 'stopped', state: 'stopped', attempts };
    if (attempt.kind === 'refused') return { outcome: 'refused', state: 'refused', attempts };
    if (now - row.since >= schedule.span) return { outcome: 'failed', state: 'failed', attempts };
    return { outcome: 'retry', state: 'pending', attempts, due: now + retryDelay(schedule, attempts) };
  }

  async function attempt(row: Claimed) {
    const started = Date.now();
    const stopped = await db.selectFrom('webhook_targets').select('target').where('target', '=', row.target).executeTakeFirst();
    const result: Attempt = stopped
      ? { kind: 'answered', status: 410, response: 'not sent: the target answered 410 Gone before' }
      : await send(new URL(row.target), { 'wom-delivery': row.id, 'wom-signature': signature(secrets, row.body, started) }, row.body, { timeout, allowPrivate });
    const now = Date.now();
    const next = judge(row, result, now);
    const error = result.kind === 'answered' ? (next.outcome === 'delivered' ? null : result.response || null) : result.reason;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_attempts')
        .values({
          // Sortable by time: the log pages on it.
          id: `${now.toString(36).padStart(9, '0')}${randomBytes(5).toString('hex')}`,
          delivery: row.id,
          type: row.type,
          target: redacted(row.target),
          at: now,
          attempt: next.attempts,
          status: result.kind === 'answered' && !stopped ? result.status : null,
          outcome: next.outcome,
          error,
          ms: now - started,
        })
        .execute();
      await trx
        .updateTable('outbox')
        .set({ state: next.state, attempts: next.attempts, due: next.due ?? now })
        .where('id', '=', row.id)
        .execute();
      if (next.outcome === 'stopped' && !stopped) {
        const [marked] = await trx.insertInto('webhook_targets').values({ target: row.target, stopped: now }).onConflict((oc) => oc.doNothing()).execute();
        if (Number(marked.numInsertedOrUpdatedRows)) log.warn({ target: redacted(row.target) }, 'webhook target answered 410 Gone: no more deliveries to it until one is replayed');
      }
    });
  }

  async function runOnce() {
    do {
      again = false;
      const rows = await claim(Date.now());
      await Promise.all(rows.map(attempt));
      if (rows.length === batch) again = true;
    } while (again && !closed);
  }

  /** Sleeps until the next due row, or `poll` ms at most. */
  async function rest() {
    if (closed) return;
    const row = await db.selectFrom('outbox').select((eb) => eb.fn.min('due').as('due')).where('state', '=', 'pending').executeTakeFirst();
    const due = row?.due === null || row?.due === undefined ? Infinity : Number(row.due);
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(due - Date.now(), poll))).unref();
  }

  /** Runs the deliverer now, or once more when it is running. */
  function run() {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .then(rest)
      .catch((error) => {
        log.error(error, 'webhook delivery failed');
        timer = setTimeout(run, poll).unref();
      })
      .finally(() => (running = undefined));
  }

  return {
    start: run,
    /** After a commit that wrote outbox rows: send them now rather than at the next look. */
    wake: run,
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
