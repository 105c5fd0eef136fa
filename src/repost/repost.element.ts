import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { copyText } from '../core/clipboard.js';
import { guard } from '../core/emit.js';
import { fitPost } from '../core/fit.js';
import { widgetStrings } from '../core/locale.js';
import { parseNetworks, validHost } from '../core/networks.js';
import { pageTitle, pageUrl } from '../core/referral.js';
import { collapse, widenToWords, wordCount } from '../core/segment.js';
import { enRepost } from '../locales/en.js';
import type { RepostMessages } from '../locales/messages.js';
import { logo, networkLogosLoaded, shareControl } from '../ui/controls.js';
import { ShareController, type WomShareDetail } from '../ui/share-controller.js';
import { WomElement } from '../ui/wom-element.js';
import { place, type Box } from './placement.js';
import { repostStyles } from './repost.styles.js';
import { fragmentUrl, holdsTarget, parseTextDirectives, textDirective, type TextTarget } from './text-fragment.js';

/** What the open menu shares. */
interface Subject {
  /** The text to post: the quote (or the `text` attribute), or the selection. */
  text: string;
  /** The text on the page that the link points at; its lines are its blocks. */
  target: string;
  via: 'repost' | 'selection';
  /** The selected text, where the menu goes; default: next to the control. */
  range?: Range;
}

/** Fewest words a selection needs to be offered for sharing. */
const minWords = 3;

let arrivalTargets: TextTarget[] | undefined;

/** The text directives the page was opened with, read once: browsers hide them from `location`. */
function arrivals(): TextTarget[] {
  const entry = performance.getEntriesByType?.('navigation')[0];
  return (arrivalTargets ??= parseTextDirectives(entry?.name ?? location.href));
}

/**
 * Wraps a quote, testimonial or review and lets readers re-post exactly that text,
 * in the locale's quotation marks, with a link that scrolls the next reader to it
 * (a URL text fragment) and carries a fresh referral id. With `selection`, text the
 * reader selects inside can be shared too. The wrapped content is left as it is.
 *
 * @tagname wom-repost
 * @summary Re-post a quote, or a selection, with a link back to it.
 *
 * @slot - The quote: any content. A `<blockquote>` inside, if there is one, is the quote; else all of it.
 *
 * @fires wom-share - Before a share leaves for a network; cancelable (`preventDefault()` stops it). `detail`: `{network, url, share, via, text}` with `via` `repost` or `selection` and the quoted `text`.
 *
 * @csspart actions - The row holding the control, after the content.
 * @csspart control - The "Share quote" button.
 * @csspart icon - The control's and each network's logo.
 * @csspart label - The control's and each network's visible text.
 * @csspart menu - The popover with the networks, next to the control or the selection.
 * @csspart list - The list of networks in the menu.
 * @csspart item - Each list item.
 * @csspart button - Each network's link or button; also carries the network key as a part, e.g. `::part(telegram)`.
 *
 * @cssprop [--wom-size=2rem] - Height of the control and of each network button.
 * @cssprop [--wom-gap=0.5rem] - Space between the menu's buttons.
 * @cssprop [--wom-radius=0.5rem] - Corner radius of buttons and menu.
 * @cssprop [--wom-font-size=0.875rem] - Label size.
 * @cssprop --wom-bg - Button background (light and dark defaults).
 * @cssprop --wom-bg-hover - Button background on hover.
 * @cssprop --wom-fg - Text and icon color.
 * @cssprop [--wom-border=transparent] - Button border color.
 * @cssprop --wom-focus - Focus ring color.
 * @cssprop --wom-menu-bg - Menu background.
 * @cssprop --wom-menu-shadow - Menu shadow.
 *
 * @cssstate arrived - The page was opened through a link to this quote (also the `arrived` attribute).
 */
export class WomRepost extends WomElement {
  static override styles = repostStyles;
  static override tag = 'wom-repost';

  /** The text to post. Default: the quote's text. The link still points at the quote on the page. */
  @property() text?: string;

  /** Who said it; appended to the post: “…” — Ana Lima. */
  @property() author?: string;

  /** Where it was said (a book, a publication); appended after the author. */
  @property() cite?: string;

  /** Space-separated network keys, in display order (as on `<wom-share>`). */
  @property() networks?: string;

  /** Offer to share text the reader selects inside (at least three words). */
  @property({ type: Boolean }) selection = false;

  /** Mastodon instance host (`mastodon.social`); default: Mastodon's official share page. */
  @property({ attribute: 'mastodon-instance' }) mastodonInstance?: string;

  /** Text of the control. Default: the localized "Share quote". */
  @property() label?: string;

  /** Set when the page was opened through a link to this quote, so that sites can style it. */
  @property({ type: Boolean, reflect: true }) arrived = false;

  @state() private subject?: Subject;
  @state() private status = '';

  @query('[popover]') private menu!: HTMLElement;
  @query('[part~="control"]') private control!: HTMLButtonElement;

  private shares = new ShareController(this);
  private keys: string[] = [];
  private internals = this.attachInternals();
  /** The next menu's subject, when a selection opens it. */
  private pending?: Subject;
  /** Move the focus into the menu once it is placed (the key command). */
  private focusMenu = false;
  /** The target's top when the menu was placed, to tell when the page has moved. */
  private placedAt = 0;
  /** Whether a selection inside could be shared, to announce the key command once per selection. */
  private shareable = false;
  private statusTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pointerup', this.onPointerUp);
    document.addEventListener('selectionchange', this.onSelectionChange);
    document.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerup', this.onPointerUp);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    document.removeEventListener('keydown', this.onKeyDown);
    removeEventListener('scroll', this.onScroll, true);
    clearTimeout(this.statusTimer);
  }

  static override loads(el: WomRepost) {
    return [...super.loads(el), networkLogosLoaded(el.networks ?? el.getAttribute('networks'))];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('networks') || !this.keys.length) {
      this.keys = parseNetworks(this.networks).filter((key) => key !== 'native' || 'share' in navigator);
    }
  }

  protected override updated(): void {
    if (this.subject) this.placeMenu();
  }

  /**
   * Places the menu next to its target before it is painted, and focuses it when the
   * key command opened it. With real input, `beforetoggle` runs on an empty stack, so
   * this render happens inside `showPopover()`, before the menu is open and has a
   * size: then it is placed in the next animation frame, which comes before that
   * frame is painted.
   */
  private placeMenu = guard(() => {
    if (!this.subject) return;
    if (!this.menu.matches(':popover-open')) {
      requestAnimationFrame(() => this.menu.matches(':popover-open') && this.placeMenu());
      return;
    }
    const { width, height } = this.menu.getBoundingClientRect();
    const { clientWidth, clientHeight } = document.documentElement;
    const target = this.target();
    this.placedAt = target.top;
    const viewport = { width: clientWidth, height: clientHeight };
    const { left, top } = place(target, { width, height }, viewport, this.menu.dir === 'rtl', this.keepClear());
    this.menu.style.left = `${left}px`;
    this.menu.style.top = `${top}px`;
    if (this.focusMenu) {
      this.focusMenu = false;
      this.menu.querySelector<HTMLElement>('a, button')?.focus({ preventScroll: true });
    }
  });

  /** Where the open menu belongs: the selection, else the control. */
  private target(): Box {
    return (this.subject?.range ?? this.control).getBoundingClientRect();
  }

  /** What the menu must leave readable: for a selection, its block down to the end (the lines read next). */
  private keepClear(): Box {
    const range = this.subject?.range;
    const block = range && [...this.children].find((child) => child.contains(range.endContainer));
    return block ? block.getBoundingClientRect() : this.target();
  }

  private get strings(): RepostMessages {
    return widgetStrings(this.messages, 'repost', enRepost);
  }

  /** The wrapped quote: its first `<blockquote>`, else all the content. */
  private get quote(): HTMLElement {
    return this.querySelector('blockquote') ?? this;
  }

  private quoteSubject(): Subject {
    const target = this.quote.innerText;
    return { text: collapse(this.text || target), target, via: 'repost' };
  }

  /** The selection, when this element has `selection` and it lies inside, with a few words. */
  private selectedRange(): Range | undefined {
    const selection = getSelection();
    if (!this.selection || !selection?.rangeCount || selection.isCollapsed) return undefined;
    const range = selection.getRangeAt(0);
    const inside = this.contains(range.startContainer) && this.contains(range.endContainer);
    return inside && wordCount(selection.toString()) >= minWords ? range : undefined;
  }

  /** The selection as a subject, widened to whole words (a text fragment matches only those). */
  private selectionSubject(): Subject | undefined {
    const range = this.selectedRange();
    if (!range) return undefined;
    const { startContainer: from, startOffset, endContainer: to, endOffset } = range;
    const start = from instanceof Text ? widenToWords(from.data, startOffset, startOffset)[0] : startOffset;
    const end = to instanceof Text ? widenToWords(to.data, endOffset, endOffset)[1] : endOffset;
    const selection = getSelection()!;
    if (start !== startOffset || end !== endOffset) selection.setBaseAndExtent(from, start, to, end);
    const target = selection.toString();
    return { text: collapse(target), target, via: 'selection', range: selection.getRangeAt(0).cloneRange() };
  }

  /** Opens the menu for a selection; `focus` moves the focus into it. */
  private open(subject: Subject, focus: boolean): void {
    this.pending = subject;
    this.focusMenu = focus;
    this.menu.hidePopover();
    this.menu.showPopover();
  }

  private close = (): void => this.menu.hidePopover();

  /** Closes the menu once the page scrolls under it (not for a scroll that was already under way as it opened). */
  private onScroll = guard(() => {
    if (this.target().top !== this.placedAt) this.close();
  });

  private onPointerUp = (event: PointerEvent): void => {
    // Presses on the control and in the menu reach here retargeted to the host.
    if (event.target === this) return;
    // After this press's light dismiss, which would close a popover opened now.
    setTimeout(this.offerSelection);
  };

  private offerSelection = guard(() => {
    const subject = this.selectionSubject();
    if (subject) this.open(subject, false);
  });

  private onKeyDown = guard((event: KeyboardEvent) => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== 'KeyS') return;
    const subject = this.selectionSubject();
    if (!subject) return;
    event.preventDefault();
    this.open(subject, true);
  });

  private onSelectionChange = guard(() => {
    const shareable = !!this.selectedRange();
    if (shareable && !this.shareable) this.announce(this.strings.selectionHint);
    this.shareable = shareable;
  });

  /** Fixes what the menu shares as it opens (a selection, else the whole quote, with fresh share ids); closes it on scroll. */
  private onBeforeToggle = guard((event: ToggleEvent) => {
    if (event.newState !== 'open') {
      removeEventListener('scroll', this.onScroll, true);
      this.subject = undefined;
      return;
    }
    addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.subject = this.pending ?? this.selectionSubject() ?? this.quoteSubject();
    this.pending = undefined;
    // Now, not when placed: a scroll event may come before the next render.
    this.placedAt = this.target().top;
    this.shares.renew();
  });

  /** Marks the element when the page was opened through a text fragment pointing at its quote. */
  private checkArrival = guard(() => {
    if (this.arrived) return;
    const text = this.quote.innerText;
    if (!arrivals().some((target) => holdsTarget(text, target))) return;
    this.arrived = true;
    try {
      this.internals.states.add('arrived');
    } catch {
      // A browser without custom states: the `arrived` attribute still marks it.
    }
    // Browsers without text fragments don't scroll to it (unless the link had its id).
    if (!('fragmentDirective' in document)) this.scrollIntoView({ block: 'center' });
  });

  /** The link to share on `network`: the page with a referral id, pointing at the subject. */
  private link(network: string): string {
    const anchor = this.id || this.quote.id || undefined;
    return fragmentUrl(this.shares.tag(pageUrl(), network), textDirective(this.subject!.target), anchor);
  }

  /** The post for `network`: the quote in the locale's marks with its attribution, fitted to the network. */
  private post(network: string, url: string): string {
    const { open, close, by } = this.strings;
    const source = [this.author, this.cite].filter((part): part is string => !!part);
    const attribution = source.length ? by(source) : '';
    return fitPost(network, this.subject!.text, (quote) => open + quote + close + attribution, url);
  }

  /** Asks the host page; undefined when a listener cancels the share. */
  private ask(network: string): WomShareDetail | undefined {
    const { text, via } = this.subject!;
    return this.shares.ask({ network, url: this.link(network), via, text });
  }

  private onLinkClick = guard((event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const detail = this.ask((event.currentTarget as HTMLElement).dataset.network!);
    if (!detail) return event.preventDefault();
    this.shares.record(detail);
    setTimeout(this.close);
  });

  private onCopy = guard(async () => {
    const detail = this.ask('copy');
    if (!detail) return;
    this.shares.record(detail);
    const ok = await copyText(detail.url);
    this.announce(ok ? this.messages.copied : this.messages.copyFailed);
  });

  private onNative = guard(async () => {
    const detail = this.ask('native');
    if (!detail) return;
    try {
      await navigator.share({ url: detail.url, text: this.post('native', detail.url) });
      this.shares.record(detail);
    } catch {
      // Dismissed by the reader, or refused by the browser: no share happened.
    }
  });

  /** Says `message` to screen readers (and on the copy button, when it is about copying) for a moment. */
  private announce(message: string): void {
    this.status = message;
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => (this.status = ''), 2500);
  }

  protected override render() {
    const m = this.messages;
    const s = this.strings;
    const dir = this.direction;
    return html`<slot @slotchange=${this.checkArrival}></slot>
      <div part="actions" class="actions" lang=${m.$code} dir=${dir}>
        <button
          type="button"
          part="control"
          popovertarget="menu"
          aria-keyshortcuts=${this.selection ? 'Alt+Shift+S' : nothing}
        >
          ${logo('native')}<span part="label" class="label">${this.label || s.repost}</span>
        </button>
      </div>
      <div
        id="menu"
        part="menu"
        popover
        role="dialog"
        aria-label=${this.subject?.via === 'selection' ? s.selectionMenu : s.repostMenu}
        lang=${m.$code}
        dir=${dir}
        @beforetoggle=${this.onBeforeToggle}
      >
        ${this.subject
          ? html`<ul part="list" role="list">
              ${this.keys.map((key) => html`<li part="item">${this.renderNetwork(key)}</li>`)}
            </ul>`
          : nothing}
      </div>
      <span class="visually-hidden" role="status">${this.status}</span>`;
  }

  private renderNetwork(key: string) {
    const url = this.link(key);
    const target = { url, title: pageTitle(), text: this.post(key, url), mastodonInstance: validHost(this.mastodonInstance) };
    return shareControl(key, this.messages, target, {
      link: this.onLinkClick,
      copy: this.onCopy,
      native: this.onNative,
      copied: this.status === this.messages.copied,
    });
  }
}
