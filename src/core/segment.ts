/**
 * Text segmentation with `Intl.Segmenter`: graphemes, so that an emoji, a flag or a
 * Persian letter with its joiners is never split, and words, for cutting and for
 * text fragments (which match only at word boundaries).
 */
let graphemeSegmenter: Intl.Segmenter | undefined;
let wordSegmenter: Intl.Segmenter | undefined;

/** `text` on one line: runs of white space as one space, none at the ends. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The user-perceived characters of `text`. */
export function graphemes(text: string): string[] {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** The word segments of `text` (words, spaces and punctuation), each with its index. */
export function words(text: string): Intl.SegmentData[] {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return Array.from(wordSegmenter.segment(text));
}

/** How many words `text` has (punctuation, spaces and emoji are not words). */
export const wordCount = (text: string): number => words(text).filter((s) => s.isWordLike).length;

/**
 * Widens the range [start, end) of `text` to whole words: a selection that begins or
 * ends inside a word would otherwise make a text fragment that matches nothing.
 */
export function widenToWords(text: string, start: number, end: number): [number, number] {
  for (const { index, segment, isWordLike } of words(text)) {
    const stop = index + segment.length;
    if (isWordLike && index < start && start < stop) start = index;
    if (isWordLike && index < end && end < stop) end = stop;
  }
  return [start, end];
}
