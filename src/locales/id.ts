import type { Messages, RepostMessages, ReviewMessages } from './messages.js';

export const id: Messages = {
  $code: 'id',
  $dir: 'ltr',
  share: 'Bagikan',
  shareOn: (network) => `Bagikan ke ${network}`,
  newWindow: '(membuka jendela baru)',
  shareNative: 'Bagikan…',
  email: 'Email',
  shareByEmail: 'Bagikan lewat email',
  copyLink: 'Salin tautan',
  copied: 'Tautan disalin',
  copyFailed: 'Tautan gagal disalin',
  shares: { other: '# kali dibagikan' },
};

export const idRepost: RepostMessages = {
  open: '“',
  close: '”',
  by: (parts) => ` — ${parts.join(', ')}`,
  repost: 'Bagikan kutipan',
  repostMenu: 'Bagikan kutipan ini',
  selectionMenu: 'Bagikan teks yang dipilih',
  selectionHint: 'Teks yang dipilih dapat dibagikan: tekan Alt+Shift+S.',
};

export const idReview: ReviewMessages = {
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
};

/** The locale as a whole: the shared strings with each widget's. */
export default { ...id, repost: idRepost, review: idReview } satisfies Messages;
