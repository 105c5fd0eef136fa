import { config } from './config.js';

/**
 * A collector endpoint, resolved relative to the ingest URL so that a collector
 * mounted under a path works: `https://c.example/wom/e` → `https://c.example/wom/api/counts`.
 * Undefined without a collector.
 */
export function collectorUrl(path: string, params: Record<string, string> = {}): URL | undefined {
  if (!config.collector) return undefined;
  try {
    const url = new URL(path, new URL(config.collector, location.href));
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url;
  } catch {
    return undefined;
  }
}

const inflight = new Map<string, Promise<unknown>>();

/**
 * GETs JSON from the collector once per URL per page (every widget showing the
 * same data shares one request). Resolves undefined on any failure: reading is
 * decoration, never an error in the host page. `fresh` asks again (a retry, or
 * data the reader just changed) and shares the new answer from then on.
 */
export function getJson<T>(url: URL, fresh = false): Promise<T | undefined> {
  let request = fresh ? undefined : inflight.get(url.href);
  if (!request) {
    request = fetch(url, { credentials: 'omit' })
      .then((response) => (response.ok ? response.json() : undefined))
      .catch(() => undefined);
    inflight.set(url.href, request);
  }
  return request as Promise<T | undefined>;
}
