/**
 * The strings `<wom-repost>` adds to the shared locale messages (network names,
 * "Share on …", copy link come from there).
 */
export interface RepostMessages {
  /** Opening quotation mark, as the locale's typography has it. */
  open: string;
  /** Closing quotation mark. */
  close: string;
  /** The attribution after the quote, from the author and the source: ` — Ana Lima, The Book`. */
  by: (parts: string[]) => string;
  /** The control's name. */
  repost: string;
  /** The menu's name when it shares the whole quote. */
  repostMenu: string;
  /** The menu's name when it shares a selection. */
  selectionMenu: string;
  /** Announced when text selected inside can be shared, with the key command. */
  selectionHint: string;
}

export type RepostLocale = 'en' | 'de' | 'pl' | 'id' | 'fa';

export const repostMessages: Record<RepostLocale, RepostMessages> = {
  en: {
    open: '“',
    close: '”',
    by: (parts) => ` — ${parts.join(', ')}`,
    repost: 'Share quote',
    repostMenu: 'Share this quote',
    selectionMenu: 'Share selected text',
    selectionHint: 'Selected text can be shared: press Alt+Shift+S.',
  },
  de: {
    open: '„',
    close: '“',
    by: (parts) => ` – ${parts.join(', ')}`,
    repost: 'Zitat teilen',
    repostMenu: 'Dieses Zitat teilen',
    selectionMenu: 'Markierten Text teilen',
    selectionHint: 'Der markierte Text kann geteilt werden: Alt+Umschalt+S drücken.',
  },
  pl: {
    open: '„',
    close: '”',
    by: (parts) => ` — ${parts.join(', ')}`,
    repost: 'Udostępnij cytat',
    repostMenu: 'Udostępnij ten cytat',
    selectionMenu: 'Udostępnij zaznaczony tekst',
    selectionHint: 'Zaznaczony tekst można udostępnić: naciśnij Alt+Shift+S.',
  },
  id: {
    open: '“',
    close: '”',
    by: (parts) => ` — ${parts.join(', ')}`,
    repost: 'Bagikan kutipan',
    repostMenu: 'Bagikan kutipan ini',
    selectionMenu: 'Bagikan teks yang dipilih',
    selectionHint: 'Teks yang dipilih dapat dibagikan: tekan Alt+Shift+S.',
  },
  fa: {
    open: '«',
    close: '»',
    by: (parts) => ` — ${parts.join('، ')}`,
    repost: 'هم‌رسانی نقل‌قول',
    repostMenu: 'هم‌رسانی این نقل‌قول',
    selectionMenu: 'هم‌رسانی متن برگزیده',
    selectionHint: 'متن برگزیده را می‌توان هم‌رسانی کرد: Alt+Shift+S را بفشارید.',
  },
};
