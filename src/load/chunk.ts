import { chunks } from 'wom:build';

/** The loader's own address: chunks sit beside it, so a CDN or a sub-path works. */
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
let warned = false;

/**
 * Imports chunk `name` from beside the script. A failure (offline, a blocked URL) is
 * reported once and never thrown into the page: the promise then stays pending.
 */
export function importChunk<T>(name: string): Promise<T> {
  return import(new URL(chunks[name], base).href).catch((error) => {
    if (!warned) console.warn('wom: could not load', name, error);
    warned = true;
    return new Promise<never>(() => {});
  });
}
