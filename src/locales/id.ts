import type { Messages } from './messages.js';

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
