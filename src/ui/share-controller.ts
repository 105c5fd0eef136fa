import type { ReactiveControllerHost } from 'lit';
import { emit } from '../core/emit.js';
import { mintShareId, withReferral } from '../core/referral.js';
import { recordShare, type ShareVia } from '../track/index.js';

/** Detail of the `wom-share` event. */
export interface WomShareDetail {
  /** Network key (`telegram`, `copy`, `native`, …). */
  network: string;
  /** The referral-tagged URL handed to the network. */
  url: string;
  /** The share id minted for this action. */
  share: string;
  /** How the share was made. */
  via: ShareVia;
  /** The quoted text, for reposts. */
  text?: string;
}

/**
 * The life of a share id, the same in every widget: minted ahead for each network, so
 * that each link's href is right before the click; announced with a cancelable
 * `wom-share` event; recorded once the share happened; and then spent, so the next
 * share from the same control gets a fresh one. A `scope` keeps the ids of one part
 * of the element apart (each review of a list).
 */
export class ShareController {
  private ids = new WeakMap<object, Record<string, string>>();

  constructor(private host: ReactiveControllerHost & HTMLElement) {}

  /** The share id prepared for `network` in `scope`. */
  id(network: string, scope: object = this.host): string {
    let ids = this.ids.get(scope);
    if (!ids) this.ids.set(scope, (ids = {}));
    return (ids[network] ??= mintShareId());
  }

  /** `url` carrying the share id prepared for `network` in `scope`. */
  tag(url: string, network: string, scope?: object): string {
    return withReferral(url, this.id(network, scope), network);
  }

  /** Forgets the ids prepared in `scope` (a menu opened again shares anew). */
  renew(scope: object = this.host): void {
    this.ids.delete(scope);
    this.host.requestUpdate();
  }

  /**
   * Asks the host page with a `wom-share` event; undefined when a listener cancelled it.
   * Once announced, the id is spent: the network's next share gets a fresh one (after
   * the browser has read the current href for this click).
   */
  ask(share: Omit<WomShareDetail, 'share'>, scope: object = this.host): WomShareDetail | undefined {
    const detail: WomShareDetail = { ...share, share: this.id(share.network, scope) };
    if (!emit(this.host, 'wom-share', detail)) return undefined;
    setTimeout(() => {
      delete this.ids.get(scope)?.[share.network];
      this.host.requestUpdate();
    });
    return detail;
  }

  /** Records a share that happened, counted for `page` (default: this page). */
  record(detail: WomShareDetail, page?: string): void {
    recordShare(detail.share, detail.network, detail.via, page);
  }
}
