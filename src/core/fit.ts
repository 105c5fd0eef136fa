import { networks, type PostLimit } from './networks.js';
import { graphemes, words } from './segment.js';

const one = (): number => 1;

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
  const { max, link, weigh = one } = networks[network]?.limit ?? generous;
  const budget = max - (link ?? measure(url)) - 1 - measure(frame(''), weigh);
  return frame(shorten(quote, budget, weigh));
}
