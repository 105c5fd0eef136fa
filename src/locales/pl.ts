import type { Messages } from './messages.js';

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
