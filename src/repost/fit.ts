import { graphemes, words } from './segment.js';

/** How a network counts a post. */
export interface PostLimit {
  /** The most a post may count, link included. */
  max: number;
  /** What a link counts: fixed where the network shortens links (X, Mastodon: 23), else its own length. */
  link?: number;
  /** What one grapheme counts; default 1. */
  weigh?: (grapheme: string) => number;
}

const one = (): number => 1;

/**
 * X counts a grapheme as 1 in the ranges below (Latin, Cyrillic, Arabic, Persian… and
 * some punctuation) and as 2 otherwise (CJK, emoji).
 * See: https://docs.x.com/resources/fundamentals/counting-characters
 */
export function xWeight(grapheme: string): number {
  const c = grapheme.codePointAt(0)!;
  const light = c <= 0x10ff || (c >= 0x2000 && c <= 0x200d) || (c >= 0x2010 && c <= 0x201f) || (c >= 0x2032 && c <= 0x2037);
  return light && !/\p{Extended_Pictographic}/u.test(grapheme) ? 1 : 2;
}

/** Post limits of the networks that take a text; the link is in the post. */
export const postLimits: Record<string, PostLimit> = {
  x: { max: 280, link: 23, weigh: xWeight },
  bluesky: { max: 300 },
  mastodon: { max: 500, link: 23 },
  threads: { max: 500 },
  pinterest: { max: 500 },
};

/** Any other network: room for a long quote, yet a share URL of sane length. */
const generous: PostLimit = { max: 1000 };

/** What `text` counts with `weigh`. */
export function measure(text: string, weigh: (grapheme: string) => number = one): number {
  let total = 0;
  for (const grapheme of graphemes(text)) total += weigh(grapheme);
  return total;
}

/**
 * `text` cut to count at most `budget`: at the end of the last word that fits, with
 * "…" appended (trailing spaces and punctuation go). A single word longer than the
 * budget is cut between graphemes. Text that fits is returned unchanged.
 */
export function shorten(text: string, budget: number, weigh: (grapheme: string) => number = one): string {
  if (measure(text, weigh) <= budget) return text;
  const room = budget - weigh('…');
  let end = 0;
  let used = 0;
  for (const grapheme of graphemes(text)) {
    used += weigh(grapheme);
    if (used > room) break;
    end += grapheme.length;
  }
  let cut = 0;
  for (const { index, segment, isWordLike } of words(text)) {
    if (index + segment.length > end) break;
    if (isWordLike) cut = index + segment.length;
  }
  return text.slice(0, cut || end).trimEnd() + '…';
}

/**
 * The post for `network`: `frame(quote)` (the quote in its marks, with attribution),
 * the quote shortened so that the post, a space and `url` fit the network's limit.
 */
export function fitPost(network: string, quote: string, frame: (quote: string) => string, url: string): string {
  const { max, link, weigh = one } = postLimits[network] ?? generous;
  const budget = max - (link ?? measure(url)) - 1 - measure(frame(''), weigh);
  return frame(shorten(quote, budget, weigh));
}
