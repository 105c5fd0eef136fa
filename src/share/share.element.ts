import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { collectorUrl, getJson } from '../core/api.js';
import { copyText } from '../core/clipboard.js';
import { guard } from '../core/emit.js';
import { formatCount, plural } from '../core/intl.js';
import { parseNetworks, validHost, type ShareTarget } from '../core/networks.js';
import { metaContent, pageTitle, pageUrl, safeHttpUrl, stripReferral, trackedPageUrl, trackedUrl } from '../core/referral.js';
import { networkLogosLoaded, shareControl } from '../ui/controls.js';
import { ShareController, type WomShareDetail } from '../ui/share-controller.js';
import { WomElement } from '../ui/wom-element.js';
import { shareStyles } from './share.styles.js';

export type { WomShareDetail };

/** Counts from the collector's `GET /api/counts`. */
interface Counts {
  total: number;
  networks: Record<string, number>;
}

/**
 * A row of share controls: real links to each network's share page, the Web
 * Share API and copy-link. Every action carries a fresh referral id so that the
 * visits it brings can be traced back to it.
 *
 * @tagname wom-share
 * @summary Share buttons with referral tagging; no third-party request before a click.
 *
 * @fires wom-share - Before a share leaves for a network; cancelable (`preventDefault()` stops it). `detail`: `{network, url, share, via}`.
 *
 * @csspart base - The wrapper around the total and the list.
 * @csspart list - The list of controls.
 * @csspart item - Each list item.
 * @csspart button - Each control (link or button); also carries the network key as a part, e.g. `::part(telegram)`.
 * @csspart icon - Each control's logo.
 * @csspart label - Each control's visible text.
 * @csspart count - A network's share count (with `counts`).
 * @csspart total - The page's total share count (with `counts`).
 *
 * @cssprop [--wom-size=2.5rem] - Height of each control (and width in the `icons` layout).
 * @cssprop [--wom-gap=0.5rem] - Space between controls.
 * @cssprop [--wom-radius=0.5rem] - Corner radius of each control.
 * @cssprop [--wom-font-size=0.875rem] - Label size.
 * @cssprop --wom-bg - Control background (light and dark defaults).
 * @cssprop --wom-bg-hover - Control background on hover.
 * @cssprop --wom-fg - Text and monochrome icon color.
 * @cssprop [--wom-border=transparent] - Control border color.
 * @cssprop --wom-focus - Focus ring color.
 * @cssprop --wom-brand - Logo color (each network's brand color by default).
 */
export class WomShare extends WomElement {
  static override styles = shareStyles;
  static override tag = 'wom-share';

  /** URL to share. Default: the page's canonical link, else its location, without the referral parameter. */
  @property() url?: string;

  /** Title handed to networks that take one. Default: `og:title`, else the document's title. */
  @property() override title = '';

  /** Text for networks with a text field (X, Telegram, WhatsApp…). Default: the title. */
  @property() text?: string;

  /** Image URL for Pinterest and VK. Default: `og:image`. */
  @property() image?: string;

  /** Space-separated network keys, in display order. */
  @property() networks?: string;

  /** `row`, `column` or `icons` (icons only; names stay accessible). */
  @property({ reflect: true }) layout: 'row' | 'column' | 'icons' = 'row';

  /** Show share counts from the collector. */
  @property({ type: Boolean }) counts = false;

  /**
   * With `counts`, the fewest shares a number needs to be shown (per network and in
   * total); below it, none shows and no room is kept for it. Default 1: a page nobody
   * has shared shows no "0", which would tell readers nobody found it worth sharing.
   * Values below 1 count as 1.
   */
  @property({ attribute: 'counts-min', type: Number }) countsMin = 1;

  /** Mastodon instance host (`mastodon.social`); default: Mastodon's official share page. */
  @property({ attribute: 'mastodon-instance' }) mastodonInstance?: string;

  /** Logos in the text color instead of each network's brand color. */
  @property({ type: Boolean, reflect: true }) monochrome = false;

  /** Accessible name of the group. Default: the localized "Share". */
  @property() label?: string;

  @state() private status = '';
  @state() private copied = false;
  @state() private countData?: Counts;

  private shares = new ShareController(this);
  private target?: ShareTarget;
  private keys: string[] = [];
  private statusTimer?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.statusTimer);
  }

  static override loads(el: WomShare) {
    return [...super.loads(el), networkLogosLoaded(el.networks ?? el.getAttribute('networks'))];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('networks') || !this.keys.length) {
      this.keys = parseNetworks(this.networks).filter((key) => key !== 'native' || 'share' in navigator);
    }
    this.target = this.resolveTarget(changed);
    if (this.counts && changed.has('counts')) this.loadCounts();
  }

  /** The URL this bar's shares are recorded and counted under: the page's, or the one it shares, as events record it. */
  private get countedUrl(): string {
    return this.url ? trackedUrl(this.target!.url) : trackedPageUrl();
  }

  /** The URL to share on `network`, tagged with its prepared share id. */
  private taggedUrl(network: string): string {
    return this.shares.tag(this.target!.url, network);
  }

  private resolveTarget(changed: PropertyValues<this>): ShareTarget {
    let url = this.target?.url;
    if (!url || changed.has('url')) {
      url = this.url ? safeHttpUrl(this.url) : undefined;
      if (this.url && !url) console.warn(`wom-share: invalid url "${this.url}", sharing the page URL instead`);
      url = url ? stripReferral(url) : pageUrl();
    }
    const instance = validHost(this.mastodonInstance);
    if (this.mastodonInstance && !instance && changed.has('mastodonInstance')) {
      console.warn(`wom-share: invalid mastodon-instance "${this.mastodonInstance}", using Mastodon's share page`);
    }
    return {
      url,
      title: this.title || pageTitle(),
      text: this.text || undefined,
      image: safeHttpUrl(this.image || metaContent('og:image')),
      mastodonInstance: instance,
    };
  }

  private async loadCounts(): Promise<void> {
    const endpoint = collectorUrl('api/counts', { url: this.countedUrl });
    const counts = endpoint && (await getJson<Counts>(endpoint));
    if (counts && typeof counts.total === 'number') this.countData = counts;
  }

  /** Whether `count` is known and high enough to show (see `counts-min`). */
  private showsCount(count: number | undefined): count is number {
    return this.counts && count !== undefined && count >= Math.max(1, this.countsMin || 1);
  }

  /** Asks the host page and records the share; undefined when a listener cancelled it. */
  private share(network: string): WomShareDetail | undefined {
    const detail = this.shares.ask({ network, url: this.taggedUrl(network), via: 'button' });
    if (detail) this.shares.record(detail, this.countedUrl);
    return detail;
  }

  private onLinkClick = guard((event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const network = (event.currentTarget as HTMLElement).dataset.network!;
    if (!this.share(network)) event.preventDefault();
  });

  private onCopy = guard(async () => {
    const detail = this.share('copy');
    if (!detail) return;
    const ok = await copyText(detail.url);
    this.announce(ok ? this.messages.copied : this.messages.copyFailed, ok);
  });

  private onNative = guard(async () => {
    const detail = this.shares.ask({ network: 'native', url: this.taggedUrl('native'), via: 'button' });
    if (!detail) return;
    try {
      await navigator.share({ url: detail.url, title: this.target!.title, text: this.target!.text });
      this.shares.record(detail, this.countedUrl);
    } catch {
      // Dismissed by the reader, or refused by the browser: no share happened.
    }
  });

  private announce(message: string, copied: boolean): void {
    this.status = message;
    this.copied = copied;
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => {
      this.status = '';
      this.copied = false;
    }, 2500);
  }

  protected override render() {
    const m = this.messages;
    const layout = ['row', 'column', 'icons'].includes(this.layout) ? this.layout : 'row';
    const total = this.countData?.total;
    return html`<div
      part="base"
      class=${layout}
      role="group"
      aria-label=${this.label || m.share}
      lang=${m.$code}
      dir=${this.direction}
    >
      <ul part="list" role="list">
        ${this.keys.map((key) => html`<li part="item">${this.renderControl(key)}${this.renderCount(key)}</li>`)}
      </ul>
      ${this.showsCount(total)
        ? html`<span part="total" class="total"
            ><span class="figure" aria-hidden="true">${formatCount(m.$code, total)}</span
            ><span class="label">${plural(m.$code, m.shares, total)}</span></span
          >`
        : nothing}
      <span class="visually-hidden" role="status">${this.status}</span>
    </div>`;
  }

  private renderControl(key: string) {
    const target = { ...this.target!, url: this.taggedUrl(key) };
    return shareControl(key, this.messages, target, {
      link: this.onLinkClick,
      copy: this.onCopy,
      native: this.onNative,
      copied: this.copied,
    });
  }

  /**
   * A network's count, once known and at least `counts-min`: a badge on the link's
   * corner, outside it so that the link's visible text stays its accessible name, and
   * out of the flow so that it takes no room and moves nothing when it arrives.
   * Hidden from screen readers, which hear the total.
   */
  private renderCount(key: string) {
    const count = this.countData?.networks?.[key];
    if (!this.showsCount(count)) return nothing;
    return html`<span part="count" class="count" aria-hidden="true">${formatCount(this.messages.$code, count)}</span>`;
  }
}
