import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type Api } from '../api.js';
import type { Format } from '../format.js';
import { Loader } from '../load.js';
import type { DashboardMessages } from '../locales/index.js';
import { base } from '../styles.js';
import type { HeldReview, Moderation, PublishedReview, PublishedReviews } from '../types.js';

/** Whether a checkbox's change checked it. */
const checked = (e: Event) => (e.target as HTMLInputElement).checked;

/**
 * Moderation: the reviews held for review, publish / reject / delete one or many at once;
 * and the published reviews of an item. Review text is untrusted: it is only ever
 * rendered as text (Lit escapes it), with `dir="auto"` so a Persian review reads right.
 *
 * @tagname wom-reviews
 * @summary The review moderation queue.
 */
export class WomReviews extends LitElement {
  static override styles = [
    base,
    css`
      /* Wide enough to read on a phone (the table scrolls), broken inside a word only when one cannot fit. */
      td.text { white-space: pre-wrap; overflow-wrap: break-word; min-inline-size: 14rem; max-inline-size: 40rem; }
      form { display: flex; gap: 0.5rem; align-items: end; flex-wrap: wrap; margin-block-end: 0.75rem; }
      form label { display: grid; gap: 0.2rem; }
      .status { min-block-size: 1.5em; }
    `,
  ];

  static define(tag = 'wom-reviews', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  @property({ attribute: false }) api?: Api;
  @property({ attribute: false }) messages?: DashboardMessages;
  @property({ attribute: false }) format?: Format;
  /** The item whose published reviews are shown (from `#reviews=<item>`, or the form). */
  @property() item = '';

  @state() private selected = new Set<HeldReview['id']>();
  @state() private status = '';
  @state() private busy = false;

  private queue = new Loader<HeldReview[]>(this, () => (this.api as Api).pending());
  private published = new Loader<PublishedReviews>(this, () => (this.api as Api).published(this.item));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.queue.reload();
    if ((changed.has('api') || changed.has('item')) && this.api && this.item) void this.published.reload();
  }

  protected override render() {
    const [m, f] = [this.messages, this.format];
    if (!m || !f) return null;
    const missing = this.queue.status === 'error' && this.queue.error?.status === 404;
    return html`<h2>${m.reviews}</h2>
      <section>
        <h3 id="pending">${m.pending}</h3>
        ${missing ? html`<p>${m.notAvailable}</p>` : this.queue.render(m, (reviews) => this.pending(reviews, m, f))}
        <p class="status" role="status">${this.status}</p>
      </section>
      <section>
        <h3 id="published">${m.published}</h3>
        <form @submit=${this.showItem}>
          <label>${m.item}<input name="item" required .value=${this.item} /></label>
          <button type="submit">${m.show}</button>
        </form>
        ${this.published.render(m, (data) => (data.reviews.length ? this.list(data.reviews, m, f) : html`<p>${m.noReviews}</p>`))}
      </section>`;
  }

  private pending(reviews: HeldReview[], m: DashboardMessages, f: Format) {
    if (!reviews.length) return html`<p>${m.noPending}</p>`;
    const all = reviews.every((r) => this.selected.has(r.id));
    const toggle = (id: HeldReview['id'], on: boolean) => {
      const next = new Set(this.selected);
      if (on) next.add(id);
      else next.delete(id);
      this.selected = next;
    };
    return html`<div class="actions" role="group" aria-label=${m.pending}>
        ${(['publish', 'reject', 'delete'] as const).map(
          (action) => html`<button type="button" ?disabled=${!this.selected.size || this.busy} @click=${() => this.moderate(action)}>${m.actions[action]}</button>`,
        )}
      </div>
      ${this.list(reviews, m, f, {
        all,
        selectAll: (on) => (this.selected = on ? new Set(reviews.map((r) => r.id)) : new Set()),
        lead: (r) =>
          html`<td><input type="checkbox" aria-label=${m.select(r.author || m.anonymous)} .checked=${this.selected.has(r.id)} @change=${(e: Event) => toggle(r.id, checked(e))} /></td>
            <td dir="auto">${r.site}</td><td dir="auto">${r.item}</td>`,
      })}`;
  }

  /** The reviews as a table; with `selection`, each row leads with `lead`'s cells (its checkbox, site and item). */
  private list<R extends PublishedReview>(
    reviews: R[],
    m: DashboardMessages,
    f: Format,
    selection?: { all: boolean; selectAll: (on: boolean) => void; lead: (review: R) => TemplateResult },
  ) {
    // The table scrolls in its own region, named by its section's heading.
    return html`<div class="scroll" role="region" tabindex="0" aria-labelledby=${selection ? 'pending' : 'published'}><table>
      <thead><tr>
        ${selection
          ? html`<th scope="col"><input type="checkbox" aria-label=${m.selectAll} .checked=${selection.all} @change=${(e: Event) => selection.selectAll(checked(e))} /></th>`
          : null}
        ${selection ? html`<th scope="col">${m.site}</th><th scope="col">${m.item}</th>` : null}
        <th scope="col" class="n">${m.rating}</th><th scope="col">${m.text}</th><th scope="col">${m.author}</th><th scope="col">${m.date}</th>
      </tr></thead>
      <tbody>
        ${reviews.map(
          (r) => html`<tr>
            ${selection?.lead(r)}
            <td class="n">${f.count(r.rating)}</td>
            <td class="text" dir="auto">${r.text}</td>
            <td dir="auto">${r.author || m.anonymous}</td>
            <td>${f.time(r.ts)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  private async moderate(action: Moderation) {
    const [api, m, f] = [this.api as Api, this.messages as DashboardMessages, this.format as Format];
    const ids = [...this.selected];
    this.busy = true;
    this.status = m.loading;
    try {
      await api.moderate(ids, action);
      this.selected = new Set();
      this.status = m.moderated(f.count(ids.length));
    } catch (error) {
      this.status = m.loadFailed(error instanceof ApiError && error.status ? error.message : m.unreachable);
    }
    this.busy = false;
    await this.queue.reload();
    if (this.item) await this.published.reload();
  }

  /** Shows an item's reviews through the address, so the view can be linked and reloaded. */
  private showItem(event: SubmitEvent) {
    event.preventDefault();
    const item = String(new FormData(event.target as HTMLFormElement).get('item') ?? '').trim();
    if (item) location.hash = `reviews=${encodeURIComponent(item)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wom-reviews': WomReviews;
  }
}
