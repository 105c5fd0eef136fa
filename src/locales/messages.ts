import type { Plural } from '../core/intl.js';

/** Every string the widgets show or announce, for one locale. */
export interface Messages {
  /** BCP 47 language code. */
  $code: string;
  $dir: 'ltr' | 'rtl';
  /** Accessible name of a share row. */
  share: string;
  /** Accessible name of a network link: "Share on Telegram". */
  shareOn: (network: string) => string;
  /** Appended to the names of links that open a new window. */
  newWindow: string;
  /** The Web Share API button. */
  shareNative: string;
  email: string;
  shareByEmail: string;
  copyLink: string;
  copied: string;
  copyFailed: string;
  /** Share count of a page or a network. */
  shares: Plural;
  /** Localized network names where the brand is written differently. */
  networkNames?: Record<string, string>;
}
