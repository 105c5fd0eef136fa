import { configure, optionsFromScript } from '../core/config.js';

/**
 * Configures from the script tag that loaded the bundle and exposes `window.wom`.
 * PLACEHOLDER until the tracker issue lands.
 */
export function installGlobal(script: HTMLOrSVGScriptElement | null): void {
  configure(optionsFromScript(script));
  (window as unknown as { wom: unknown }).wom = { configure };
}
