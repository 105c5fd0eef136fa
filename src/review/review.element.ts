import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { collectorUrl, getJson } from '../core/api.js';
import { emit, guard } from '../core/emit.js';
import { fitPost } from '../core/fit.js';
import { numberFormat, plural } from '../core/intl.js';
import { widgetStrings } from '../core/locale.js';
import { networks, parseNetworks } from '../core/networks.js';
import { pageTitle, pageUrl, safeHttpUrl } from '../core/referral.js';
import { enReview } from '../locales/en.js';
import type { ReviewMessages } from '../locales/messages.js';
import { track } from '../track/index.js';
import { shareControl } from '../ui/controls.js';
import { cssProps } from '../ui/css-props.js';
import { ShareController } from '../ui/share-controller.js';
import { WomElement } from '../ui/wom-element.js';
import { reviewJsonLd, structuredDataAdvice, writeJsonLd } from './json-ld.js';
import { relativeTime } from './relative-time.js';
import { reviewStyles } from './review.styles.js';
import {
  invalidField,
  limits,
  reviewsUrl,
  submitReview,
  toReviewData,
  withReview,
  type Review,
  type ReviewData,
  type ReviewField,
} from './reviews.js';

/** Detail of the `wom-review` event. */
export interface WomReviewDetail {
  item: string;
  /** 1 to 5. */
  rating: number;
  text: string;
}

type FormState = 'idle' | 'sending' | 'published' | 'held' | 'error';

/** Networks offered under each review: those that take a text as well as a link. */
const reviewNetworks = 'x facebook whatsapp telegram email';
/** The five stars of a rating display, each filled from the display's `--value` by CSS. */
const fiveStars = html`<span class="star"></span><span class="star"></span><span class="star"></span><span class="star"></span
  ><span class="star"></span>`;
const warned = new Set<string>();
/** One console warning per message per page. */
function warnOnce(message: string): void {
  if (!warned.has(message)) console.warn(`wom-review: ${message}`), warned.add(message);
}

/**
 * Reviews of one item: the aggregate rating with its distribution, the recent
 * reviews, and a form to add one. Reads the collector's `GET /api/reviews` (or a
 * static file in its shape) and writes schema.org JSON-LD into the document so
 * search engines see the rating.
 *
 * @tagname wom-review
 * @summary Star ratings and reviews with an accessible form, moderation-aware states and structured data.
 *
 * @fires wom-review - Before a review is sent; cancelable (`preventDefault()` keeps it from the collector). `detail`: `{item, rating, text}`.
 * @fires wom-share - Before a review is shared to a network; cancelable. `detail`: `{network, url, share, via: 'repost', text}`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart summary - The aggregate: average, stars and count.
 * @csspart average - The average rating, as a number.
 * @csspart stars - Every star display (aggregate and each review).
 * @csspart count - The number of reviews.
 * @csspart distribution - The list of bars, 5 stars to 1.
 * @csspart bar - Each bar's track.
 * @csspart list - The list of reviews.
 * @csspart review - Each review.
 * @csspart author - Each review's author.
 * @csspart date - Each review's date.
 * @csspart text - Each review's text.
 * @csspart share - Each review's share menu.
 * @csspart more - The "more reviews" button.
 * @csspart form - The review form.
 * @csspart rating - The star rating radio group.
 * @csspart field - The text area and the name input.
 * @csspart counter - The character counter.
 * @csspart button - The submit, retry and more buttons.
 * @csspart status - The form's status message (a live region).
 *
 * @cssprop [--wom-star-size=1.25rem] - Size of the stars in the aggregate and the form.
 * @cssprop --wom-star-color - Filled star color.
 * @cssprop --wom-star-empty - Empty star color.
 * @cssprop [--wom-gap=0.75rem] - Space between the parts.
 * @cssprop [--wom-radius=0.5rem] - Corner radius of fields and buttons.
 * @cssprop [--wom-font-size=0.9375rem] - Base text size.
 * @cssprop --wom-fg - Text color.
 * @cssprop --wom-muted - Secondary text color (dates, counter).
 * @cssprop --wom-bg - Field and button background.
 * @cssprop --wom-accent - Submit button background.
 * @cssprop --wom-focus - Focus ring color.
 */
export class WomReview extends WomElement {
  static override styles = reviewStyles;
  static override tag = 'wom-review';

  /** Id of the reviewed thing (required): `book-42`. */
  @property() item = '';

  /** Name of the reviewed thing, for structured data and shared quotes. Default: the document's title. */
  @property({ attribute: 'item-name' }) itemName?: string;

  /** schema.org type of the reviewed thing: `Book`, `Product`, `Recipe`… Google shows review snippets only for some types (see the README). */
  @property({ attribute: 'item-type' }) itemType = 'CreativeWork';

  /** The reviews are of someone else's organization or business (not self-serving): allows structured data for `Organization`, `LocalBusiness` and their subtypes. */
  @property({ type: Boolean }) independent = false;

  /** A static file in the shape of `GET /api/reviews`, instead of the collector (the form is hidden). */
  @property() src?: string;

  /** `full` (aggregate, distribution, reviews, form) or `badge` (stars, average and count on one line). */
  @property({ reflect: true }) layout: 'full' | 'badge' = 'full';

  /** Hide the form. */
  @property({ type: Boolean }) readonly = false;

  /** Reviews shown at first and added by each "more". */
  @property({ attribute: 'page-size', type: Number }) pageSize = 5;

  /** Space-separated networks offered to share each review. */
  @property() networks?: string;

  @state() private data?: ReviewData;
  @state() private loadState: 'loading' | 'ready' | 'failed' | 'off' = 'loading';
  /** How many of the loaded reviews are on show. */
  @state() private shown = 0;
  @state() private loadingMore = false;
  @state() private rating = 0;
  @state() private text = '';
  @state() private author = '';
  @state() private formState: FormState = 'idle';
  @state() private message = '';
  @state() private invalid?: ReviewField;

  private strings: ReviewMessages = enReview;
  /** The URL the current data came from (empty: none); a different one means load again. */
  private source?: string;
  private jsonLdItem?: string;
  /** The collector's form token for the next submission (it measures the fill time). */
  private formToken?: string;
  private shares = new ShareController(this);
  /** Index of the first review revealed by "more", to move focus there. */
  private focusIndex?: number;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.withdrawJsonLd();
  }

  /** `page-size` made safe: 1 to 50 (the collector's limit), else 5. */
  private get pageLength(): number {
    return Math.min(50, Math.max(1, Math.floor(this.pageSize) || 5));
  }

  /** Static mode reads a file; otherwise the collector. */
  private get isStatic(): boolean {
    return Boolean(this.src);
  }

  private get canWrite(): boolean {
    return !this.readonly && !this.isStatic && this.layout !== 'badge' && Boolean(collectorUrl('api/reviews'));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.strings = widgetStrings(this.messages, 'review', enReview);
    const source = this.sourceUrl();
    if ((source?.href ?? '') !== this.source) {
      this.source = source?.href ?? '';
      if (source) this.load(source);
      else this.loadState = 'off';
    }
    if (changed.has('itemType') || changed.has('independent')) {
      const { warning } = structuredDataAdvice(this.itemType, this.independent);
      if (warning) warnOnce(warning);
    }
  }

  /** Where the reviews come from, or undefined (with a warning) when there is nothing to read. */
  private sourceUrl(): URL | undefined {
    if (!this.item) {
      warnOnce('the "item" attribute is required (the id of the reviewed thing); nothing shown');
      return undefined;
    }
    if (this.src) {
      const file = safeHttpUrl(this.src);
      if (!file) warnOnce(`invalid src "${this.src}"; nothing shown`);
      return file ? new URL(file) : undefined;
    }
    const api = reviewsUrl(this.item, { limit: String(this.pageLength) });
    if (!api) warnOnce('no collector (data-collector on the script tag, or configure({collector})) and no src; nothing shown');
    return api;
  }

  private async load(source: URL, fresh = false): Promise<void> {
    this.loadState = 'loading';
    const data = toReviewData(await getJson(source, fresh), this.item);
    if (source.href !== this.source) return; // the item or source changed meanwhile
    this.data = data;
    this.formToken = data?.token;
    this.shown = Math.min(this.pageLength, data?.reviews.length ?? 0);
    this.loadState = data ? 'ready' : 'failed';
  }

  private get hasMore(): boolean {
    const data = this.data!;
    return this.shown < data.reviews.length || (!this.isStatic && data.reviews.length < data.count);
  }

  private onRetryLoad = guard(() => this.load(new URL(this.source!), true));

  private onMore = guard(async () => {
    const data = this.data!;
    this.focusIndex = this.shown;
    if (this.shown >= data.reviews.length) {
      const before = String(data.reviews[data.reviews.length - 1]?.ts ?? Date.now());
      const next = reviewsUrl(this.item, { limit: String(this.pageLength), before });
      this.loadingMore = true;
      const page = next && toReviewData(await getJson(next), this.item);
      this.loadingMore = false;
      if (this.data !== data) return;
      if (!page?.reviews.length) {
        // Nothing more after all (deleted meanwhile): stop offering more.
        this.data = { ...data, count: data.reviews.length };
        return;
      }
      this.data = { ...data, reviews: [...data.reviews, ...page.reviews] };
    }
    this.shown = Math.min(this.shown + this.pageLength, this.data!.reviews.length);
  });

  private onRate = (event: Event) => {
    this.rating = Number((event.target as HTMLInputElement).value);
    if (this.invalid === 'rating') this.invalid = undefined;
  };

  private onText = (event: Event) => {
    this.text = (event.target as HTMLTextAreaElement).value;
  };

  private onAuthor = (event: Event) => {
    this.author = (event.target as HTMLInputElement).value;
  };

  private onSubmit = guard(async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.formState === 'sending') return;
    const s = this.strings;
    const draft = { rating: this.rating, text: this.text, author: this.author };
    const field = invalidField(draft);
    if (field) return this.refuse(field);
    if (!emit<WomReviewDetail>(this, 'wom-review', { item: this.item, rating: draft.rating, text: draft.text })) return;
    this.invalid = undefined;
    this.setFormState('sending', s.sending);
    const website = this.renderRoot.querySelector<HTMLInputElement>('[name="website"]')?.value ?? '';
    const outcome = await submitReview(this.item, draft, { website, token: this.formToken });
    switch (outcome.status) {
      case 'published':
      case 'held':
        track('review', { item: this.item, rating: draft.rating });
        if (outcome.status === 'published' && this.data) {
          const review = { rating: draft.rating, text: draft.text, author: draft.author.trim() || null, ts: Date.now() };
          this.data = withReview(this.data, review);
          this.shown++;
        }
        this.rating = 0;
        this.text = '';
        this.formToken = outcome.token;
        return this.setFormState(outcome.status, s[outcome.status]);
      case 'invalid':
        if (outcome.field) return this.refuse(outcome.field);
        return this.setFormState('error', s.failed);
      case 'limited':
        return this.setFormState('error', s.rateLimited);
      default:
        return this.setFormState('error', s.failed);
    }
  });

  /** Says what is wrong with `field` and takes the reader there. */
  private async refuse(field: ReviewField): Promise<void> {
    const s = this.strings;
    const messages: Record<ReviewField, string> = {
      rating: s.chooseRating,
      text: s.textTooLong(this.format(limits.text)),
      author: s.nameTooLong(this.format(limits.author)),
    };
    this.invalid = field;
    this.setFormState('error', messages[field]);
    await this.updateComplete;
    const root = this.renderRoot;
    const target = field === 'rating' ? (root.querySelector('[name="rating"]:checked') ?? root.querySelector('#star-1')) : root.querySelector(`#${field}`);
    (target as HTMLElement | null)?.focus();
  }

  private setFormState(state: FormState, message: string): void {
    this.formState = state;
    this.message = message;
  }

  protected override updated(): void {
    this.syncJsonLd();
    if (this.focusIndex !== undefined && !this.loadingMore) {
      this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.focusIndex}"]`)?.focus();
      this.focusIndex = undefined;
    }
  }

  /** Keeps this element's structured data in the document in step with what it shows. */
  private syncJsonLd(): void {
    const data = this.data;
    if (this.jsonLdItem !== this.item) this.withdrawJsonLd();
    if (!data?.count || !this.isConnected || !structuredDataAdvice(this.itemType, this.independent).write) return this.withdrawJsonLd();
    const shown = this.layout === 'badge' ? [] : data.reviews.slice(0, this.shown);
    const name = this.itemName || document.title;
    this.jsonLdItem = this.item;
    writeJsonLd(this, this.item, reviewJsonLd(this.itemType, name, data, shown, this.strings.anonymous));
  }

  private withdrawJsonLd(): void {
    if (this.jsonLdItem !== undefined) writeJsonLd(this, this.jsonLdItem, undefined);
    this.jsonLdItem = undefined;
  }

  protected override render() {
    if (this.loadState === 'off') return nothing;
    const m = this.messages;
    const badge = this.layout === 'badge';
    return html`<div
      part="base"
      class=${badge ? 'badge' : 'full'}
      lang=${m.$code}
      dir=${this.direction}
      aria-busy=${this.loadState === 'loading' ? 'true' : 'false'}
    >
      ${this.renderSummary()}
      ${!badge && this.loadState === 'ready' ? [this.renderDistribution(), this.renderList()] : nothing}
      ${this.loadState === 'failed' ? this.renderLoadFailed() : nothing} ${this.canWrite ? this.renderForm() : nothing}
    </div>`;
  }

  /** A number in the locale's digits, with `digits` decimals. */
  private format(value: number, digits = 0): string {
    return numberFormat(this.messages.$code, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      value,
    );
  }

  /** Stars filled to `value` (fractions too), named "4.3 of 5 stars". */
  private renderStars(value: number, digits = 0) {
    return html`<span
      part="stars"
      class="stars"
      role="img"
      aria-label=${this.strings.starsOf(this.format(value, digits), this.format(5))}
      ${cssProps({ '--value': String(Math.max(0, Math.min(5, value))) })}
      >${fiveStars}</span
    >`;
  }

  private renderSummary() {
    const data = this.data;
    if (this.loadState === 'failed') return nothing;
    if (this.loadState === 'loading' || !data) {
      // Same size as the real thing: nothing moves when the data arrives.
      return html`<div part="summary" class="summary skeleton" aria-hidden="true"><span class="stars">${fiveStars}</span></div>`;
    }
    const s = this.strings;
    return html`<div part="summary" class="summary">
      ${data.count
        ? html`<span part="average" class="average" aria-hidden="true">${this.format(data.average, 1)}</span>
            ${this.renderStars(data.average, 1)}`
        : nothing}
      <span part="count" class="count">${data.count ? this.countText(data.count) : s.noReviews}</span>
    </div>`;
  }

  private countText(count: number): string {
    return plural(this.messages.$code, this.strings.reviews, count, this.format(count));
  }

  private renderDistribution() {
    const data = this.data!;
    if (!data.count) return nothing;
    const s = this.strings;
    const code = this.messages.$code;
    return html`<ul part="distribution" class="distribution" aria-label=${s.distribution}>
      ${[5, 4, 3, 2, 1].map((star) => {
        const count = data.distribution[star] ?? 0;
        return html`<li>
          <span class="label">${plural(code, s.stars, star, this.format(star))}</span>
          <span part="bar" class="bar" aria-hidden="true"
            ><span ${cssProps({ 'inline-size': `${(count / data.count) * 100}%` })}></span
          ></span>
          <span class="n" aria-hidden="true">${this.format(count)}</span>
          <span class="visually-hidden">${this.countText(count)}</span>
        </li>`;
      })}
    </ul>`;
  }

  private renderList() {
    const data = this.data!;
    if (!data.reviews.length) return nothing;
    return html`<ul part="list" class="list" aria-label=${this.strings.recent}>
        ${data.reviews.slice(0, this.shown).map((review, index) => this.renderReview(review, index))}
      </ul>
      ${this.hasMore
        ? html`<button type="button" part="more button" class="more" ?disabled=${this.loadingMore} @click=${this.onMore}>
            ${this.strings.more}
          </button>`
        : nothing}`;
  }

  private renderReview(review: Review, index: number) {
    const code = this.messages.$code;
    const date = new Date(review.ts);
    return html`<li part="review" class="review" data-index=${index} tabindex="-1">
      <div class="meta">
        ${this.renderStars(review.rating)}
        <span part="author" class="author" dir="auto">${review.author ?? this.strings.anonymous}</span>
        <time part="date" datetime=${date.toISOString()} title=${date.toLocaleString(code)}
          >${relativeTime(code, review.ts)}</time
        >
      </div>
      ${review.text ? html`<p part="text" class="text" dir="auto">${review.text}</p>` : nothing}
      ${this.renderShare(review)}
    </li>`;
  }

  /** Share links for one review, each with its own fresh referral id and the quote fitted to the network. */
  private renderShare(review: Review) {
    const m = this.messages;
    const keys = parseNetworks(this.networks || reviewNetworks).filter((key) => networks[key].intent);
    const author = review.author ?? this.strings.anonymous;
    const frame = (quote: string) => this.strings.quote(quote, author);
    const title = this.itemName || pageTitle();
    return html`<details part="share" class="share">
      <summary aria-label=${this.strings.shareReview}>${m.share}</summary>
      <ul role="list">
        ${keys.map((key) => {
          const url = this.shares.tag(pageUrl(), key, review);
          const text = review.text && fitPost(key, review.text, frame, url);
          const onLink = (event: MouseEvent) => this.onShare(event, review, key, url, text);
          return html`<li>${shareControl(key, m, { title, text, url }, { link: onLink, logos: false })}</li>`;
        })}
      </ul>
    </details>`;
  }

  private onShare = guard((event: MouseEvent, review: Review, network: string, url: string, text: string) => {
    const detail = this.shares.ask({ network, url, via: 'repost', text }, review);
    if (!detail) return event.preventDefault();
    this.shares.record(detail);
  });

  private renderLoadFailed() {
    return html`<p class="failed" role="alert">
      ${this.strings.loadFailed}
      <button type="button" part="button" @click=${this.onRetryLoad}>${this.strings.retry}</button>
    </p>`;
  }

  private renderForm() {
    const s = this.strings;
    const sending = this.formState === 'sending';
    const invalid = (field: ReviewField) => (this.invalid === field ? 'true' : 'false');
    return html`<form part="form" class="form" novalidate aria-labelledby="form-title" @submit=${this.onSubmit}>
      <p id="form-title" class="title">${s.formTitle}</p>
      <fieldset part="rating" class="rating">
        <legend>${s.yourRating}</legend>
        <div class="choices">
          ${[1, 2, 3, 4, 5].map(
            (n) => html`<input
                type="radio"
                id="star-${n}"
                name="rating"
                value=${n}
                .checked=${this.rating === n}
                aria-label=${s.starsOf(this.format(n), this.format(5))}
                aria-invalid=${invalid('rating')}
                aria-describedby="status"
                @change=${this.onRate}
              /><label for="star-${n}" class=${n <= this.rating ? 'on' : ''}
                ><span class="star"></span></label
              >`,
          )}
        </div>
      </fieldset>
      <label for="text">${s.yourReview}</label>
      <textarea
        id="text"
        part="field"
        rows="4"
        dir="auto"
        maxlength=${limits.text}
        .value=${this.text}
        aria-invalid=${invalid('text')}
        aria-describedby="counter"
        @input=${this.onText}
      ></textarea>
      <span id="counter" part="counter" class="counter"
        >${s.characters(this.format(this.text.length), this.format(limits.text))}</span
      >
      <label for="author">${s.yourName}</label>
      <input
        id="author"
        part="field"
        dir="auto"
        autocomplete="name"
        maxlength=${limits.author}
        .value=${this.author}
        aria-invalid=${invalid('author')}
        @input=${this.onAuthor}
      />
      <!-- Honeypot: bots fill every field; people and assistive technology never see this one. -->
      <div class="honeypot" inert>
        <label>Website <input name="website" tabindex="-1" autocomplete="off" /></label>
      </div>
      <div class="actions">
        <button type="submit" part="button" class="submit" ?disabled=${sending}>
          ${this.formState === 'error' ? s.retry : s.submit}
        </button>
        <p id="status" part="status" class="status ${this.formState}" role="status">${this.message}</p>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'wom-review': CustomEvent<WomReviewDetail>;
  }
}
