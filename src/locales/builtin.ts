/**
 * The built-in locales. Each widget's own strings are a table apart, so that a bundle
 * keeps only the strings of the widgets it holds (the share row alone carries no review
 * strings).
 */
import { de, deRepost, deReview } from './de.js';
import { en, enRepost, enReview } from './en.js';
import { fa, faRepost, faReview } from './fa.js';
import { id, idRepost, idReview } from './id.js';
import type { RepostMessages, ReviewMessages } from './messages.js';
import { pl, plRepost, plReview } from './pl.js';

/** The shared strings of each built-in locale; English first, as the last fallback. */
export const builtinLocales = [en, de, pl, id, fa];

/** `<wom-repost>`'s strings by language. */
export const repostStrings: Record<string, RepostMessages> = { en: enRepost, de: deRepost, pl: plRepost, id: idRepost, fa: faRepost };

/** `<wom-review>`'s strings by language. */
export const reviewStrings: Record<string, ReviewMessages> = { en: enReview, de: deReview, pl: plReview, id: idReview, fa: faReview };
