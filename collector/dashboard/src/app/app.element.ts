import { LitElement, css, html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { Api, ApiError } from '../api.js';
import { formatFor } from '../format.js';
import { unauthorized } from '../load.js';
import { locales, pickLocale, type DashboardMessages } from '../locales/index.js';
import { customRange, isoDay, presetRange, presets, type Preset } from '../range.js';
import type { SignInDetail } from '../sign-in/sign-in.element.js';
import { base } from '../styles.js';
import type { Range } from '../types.js';

/** Where the token is kept: this tab's session only (never a cookie, never localStorage). */
const tokenKey = 'wom-dashboard-token';
/** What the token may do (`GET /api/access`), kept beside it so that a reload draws the same views. */
const rightsKey = 'wom-dashboard-rights';

/** What a signed-in token may do, as the collector answers `GET /api/access`. */
type Right = 'read' | 'moderate' | 'administer';
const localeKey = 'wom-dashboard-locale';

/** The view named by the address's hash: `#overview`, `#page=<url>`, `#reviews[=<item>]`. */
type Route = { view: 'overview' } | { view: 'page'; url: string } | { view: 'reviews'; item: string };

export function parseRoute(hash: string): Route {
  const [name, value = ''] = hash.replace(/^#/, '').split(/=(.*)/s);
  if (name === 'page' && value) return { view: 'page', url: decodeURIComponent(value) };
  if (name === 'reviews') return { view: 'reviews', item: decodeURIComponent(value) };
  return { view: 'overview' };
}

/**
 * The marketers' dashboard: sign-in, then the overview, a page's report and the reviews,
 * for a chosen time range, in the chosen language. It reads only the collector's report
 * and moderation APIs.
 *
 * @tagname wom-dashboard
 * @summary The marketers' dashboard.
 */
export class WomDashboard extends LitElement {
  static override styles = [
    base,
    css`
      :host { background: var(--wom-panel); min-block-size: 100vh; }
      header { background: var(--wom-paper); border-block-end: 1px solid var(--wom-line); padding: 0.75rem 1.25rem; }
      .bar { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; justify-content: space-between; }
      h1 { font-size: 1.2rem; margin: 0; }
      nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
      nav a { text-decoration: none; padding: 0.25rem 0.1rem; border-block-end: 3px solid transparent; }
      nav a[aria-current='page'] { border-color: var(--wom-accent); font-weight: 600; }
      .controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; }
      .controls label { display: grid; gap: 0.15rem; font-size: 0.85rem; color: var(--wom-muted); }
      fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 0.5rem; align-items: end; }
      legend { font-size: 0.85rem; color: var(--wom-muted); padding: 0; }
      main { padding: 1.25rem; max-inline-size: 80rem; margin-inline: auto; }
    `,
  ];

  static define(tag = 'wom-dashboard', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  @state() private api?: Api;
  @state() private rights: readonly Right[] = [];
  @state() private messages: DashboardMessages = pickLocale([sessionStorage.getItem(localeKey), ...navigator.languages]);
  @state() private route: Route = parseRoute(location.hash);
  @state() private preset: Preset = '30d';
  @state() private range: Range = presetRange('30d', Date.now());
  @state() private signInError = '';
  @state() private checking = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.addEventListener(unauthorized, this.signOut);
    const token = sessionStorage.getItem(tokenKey);
    const rights = JSON.parse(sessionStorage.getItem(rightsKey) ?? '[]') as Right[];
    if (token && rights.length) [this.api, this.rights] = [new Api(token), rights];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    this.removeEventListener(unauthorized, this.signOut);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('messages')) {
      // The whole page follows the language: screen readers and bidi layout read <html>.
      document.documentElement.lang = this.messages.$code;
      document.documentElement.dir = this.messages.$dir;
      document.title = this.messages.title;
    }
  }

  protected override render() {
    const m = this.messages;
    const f = formatFor(m.$code);
    return html`<header>
        <div class="bar">
          <h1>${m.title}</h1>
          ${this.api ? this.nav(m) : null}
          <div class="controls">
            ${this.api && this.views().figures ? this.rangePicker(m) : null}
            <label>${m.language}
              <select @change=${this.changeLocale}>
                ${locales.map((l) => html`<option value=${l.$code} lang=${l.$code} ?selected=${l === m}>${languageName(l.$code)}</option>`)}
              </select>
            </label>
            ${this.api ? html`<button type="button" @click=${this.signOut}>${m.signOut}</button>` : null}
          </div>
        </div>
      </header>
      <main>${this.api ? this.view(this.api, m, f) : html`<wom-sign-in .messages=${m} .error=${this.signInError} ?busy=${this.checking} @wom-sign-in=${this.signIn}></wom-sign-in>`}</main>`;
  }

  /** The views the token may see, and the route drawn: an unreadable route falls back to the other view. */
  private views() {
    const figures = this.rights.includes('read');
    const reviews = this.rights.includes('moderate');
    const route: Route = this.route.view === 'reviews' ? (reviews ? this.route : { view: 'overview' }) : figures ? this.route : { view: 'reviews', item: '' };
    return { figures, reviews, route };
  }

  private nav(m: DashboardMessages) {
    const { figures, reviews, route } = this.views();
    const current = (view: Route['view']) => (route.view === view || (view === 'overview' && route.view === 'page') ? 'page' : 'false');
    return html`<nav aria-label=${m.navigation}>
      <ul>
        ${figures ? html`<li><a href="#overview" aria-current=${current('overview')}>${m.overview}</a></li>` : null}
        ${reviews ? html`<li><a href="#reviews" aria-current=${current('reviews')}>${m.reviews}</a></li>` : null}
      </ul>
    </nav>`;
  }

  private rangePicker(m: DashboardMessages) {
    const custom = this.preset === 'custom';
    return html`<label>${m.range}
        <select @change=${this.changePreset}>
          ${presets.map((p) => html`<option value=${p} ?selected=${p === this.preset}>${m.presets[p]}</option>`)}
        </select>
      </label>
      ${custom
        ? html`<form @submit=${this.applyCustom}>
            <fieldset>
              <legend class="visually-hidden">${m.presets.custom}</legend>
              <label>${m.from}<input type="date" name="from" .value=${this.range.from ? isoDay(this.range.from) : ''} /></label>
              <label>${m.to}<input type="date" name="to" .value=${this.range.to ? isoDay(this.range.to - 1) : ''} /></label>
              <button type="submit">${m.apply}</button>
            </fieldset>
          </form>`
        : null}`;
  }

  private view(api: Api, m: DashboardMessages, f: ReturnType<typeof formatFor>) {
    const rangeName = [this.range.from, this.range.to && this.range.to - 1].map((t) => (t ? isoDay(t) : 'all')).join('-');
    const { route } = this.views();
    switch (route.view) {
      case 'page':
        return html`<wom-page-detail .api=${api} .url=${route.url} .range=${this.range} .rangeName=${rangeName} .messages=${m} .format=${f}></wom-page-detail>`;
      case 'reviews':
        return html`<wom-reviews .api=${api} .item=${route.item} .messages=${m} .format=${f}></wom-reviews>`;
      default:
        return html`<wom-overview .api=${api} .range=${this.range} .rangeName=${rangeName} .messages=${m} .format=${f}></wom-overview>`;
    }
  }

  /** Asks the collector what the token may do before keeping it: each level sees its own views. */
  private signIn = async (event: CustomEvent<SignInDetail>) => {
    const api = new Api(event.detail.token);
    this.checking = true;
    this.signInError = '';
    try {
      const { rights } = await api.request<{ rights: Right[] }>('api/access');
      sessionStorage.setItem(tokenKey, api.token);
      sessionStorage.setItem(rightsKey, JSON.stringify(rights));
      [this.api, this.rights] = [api, rights];
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      this.signInError = status === 401 || status === 403 ? this.messages.wrongToken : this.messages.loadFailed(status ? (error as Error).message : this.messages.unreachable);
    }
    this.checking = false;
  };

  private signOut = (event: Event) => {
    sessionStorage.removeItem(tokenKey);
    sessionStorage.removeItem(rightsKey);
    [this.api, this.rights] = [undefined, []];
    // Signed out by the collector (401): say why on the sign-in form.
    this.signInError = event.type === unauthorized ? this.messages.wrongToken : '';
  };

  private onHash = () => {
    this.route = parseRoute(location.hash);
  };

  private changeLocale = (event: Event) => {
    const code = (event.target as HTMLSelectElement).value;
    sessionStorage.setItem(localeKey, code);
    this.messages = pickLocale([code]);
  };

  private changePreset = (event: Event) => {
    this.preset = (event.target as HTMLSelectElement).value as Preset;
    if (this.preset !== 'custom') this.range = presetRange(this.preset, Date.now());
  };

  private applyCustom = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.range = customRange(String(data.get('from') ?? ''), String(data.get('to') ?? ''));
  };
}

/** A language's own name for itself (Deutsch, فارسی). */
const languageName = (code: string) => new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;

declare global {
  interface HTMLElementTagNameMap {
    'wom-dashboard': WomDashboard;
  }
}
