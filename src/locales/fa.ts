import type { Messages } from './messages.js';

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
  networkNames: { telegram: 'تلگرام', whatsapp: 'واتس‌اپ', facebook: 'فیس‌بوک', linkedin: 'لینکدین', x: 'ایکس' },
};
