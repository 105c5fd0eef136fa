import type { Plural } from '../core/intl.js';

/** Every string `<wom-review>` shows or announces, for one locale. Numbers arrive already formatted. */
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

export type ReviewLocale = 'en' | 'de' | 'pl' | 'id' | 'fa';

export const reviewMessages: Record<ReviewLocale, ReviewMessages> = {
  en: {
    reviews: { one: '# review', other: '# reviews' },
    stars: { one: '# star', other: '# stars' },
    starsOf: (value, best) => `${value} of ${best} stars`,
    distribution: 'Ratings by stars',
    recent: 'Recent reviews',
    noReviews: 'No reviews yet. Be the first!',
    anonymous: 'Anonymous',
    more: 'More reviews',
    loadFailed: 'The reviews could not be loaded.',
    retry: 'Try again',
    shareReview: 'Share this review',
    quote: (text, author) => `“${text}” — ${author}`,
    formTitle: 'Write a review',
    yourRating: 'Your rating',
    yourReview: 'Your review',
    yourName: 'Your name (optional)',
    characters: (used, max) => `${used} / ${max} characters`,
    submit: 'Publish review',
    sending: 'Sending…',
    published: 'Thank you! Your review is published.',
    held: 'Thank you! Your review will appear once it has been checked.',
    failed: 'Your review could not be sent. Your text is kept: please try again.',
    rateLimited: 'Too many reviews from here just now. Your text is kept: please try again later.',
    chooseRating: 'Please choose a rating from 1 to 5 stars.',
    textTooLong: (max) => `Your review is longer than ${max} characters.`,
    nameTooLong: (max) => `Your name is longer than ${max} characters.`,
  },
  de: {
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
  },
  pl: {
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
  },
  id: {
    reviews: { other: '# ulasan' },
    stars: { other: '# bintang' },
    starsOf: (value, best) => `${value} dari ${best} bintang`,
    distribution: 'Penilaian menurut bintang',
    recent: 'Ulasan terbaru',
    noReviews: 'Belum ada ulasan. Jadilah yang pertama!',
    anonymous: 'Anonim',
    more: 'Ulasan lainnya',
    loadFailed: 'Ulasan tidak dapat dimuat.',
    retry: 'Coba lagi',
    shareReview: 'Bagikan ulasan ini',
    quote: (text, author) => `“${text}” — ${author}`,
    formTitle: 'Tulis ulasan',
    yourRating: 'Penilaian Anda',
    yourReview: 'Ulasan Anda',
    yourName: 'Nama Anda (opsional)',
    characters: (used, max) => `${used} / ${max} karakter`,
    submit: 'Terbitkan ulasan',
    sending: 'Mengirim…',
    published: 'Terima kasih! Ulasan Anda sudah terbit.',
    held: 'Terima kasih! Ulasan Anda akan tampil setelah diperiksa.',
    failed: 'Ulasan Anda gagal dikirim. Teks Anda tetap tersimpan: silakan coba lagi.',
    rateLimited: 'Terlalu banyak ulasan dari sini saat ini. Teks Anda tetap tersimpan: silakan coba lagi nanti.',
    chooseRating: 'Silakan pilih penilaian 1 sampai 5 bintang.',
    textTooLong: (max) => `Ulasan Anda lebih dari ${max} karakter.`,
    nameTooLong: (max) => `Nama Anda lebih dari ${max} karakter.`,
  },
  fa: {
    reviews: { other: '# نظر' },
    stars: { other: '# ستاره' },
    starsOf: (value, best) => `${value} از ${best} ستاره`,
    distribution: 'امتیازها بر پایهٔ ستاره',
    recent: 'تازه‌ترین نظرها',
    noReviews: 'هنوز نظری ثبت نشده است. نخستین نفر باشید!',
    anonymous: 'ناشناس',
    more: 'نظرهای بیشتر',
    loadFailed: 'بارگیری نظرها ممکن نشد.',
    retry: 'تلاش دوباره',
    shareReview: 'هم‌رسانی این نظر',
    quote: (text, author) => `«${text}» — ${author}`,
    formTitle: 'نوشتن نظر',
    yourRating: 'امتیاز شما',
    yourReview: 'نظر شما',
    yourName: 'نام شما (اختیاری)',
    characters: (used, max) => `${used} از ${max} نویسه`,
    submit: 'انتشار نظر',
    sending: 'در حال فرستادن…',
    published: 'سپاس! نظر شما منتشر شد.',
    held: 'سپاس! نظر شما پس از بررسی نمایش داده می‌شود.',
    failed: 'فرستادن نظر شما ممکن نشد. متن شما نگه داشته شده است: لطفاً دوباره تلاش کنید.',
    rateLimited: 'هم‌اکنون نظرهای زیادی از اینجا فرستاده شده است. متن شما نگه داشته شده است: لطفاً بعداً تلاش کنید.',
    chooseRating: 'لطفاً امتیازی از ۱ تا ۵ ستاره برگزینید.',
    textTooLong: (max) => `نظر شما بیش از ${max} نویسه است.`,
    nameTooLong: (max) => `نام شما بیش از ${max} نویسه است.`,
  },
};
