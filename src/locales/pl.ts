import type { Messages, RepostMessages, ReviewMessages } from './messages.js';

export const pl: Messages = {
  $code: 'pl',
  $dir: 'ltr',
  share: 'Udostępnij',
  shareOn: (network) => `Udostępnij na ${network}`,
  newWindow: '(otwiera się w nowym oknie)',
  shareNative: 'Udostępnij…',
  email: 'E-mail',
  shareByEmail: 'Wyślij e-mailem',
  copyLink: 'Kopiuj link',
  copied: 'Link skopiowany',
  copyFailed: 'Nie udało się skopiować linku',
  shares: { one: '# udostępnienie', few: '# udostępnienia', many: '# udostępnień', other: '# udostępnienia' },
};

export const plRepost: RepostMessages = {
  open: '„',
  close: '”',
  by: (parts) => ` — ${parts.join(', ')}`,
  repost: 'Udostępnij cytat',
  repostMenu: 'Udostępnij ten cytat',
  selectionMenu: 'Udostępnij zaznaczony tekst',
  selectionHint: 'Zaznaczony tekst można udostępnić: naciśnij Alt+Shift+S.',
};

export const plReview: ReviewMessages = {
  reviews: { one: '# opinia', few: '# opinie', many: '# opinii', other: '# opinii' },
  stars: { one: '# gwiazdka', few: '# gwiazdki', many: '# gwiazdek', other: '# gwiazdki' },
  starsOf: (value, best) => `${value} z ${best} gwiazdek`,
  distribution: 'Oceny według liczby gwiazdek',
  recent: 'Najnowsze opinie',
  noReviews: 'Nie ma jeszcze opinii. Napisz pierwszą!',
  anonymous: 'Anonim',
  more: 'Więcej opinii',
  loadFailed: 'Nie udało się wczytać opinii.',
  retry: 'Spróbuj ponownie',
  shareReview: 'Udostępnij tę opinię',
  quote: (text, author) => `„${text}” — ${author}`,
  formTitle: 'Napisz opinię',
  yourRating: 'Twoja ocena',
  yourReview: 'Twoja opinia',
  yourName: 'Twoje imię (opcjonalnie)',
  characters: (used, max) => `${used} / ${max} znaków`,
  submit: 'Opublikuj opinię',
  sending: 'Wysyłanie…',
  published: 'Dziękujemy! Twoja opinia została opublikowana.',
  held: 'Dziękujemy! Twoja opinia pojawi się po sprawdzeniu.',
  failed: 'Nie udało się wysłać opinii. Twój tekst został zachowany: spróbuj ponownie.',
  rateLimited: 'Zbyt wiele opinii z tego miejsca. Twój tekst został zachowany: spróbuj później.',
  chooseRating: 'Wybierz ocenę od 1 do 5 gwiazdek.',
  textTooLong: (max) => `Twoja opinia ma więcej niż ${max} znaków.`,
  nameTooLong: (max) => `Twoje imię ma więcej niż ${max} znaków.`,
};

/** The locale as a whole: the shared strings with each widget's. */
export default { ...pl, repost: plRepost, review: plReview } satisfies Messages;
