import { configure, optionsFromScript } from '../core/config.js';
import { guard } from '../core/emit.js';
import { consent, convert, shareUrl, start, track } from './index.js';

/** The `window.wom` API of the script-tag bundles. */
export interface WomGlobal {
  configure: typeof configure;
  consent: typeof consent;
  track: typeof track;
  convert: typeof convert;
  shareUrl: typeof shareUrl;
}

/** Calls made before the script loaded: `(window.wom = window.wom || {q: []}).q.push(['consent', 'granted'])`. */
type Call = ArrayLike<unknown> & { 0: keyof WomGlobal };

declare global {
  interface Window {
    wom: WomGlobal & { q?: Call[] };
  }
}

/**
 * Configures from the script tag that loaded the bundle (its `data-*`
 * attributes), exposes `window.wom`, and starts tracking. Settings queued
 * before load (`configure`, `consent`) apply before the page's `view` is
 * recorded; the other queued calls run after it, in order.
 */
export const installGlobal = guard((script: HTMLOrSVGScriptElement | null): void => {
  const calls = Array.from(window.wom?.q ?? [], (call) => Array.from(call) as [keyof WomGlobal, ...unknown[]]);
  const api: WomGlobal = { configure, consent, track, convert, shareUrl: guard(shareUrl) as typeof shareUrl };
  const replay = (settings: boolean) => {
    for (const [name, ...args] of calls) {
      if ((name === 'configure' || name === 'consent') === settings) guard(api[name] as (...a: unknown[]) => unknown)(...args);
    }
  };
  configure(optionsFromScript(script));
  window.wom = api;
  replay(true);
  start();
  replay(false);
});
