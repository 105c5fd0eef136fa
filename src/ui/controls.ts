import { html, nothing, svg } from 'lit';
import type { Messages } from '../core/locale.js';
import { logos, logosLoaded } from '../core/logos/index.js';
import { networks, parseNetworks, type ShareTarget } from '../core/networks.js';
import { addBrands } from './controls.styles.js';

/** A network's logo, decorative (the control carries the name). */
export const logo = (key: string) =>
  svg`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true"><path d=${logos[key]?.path ?? ''} /></svg>`;

/** Loads the logos (and their colours) of the networks a `networks` attribute names; undefined when they are here. */
export const networkLogosLoaded = (attribute: string | null | undefined) => logosLoaded(parseNetworks(attribute))?.then(addBrands);

/** What a control does when used; `copy` and `native` are buttons, every other key a link. */
export interface ControlHandlers {
  /** A network link was clicked (also middle-clicked); its key is in `data-network`. */
  link: (event: MouseEvent) => void;
  copy?: () => void;
  native?: () => void;
  /** Show "Link copied" on the copy button. */
  copied?: boolean;
  /** Text of the native button (default: the localized "Share…"). */
  nativeLabel?: string;
  /** Draw the logos (default true). */
  logos?: boolean;
}

/**
 * The control for network `key`, shared by every widget that shares: a real link
 * to the network's share page for `target` (a new tab, no opener, no referrer,
 * named "Share on Telegram (opens in a new window)" in the reader's language),
 * or the copy and Web Share buttons.
 */
export function shareControl(key: string, m: Messages, target: ShareTarget, on: ControlHandlers) {
  const icon = on.logos === false ? nothing : logo(key);
  if (key === 'copy' || key === 'native') {
    const label = key === 'copy' ? (on.copied ? m.copied : m.copyLink) : (on.nativeLabel ?? m.shareNative);
    return html`<button type="button" part="button ${key}" class=${key} @click=${key === 'copy' ? on.copy : on.native}>
      ${icon}<span part="label" class="label">${label}</span>
    </button>`;
  }
  const network = networks[key];
  const name = m.networkNames?.[key] ?? network.name ?? key;
  const email = key === 'email';
  const href = network.intent!(target);
  // mailto:, sms:, threema:// hand over to an app: no new window, and none announced.
  const opensApp = !href.startsWith('https:');
  return html`<a
    part="button ${key}"
    class=${key}
    data-network=${key}
    href=${href}
    target=${opensApp ? nothing : '_blank'}
    rel="noopener noreferrer"
    aria-label=${email ? m.shareByEmail : opensApp ? m.shareOn(name) : `${m.shareOn(name)} ${m.newWindow}`}
    @click=${on.link}
    @auxclick=${on.link}
    >${icon}<span part="label" class="label">${email ? m.email : name}</span></a
  >`;
}
