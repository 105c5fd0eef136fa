import { collectorUrl } from '../core/api.js';
import { config } from '../core/config.js';

/** One published review, as `GET /api/reviews` returns it. Its text is untrusted: render it as text only. */
export interface Review {
  /** 1 to 5. */
  rating: number;
  text: string;
  author: string | null;
  /** Publication time, ms since epoch. */
  ts: number;
}

/** The shape of `GET /api/reviews?item=I&site=S` (and of a static `reviews.json`). */
export interface ReviewData {
  item: string;
  count: number;
  average: number;
  /** Count per star, `"1"` to `"5"`. */
  distribution: Record<string, number>;
  /** Newest first. */
  reviews: Review[];
  /** The collector's form token, sent back with a review (absent from static files). */
  token?: string;
}

/** The site the reviews belong to: the configured one, else the page's host, as the tracker sends. */
const reviewSite = () => config.site || location.host;

/** The collector's `GET /api/reviews` for `item` of this page's site. */
export const reviewsUrl = (item: string, params: Record<string, string>): URL | undefined =>
  collectorUrl('api/reviews', { site: reviewSite(), item, ...params });

/** What a reader submits. */
export interface ReviewDraft {
  rating: number;
  text: string;
  author: string;
}

/** The server's limits, mirrored so the form can say what is wrong before sending. */
export const limits = { text: 5000, author: 80 } as const;

export type ReviewField = 'rating' | 'text' | 'author';

/** The first field the server would refuse, or undefined. */
export function invalidField({ rating, text, author }: ReviewDraft): ReviewField | undefined {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return 'rating';
  if (text.length > limits.text) return 'text';
  if (author.length > limits.author) return 'author';
  return undefined;
}

const count = (value: unknown): number => (Number.isFinite(value) && (value as number) > 0 ? (value as number) : 0);

/**
 * Reads a `GET /api/reviews` body (or a static file in its shape) defensively:
 * wrong types become empty values, malformed reviews are dropped. Undefined when
 * it is not that shape at all.
 */
export function toReviewData(raw: unknown, item: string): ReviewData | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const body = raw as Partial<Record<keyof ReviewData, unknown>>;
  const distribution: Record<string, number> = {};
  for (let star = 1; star <= 5; star++) distribution[star] = count((body.distribution as Record<string, unknown>)?.[star]);
  const reviews = (Array.isArray(body.reviews) ? body.reviews : [])
    .filter((r) => r && Number.isInteger(r.rating) && r.rating >= 1 && r.rating <= 5 && Number.isFinite(r.ts))
    .map((r) => ({
      rating: r.rating as number,
      text: typeof r.text === 'string' ? r.text : '',
      author: typeof r.author === 'string' && r.author.trim() ? r.author : null,
      ts: r.ts as number,
    }));
  const token = typeof body.token === 'string' ? body.token : undefined;
  return { item, count: count(body.count), average: count(body.average), distribution, reviews, token };
}

/** `data` with a just-published review added on top and the aggregate updated, so the reader sees it at once. */
export function withReview(data: ReviewData, review: Review): ReviewData {
  const total = data.average * data.count + review.rating;
  const count = data.count + 1;
  return {
    ...data,
    count,
    average: total / count,
    distribution: { ...data.distribution, [review.rating]: (data.distribution[review.rating] ?? 0) + 1 },
    reviews: [review, ...data.reviews],
  };
}

/** How the collector answered a submission; an accepted one carries the token for the next. */
export type SubmitOutcome =
  | { status: 'published' | 'held'; token?: string }
  | { status: 'limited' | 'failed' }
  | { status: 'invalid'; field?: ReviewField };

/**
 * POSTs a review to the collector's `POST /api/reviews`. `website` is the honeypot
 * (empty from people) and `token` the form token that came with the reviews: the
 * collector measures the fill time from it, and holds a review without one. Never throws.
 */
export async function submitReview(
  item: string,
  draft: ReviewDraft,
  spam: { website: string; token?: string },
): Promise<SubmitOutcome> {
  const url = collectorUrl('api/reviews');
  if (!url) return { status: 'failed' };
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ site: reviewSite(), item, ...draft, author: draft.author.trim() || null, ...spam }),
    });
    if (response.status === 201 || response.status === 202) {
      const { token } = await response.json().catch(() => ({}));
      return { status: response.status === 201 ? 'published' : 'held', token: typeof token === 'string' ? token : undefined };
    }
    if (response.status === 429) return { status: 'limited' };
    if (response.status === 400) {
      const { field } = await response.json().catch(() => ({}));
      return { status: 'invalid', field: ['rating', 'text', 'author'].includes(field) ? field : undefined };
    }
  } catch {
    // Offline, blocked or refused by CORS: the reader can retry.
  }
  return { status: 'failed' };
}
