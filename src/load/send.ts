/**
 * The loader's stand-in for `track/send.ts`: the sending half of the tracker is a chunk,
 * fetched once a collector is set (at start, or by a later `configure()`), so that a page
 * without one never pays for it. Calls made meanwhile wait for it, in order.
 */
import { shared } from 'wom:build';
import { config } from '../core/config.js';
import type * as Send from '../track/send.js';
import { store } from '../track/storage.js';
import { importChunk } from './chunk.js';

export type { WomEvent } from '../track/send.js';

let sender: Promise<typeof Send> | undefined;

/** The sending half, fetched on the first call with a collector set; undefined before that. */
export function loadSender(): Promise<typeof Send> | undefined {
  if (config.collector) {
    sender ??= importChunk<typeof Send & { connect(modules: typeof shared): void }>('wom-send').then((chunk) => {
      chunk.connect(shared);
      return chunk;
    });
  }
  return sender;
}

export const enqueue = (event: Send.WomEvent): void => void loadSender()?.then((send) => send.enqueue(event));
export const keep = (): void => void loadSender()?.then((send) => send.keep());
/** Erases the stored queue at once, loaded or not (consent denied). */
export function forget(): void {
  store('wom:q');
  void sender?.then((send) => send.forget());
}
