import type { Messages, RepostMessages, ReviewMessages } from './messages.js';

export const de: Messages = {
  $code: 'de',
  $dir: 'ltr',
  share: 'Teilen',
  shareOn: (network) => `Auf ${network} teilen`,
  newWindow: '(öffnet in neuem Fenster)',
  shareNative: 'Teilen …',
  email: 'E-Mail',
  shareByEmail: 'Per E-Mail teilen',
  copyLink: 'Link kopieren',
  copied: 'Link kopiert',
  copyFailed: 'Link konnte nicht kopiert werden',
  shares: { one: '# Mal geteilt', other: '# Mal geteilt' },
};

export const deRepost: RepostMessages = {
  open: '„',
  close: '“',
  by: (parts) => ` – ${parts.join(', ')}`,
  repost: 'Zitat teilen',
  repostMenu: 'Dieses Zitat teilen',
  selectionMenu: 'Markierten Text teilen',
  selectionHint: 'Der markierte Text kann geteilt werden: Alt+Umschalt+S drücken.',
};

export const deReview: ReviewMessages = {
  reviews: { one: '# Bewertung', other: '# Bewertungen' },
  stars: { one: '# Stern', other: '# Sterne' },
  starsOf: (value, best) => `${value} von ${best} Sternen`,
  distribution: 'Bewertungen nach Sternen',
  recent: 'Neueste Bewertungen',
  noReviews: 'Noch keine Bewertungen. Schreiben Sie die erste!',
  anonymous: 'Anonym',
  more: 'Weitere Bewertungen',
  loadFailed: 'Die Bewertungen konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  shareReview: 'Diese Bewertung teilen',
  quote: (text, author) => `„${text}“ – ${author}`,
  formTitle: 'Bewertung schreiben',
  yourRating: 'Ihre Bewertung',
  yourReview: 'Ihr Text',
  yourName: 'Ihr Name (optional)',
  characters: (used, max) => `${used} / ${max} Zeichen`,
  submit: 'Bewertung veröffentlichen',
  sending: 'Wird gesendet…',
  published: 'Danke! Ihre Bewertung ist veröffentlicht.',
  held: 'Danke! Ihre Bewertung erscheint, sobald sie geprüft wurde.',
  failed: 'Ihre Bewertung konnte nicht gesendet werden. Ihr Text bleibt erhalten: Bitte versuchen Sie es erneut.',
  rateLimited: 'Gerade kamen zu viele Bewertungen von hier. Ihr Text bleibt erhalten: Bitte versuchen Sie es später.',
  chooseRating: 'Bitte wählen Sie 1 bis 5 Sterne.',
  textTooLong: (max) => `Ihr Text ist länger als ${max} Zeichen.`,
  nameTooLong: (max) => `Ihr Name ist länger als ${max} Zeichen.`,
};

/** The locale as a whole: the shared strings with each widget's. */
export default { ...de, repost: deRepost, review: deReview } satisfies Messages;
