import { config } from '../core/config.js';
import { guard } from '../core/emit.js';
import { invalidField, maxAge } from './limits.js';
import { allowed, persisting } from './privacy.js';
import { load, store } from './storage.js';

/** One event as sent: these keys are the public wire format (never `_`-prefix them). */
export interface WomEvent {
  id: string;
  type: string;
  ts: number;
  url: string;
  ref?: string;
  visitor?: string;
  [field: string]: unknown;
}

// Limits, written in place so that they cost no names in the bundle:
// - at most 100 unsent events are kept for a later page load, the oldest dropped first,
//   and none the collector would refuse as too old (limits.ts);
// - a request body stays under 60 KB (61440 bytes): the collector takes 64 KB, and the
//   browser caps keepalive bodies in flight at 64 KB; one event over 30 KB is not sent;
// - events within 500 ms of the first of a burst go out in one request (a share ends its burst).

/** Events waiting for the next flush. */
let queue: WomEvent[] = [];
/** Events not yet handed to the browser; with consent, mirrored in localStorage. */
let unsent: WomEvent[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let restored = false;

const bytes = (value: unknown): number => new Blob([JSON.stringify(value)]).size;
const hidden = (): boolean => document.visibilityState === 'hidden';
const flushIfHidden = (): void => void (hidden() && flush());

/** Queues `event` for the collector, if sending is allowed at all and the collector would take it. */
export function enqueue(event: WomEvent): void {
  if (!allowed()) return;
  const invalid = invalidField(event);
  if (invalid) return console.warn(`wom: ${event.type} event dropped, invalid ${invalid}:`, event[invalid]);
  if (bytes(event) > 30720) return console.warn('wom: event too large', event.type);
  queue.push(event);
  unsent.push(event);
  keep();
  // Flush when the page may never run again; never on `unload`, which breaks the back/forward cache.
  // (Adding the same listener again is a no-op.)
  addEventListener('visibilitychange', flushIfHidden, true);
  addEventListener('pagehide', flush);
  // While hidden (web-vitals reports its final values then), send with the rest of this task's events;
  // so too a share, whose reader often leaves at once, before the timer (or even pagehide) can run.
  if (hidden() || event.type === 'share') queueMicrotask(flush);
  else timer ??= setTimeout(flush, 500);
}

/**
 * With consent, mirrors the unsent events in localStorage (the newest 100),
 * first taking over those an earlier page could not send and the collector
 * still takes: they go out again with their original ids, and the collector
 * drops what it already has.
 */
export function keep(): void {
  if (!persisting()) return;
  let dropped = 0;
  if (!restored) {
    restored = true;
    const left = load<WomEvent[]>('wom:q');
    if (Array.isArray(left)) {
      const fresh = left.filter((event) => Date.now() - event?.ts < maxAge && !invalidField(event));
      dropped = left.length - fresh.length;
      queue.unshift(...fresh);
      unsent.unshift(...fresh);
    }
  }
  const over = unsent.length - 100;
  if (over > 0) dropped += unsent.splice(0, over).length;
  if (dropped) console.warn('wom: dropped unsent events:', dropped);
  store('wom:q', unsent);
}

/** Drops every waiting event and the stored queue (consent denied). */
export function forget(): void {
  queue = [];
  unsent = [];
  store('wom:q');
}

/**
 * Sends the waiting events now, split into requests under 60 KB. (Guarded on each call: from
 * the script tag this module is a chunk, and `guard` arrives from the loader after it ran.)
 */
export const flush = (): void => void guard(sendWaiting)();

function sendWaiting(): void {
  clearTimeout(timer);
  timer = undefined;
  const envelope = { v: 1, site: config.site || location.host, events: [] as WomEvent[] };
  const room = 61440 - bytes(envelope);
  let size = 0;
  for (const event of queue.splice(0)) {
    const length = bytes(event) + 1;
    if (size + length > room) {
      post(envelope.events);
      envelope.events = [];
      size = 0;
    }
    envelope.events.push(event);
    size += length;
  }
  if (envelope.events.length) post(envelope.events);

  function post(events: WomEvent[]): void {
    const url = config.collector;
    if (!url) return;
    const body = JSON.stringify({ ...envelope, events });
    const sent = () => {
      unsent = unsent.filter((event) => !events.includes(event));
      keep();
    };
    // A text/plain body needs no CORS preflight, and the beacon outlives the page.
    if (navigator.sendBeacon?.(url, body)) return sent();
    // No beacon, or refused: keepalive fetch, then (keepalive bodies in flight are capped at 64 KB) a plain one.
    const send = (keepalive: boolean) => fetch(url, { method: 'POST', body, keepalive, mode: 'no-cors' });
    send(true)
      .catch(() => send(false))
      .then(sent, () => {});
  }
}
