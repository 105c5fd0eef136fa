import { collapse, wordCount, words } from '../core/segment.js';

/**
 * URL text fragments (`#:~:text=…`), per https://wicg.github.io/scroll-to-text-fragment/:
 * a link that scrolls the reader to a quote and highlights it.
 */

/** A term percent-encoded: all that `encodeURIComponent` encodes, and `-` (it marks a prefix or suffix). */
export const encodeTerm = (term: string): string => encodeURIComponent(term).replace(/-/g, '%2D');

/** Words kept from each end of a long quote: specific enough, yet the link stays short enough to post. */
const edgeWords = 5;

/** The first `count` words of `text`, with what lies between them. */
function firstWords(text: string, count: number): string {
  let seen = 0;
  for (const { index, segment, isWordLike } of words(text)) {
    if (isWordLike && ++seen === count) return text.slice(0, index + segment.length);
  }
  return text;
}

/** The last `count` words of `text`, with what lies between them. */
function lastWords(text: string, count: number): string {
  const starts = words(text)
    .filter((s) => s.isWordLike)
    .map((s) => s.index);
  return starts.length > count ? text.slice(starts[starts.length - count]) : text;
}

/**
 * The `text=` directive pointing at `quote`, whose lines are its blocks (as `innerText`
 * and `Selection.toString()` give them). A term cannot span blocks, so a quote of
 * several blocks, or one longer than ten words, becomes `textStart,textEnd`: its first
 * and last five words. Empty for a quote without text.
 */
export function textDirective(quote: string): string {
  const blocks = quote.split('\n').map(collapse).filter(Boolean);
  if (!blocks.length) return '';
  const [first, last] = [blocks[0], blocks[blocks.length - 1]];
  if (blocks.length === 1 && wordCount(first) <= 2 * edgeWords) return `text=${encodeTerm(first)}`;
  return `text=${encodeTerm(firstWords(first, edgeWords))},${encodeTerm(lastWords(last, edgeWords))}`;
}

/**
 * `url` pointing at `directive`. With an `anchor` (an element id) the link is
 * `#anchor:~:text=…`, so that browsers without text fragments still scroll to the
 * element; without one, the URL's own fragment is kept before the directive, as the
 * spec allows (`#section:~:text=…`), and any old directive is dropped.
 */
export function fragmentUrl(url: string, directive: string, anchor?: string): string {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = anchor ? encodeURIComponent(anchor) : hashAt < 0 ? '' : url.slice(hashAt + 1).split(':~:')[0];
  if (directive) return `${base}#${hash}:~:${directive}`;
  return hash ? `${base}#${hash}` : base;
}

/** What a text directive points at, decoded: `textStart` and optional `textEnd`. */
export interface TextTarget {
  start: string;
  end?: string;
}

/**
 * The text directives in `url` (browsers hide them from `location`; read the
 * navigation entry's `name`). Prefix and suffix context is dropped; malformed
 * directives are skipped.
 */
export function parseTextDirectives(url: string): TextTarget[] {
  const hashAt = url.indexOf('#');
  const at = url.indexOf(':~:', hashAt);
  if (hashAt < 0 || at < 0) return [];
  return url
    .slice(at + 3)
    .split('&')
    .filter((directive) => directive.startsWith('text='))
    .flatMap((directive) => {
      const terms = directive.slice(5).split(',');
      if (terms[0]?.endsWith('-')) terms.shift();
      if (terms[terms.length - 1]?.startsWith('-')) terms.pop();
      try {
        const [start, end, extra] = terms.map(decodeURIComponent);
        return start && extra === undefined ? [{ start, end }] : [];
      } catch {
        return [];
      }
    });
}

const normalize = (text: string): string => collapse(text).toLowerCase();

/** Whether `text` holds what `target` points at: case-insensitive, white space collapsed, as browsers match. */
export function holdsTarget(text: string, target: TextTarget): boolean {
  const haystack = normalize(text);
  const start = normalize(target.start);
  const at = haystack.indexOf(start);
  return at >= 0 && (!target.end || haystack.includes(normalize(target.end), at + start.length));
}
