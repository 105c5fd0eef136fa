/** A message with plural forms, `#` standing for the formatted number (the form is picked with `Intl.PluralRules`). */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * Every string the widgets show or announce, for one locale: the shared ones (share
 * controls), then each widget's own group. A locale registered without a group shows
 * that widget in the built-in strings of its language, else in English.
 */
export interface Messages {
  /** BCP 47 language code. */
  $code: string;
  $dir: 'ltr' | 'rtl';
  /** Accessible name of a share row. */
  share: string;
  /** Accessible name of a network link: "Share on Telegram". */
  shareOn: (network: string) => string;
  /** Appended to the names of links that open a new window. */
  newWindow: string;
  /** The Web Share API button. */
  shareNative: string;
  email: string;
  shareByEmail: string;
  copyLink: string;
  copied: string;
  copyFailed: string;
  /** Share count of a page or a network. */
  shares: Plural;
  /** Localized network names where the brand is written differently. */
  networkNames?: Record<string, string>;
  /** `<wom-repost>`'s strings. */
  repost?: RepostMessages;
  /** `<wom-review>`'s strings. */
  review?: ReviewMessages;
}

/** The strings `<wom-repost>` adds to the shared ones (network names, "Share on …", copy link). */
export interface RepostMessages {
  /** Opening quotation mark, as the locale's typography has it. */
  open: string;
  /** Closing quotation mark. */
  close: string;
  /** The attribution after the quote, from the author and the source: ` — Ana Lima, The Book`. */
  by: (parts: string[]) => string;
  /** The control's name. */
  repost: string;
  /** The menu's name when it shares the whole quote. */
  repostMenu: string;
  /** The menu's name when it shares a selection. */
  selectionMenu: string;
  /** Announced when text selected inside can be shared, with the key command. */
  selectionHint: string;
}

/** Every string `<wom-review>` shows or announces. Numbers arrive already formatted. */
export interface ReviewMessages {
  /** A review count: "12 reviews". */
  reviews: Plural;
  /** A star count, for the distribution rows: "4 stars". */
  stars: Plural;
  /** A rating's accessible name, also each radio's: "4 of 5 stars", "4.3 of 5 stars". */
  starsOf: (value: string, best: string) => string;
  /** Accessible name of the distribution list. */
  distribution: string;
  /** Accessible name of the list of reviews. */
  recent: string;
  noReviews: string;
  /** Shown for a review without an author. */
  anonymous: string;
  more: string;
  loadFailed: string;
  retry: string;
  /** Accessible name of each review's share links. */
  shareReview: string;
  /** The text shared for a review: its quote and author. */
  quote: (text: string, author: string) => string;
  formTitle: string;
  yourRating: string;
  yourReview: string;
  yourName: string;
  /** Visible character counter under the text. */
  characters: (used: string, max: string) => string;
  submit: string;
  sending: string;
  published: string;
  held: string;
  failed: string;
  rateLimited: string;
  chooseRating: string;
  textTooLong: (max: string) => string;
  nameTooLong: (max: string) => string;
}
