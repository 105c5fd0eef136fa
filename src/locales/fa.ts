import type { Messages, RepostMessages, ReviewMessages } from './messages.js';

export const fa: Messages = {
  $code: 'fa',
  $dir: 'rtl',
  share: 'هم‌رسانی',
  shareOn: (network) => `هم‌رسانی در ${network}`,
  newWindow: '(در پنجره‌ای تازه باز می‌شود)',
  shareNative: 'هم‌رسانی…',
  email: 'ایمیل',
  shareByEmail: 'هم‌رسانی با ایمیل',
  copyLink: 'رونوشت پیوند',
  copied: 'پیوند رونوشت شد',
  copyFailed: 'رونوشت پیوند ممکن نشد',
  shares: { one: '# هم‌رسانی', other: '# هم‌رسانی' },
  networkNames: { telegram: 'تلگرام', whatsapp: 'واتس‌اپ', facebook: 'فیس‌بوک', linkedin: 'لینکدین', x: 'ایکس', sms: 'پیامک', threema: 'تریما' },
};

export const faRepost: RepostMessages = {
  open: '«',
  close: '»',
  by: (parts) => ` — ${parts.join('، ')}`,
  repost: 'هم‌رسانی نقل‌قول',
  repostMenu: 'هم‌رسانی این نقل‌قول',
  selectionMenu: 'هم‌رسانی متن برگزیده',
  selectionHint: 'متن برگزیده را می‌توان هم‌رسانی کرد: Alt+Shift+S را بفشارید.',
};

export const faReview: ReviewMessages = {
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
};

/** The locale as a whole: the shared strings with each widget's. */
export default { ...fa, repost: faRepost, review: faReview } satisfies Messages;
