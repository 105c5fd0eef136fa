import { rangeParams } from './range.js';
import type { HeldReview, Moderation, Overview, PublishedReviews, Range, Report } from './types.js';

/** A failed call: `status` 0 when the collector could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The collector's report and moderation APIs, as the signed-in marketer calls them.
 * Paths resolve against the dashboard's own address (`…/dashboard/` → `…/api/report`),
 * so a collector mounted under a path works. The token travels only as a Bearer header.
 */
export class Api {
  constructor(
    readonly token: string,
    readonly base = new URL('../', location.href),
  ) {}

  /** The URL of `path` with `params`. */
  url(path: string, params: Record<string, string> = {}): URL {
    const url = new URL(path, this.base);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url;
  }

  /** Fetches JSON; non-2xx answers throw an `ApiError` carrying the collector's message. */
  async request<T>(path: string, params: Record<string, string> = {}, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url(path, params), {
        ...init,
        credentials: 'omit',
        headers: { authorization: `Bearer ${this.token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      });
    } catch (error) {
      throw new ApiError(0, (error as Error).message);
    }
    const body = await response.json().catch(() => undefined);
    if (!response.ok) throw new ApiError(response.status, body?.message ?? response.statusText);
    return body as T;
  }

  /** The site overview for `range`. */
  overview(range: Range): Promise<Overview> {
    return this.request('api/report', { ...rangeParams(range), limit: '10000' });
  }

  /** The report of one page. */
  report(url: string, range: Range): Promise<Report> {
    return this.request('api/report', { ...rangeParams(range), url });
  }

  /** The raw events of `range`, oldest first (the collector's `GET /api/events`). */
  async events(range: Range): Promise<Record<string, string | number | null>[]> {
    return (await this.request<{ events: Record<string, string | number | null>[] }>('api/events', rangeParams(range))).events;
  }

  /** Reviews held for moderation, oldest first. */
  async pending(): Promise<HeldReview[]> {
    return (await this.request<{ reviews: HeldReview[] }>('api/reviews/pending')).reviews;
  }

  /** Publishes, rejects or deletes reviews by id. */
  moderate(ids: readonly HeldReview['id'][], action: Moderation): Promise<unknown> {
    return this.request('api/reviews/moderate', {}, { method: 'POST', body: JSON.stringify({ ids, action }) });
  }

  /** The published reviews of an item (the widget's own, public API). */
  published(item: string): Promise<PublishedReviews> {
    return this.request('api/reviews', { item });
  }
}
