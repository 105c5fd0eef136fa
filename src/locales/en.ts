import type { Messages } from './messages.js';

export const en: Messages = {
  $code: 'en',
  $dir: 'ltr',
  share: 'Share',
  shareOn: (network) => `Share on ${network}`,
  newWindow: '(opens in a new window)',
  shareNative: 'Share…',
  email: 'Email',
  shareByEmail: 'Share by email',
  copyLink: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Could not copy the link',
  shares: { one: '# share', other: '# shares' },
};
