import type { Messages } from './messages.js';

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
