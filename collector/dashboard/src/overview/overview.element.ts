import { LitElement, css, html, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Api, ApiError } from '../api.js';
import { dailyChart } from '../charts.js';
import { dayColumns, pageColumns } from '../columns.js';
import { download, fileName, toCsv, toJson } from '../export.js';
import type { Format } from '../format.js';
import { urlText } from '../url.js';
import { Loader } from '../load.js';
import type { DashboardMessages } from '../locales/index.js';
import { series, base } from '../styles.js';
import { nextSort, tableView, type TableState } from '../table.js';
import type { Day, Overview, PageRow, Range } from '../types.js';

type SortKey = keyof PageRow;

/**
 * The site overview for a time range: totals, the daily series and the pages table
 * (sortable by each column, filterable, paged), with CSV and JSON exports.
 *
 * @tagname wom-overview
 * @summary The site overview.
 */
export class WomOverview extends LitElement {
  static override styles = [
    base,
    css`
      dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: 0.75rem; margin: 0; }
      dl div { background: var(--wom-panel); border-radius: 0.5rem; padding: 0.75rem; }
      dt { color: var(--wom-muted); font-size: 0.85rem; }
      dd { margin: 0; font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; }
      .legend { display: flex; gap: 1rem; flex-wrap: wrap; padding: 0; margin: 0.5rem 0 0; list-style: none; font-size: 0.9rem; }
      .legend svg { vertical-align: middle; margin-inline-end: 0.35rem; }
      th button { border: 0; background: none; padding: 0; font-weight: 600; text-align: inherit; }
      /* The arrow is decoration: aria-sort says it; the empty alt keeps it out of the name. */
      th[aria-sort='descending'] button::after { content: ' ▼' / ''; }
      th[aria-sort='ascending'] button::after { content: ' ▲' / ''; }
      .tools { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; justify-content: space-between; margin-block-end: 0.75rem; }
      .tools label { display: grid; gap: 0.2rem; }
    `,
  ];

  static define(tag = 'wom-overview', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  @property({ attribute: false }) api?: Api;
  @property({ attribute: false }) range: Range = {};
  /** Names the range in export file names (`2026-11-01-2026-11-30`). */
  @property({ attribute: false }) rangeName = '';
  @property({ attribute: false }) messages?: DashboardMessages;
  @property({ attribute: false }) format?: Format;

  @state() private exportError = '';
  @state() private table: TableState<SortKey> = { sort: 'views', direction: 'descending', filter: '', page: 0, pageSize: 20 };

  private data = new Loader<Overview>(this, () => (this.api as Api).overview(this.range));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('range')) && this.api) {
      this.table = { ...this.table, page: 0 };
      void this.data.reload();
    }
  }

  protected override render() {
    const [m, f] = [this.messages, this.format];
    if (!m || !f) return null;
    return html`<h2>${m.overview}</h2>${this.data.render(m, (overview) => (overview.pages.length ? this.report(overview, m, f) : this.empty(m)))}`;
  }

  private report(overview: Overview, m: DashboardMessages, f: Format) {
    const t = overview.totals;
    const figures: [string, string][] = [
      [m.views, f.count(t.views)],
      [m.shares, f.count(t.shares)],
      [m.visits, f.count(t.visits)],
      [m.k, f.ratio(t.k)],
      [m.depth, f.count(t.depth)],
      [m.conversions, f.count(t.conversions)],
      [m.value, f.amount(t.value)],
      [m.reviewCount, f.count(t.reviews)],
    ];
    return html`
      <section aria-labelledby="totals">
        <h3 id="totals">${m.totals}</h3>
        <dl>${figures.map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>
      </section>
      <section>
        <wom-chart .messages=${m} heading=${m.daily} description=${m.dailyDescription} file=${`wom-daily-${this.rangeName}`}
          .rows=${overview.daily} .columns=${dayColumns(m, f)} .draw=${(days: readonly Day[], width: number) => dailyChart(days, f, width)}>
          <ul slot="legend" class="legend">${(['views', 'shares', 'visits'] as const).map((key) => html`<li>${swatch(key)}${m[key]}</li>`)}</ul>
        </wom-chart>
      </section>
      ${this.pagesTable(overview.pages, m, f)}
      <section aria-labelledby="export">
        <h3 id="export" class="visually-hidden">${m.downloadJson}</h3>
        <div class="actions">
          <button type="button" @click=${() => this.downloadJson(overview)}>${m.downloadJson}</button>
          <span>${m.exportEvents}:</span>
          <button type="button" @click=${() => this.downloadEvents('csv')}>CSV<span class="visually-hidden"> (${m.exportEvents})</span></button>
          <button type="button" @click=${() => this.downloadEvents('json')}>JSON<span class="visually-hidden"> (${m.exportEvents})</span></button>
        </div>
        <p class="error" role="alert" ?hidden=${!this.exportError}>${this.exportError}</p>
      </section>`;
  }

  private pagesTable(pages: PageRow[], m: DashboardMessages, f: Format) {
    const columns = pageColumns(m, f);
    const keys: SortKey[] = ['url', 'views', 'shares', 'visits', 'k', 'depth'];
    const view = tableView(pages, this.table, 'url');
    const set = (change: Partial<TableState<SortKey>>) => (this.table = { ...this.table, ...change });
    return html`<section>
      <div class="tools">
        <h3 id="pages">${m.pages}</h3>
        <label>${m.filter}<input type="search" .value=${this.table.filter} @input=${(e: InputEvent) => set({ filter: (e.target as HTMLInputElement).value, page: 0 })} /></label>
      </div>
      <div class="scroll" role="region" tabindex="0" aria-labelledby="pages">
      <table aria-labelledby="pages" aria-describedby="sorted">
        <thead><tr>
          ${columns.map((c, i) => {
            const key = keys[i];
            const sorted = this.table.sort === key ? this.table.direction : undefined;
            return html`<th scope="col" class=${i ? 'n' : ''} aria-sort=${sorted ?? 'none'}>
              <button type="button" @click=${() => (this.table = nextSort(this.table, key))}>${c.header}</button>
            </th>`;
          })}
        </tr></thead>
        <tbody>
          ${view.rows.map(
            (page) => html`<tr>
              <th scope="row"><a href=${`#page=${encodeURIComponent(page.url)}`}>${urlText(page.url)}</a></th>
              ${columns.slice(1).map((c) => html`<td class="n">${c.text?.(page)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
      <p id="sorted" class="visually-hidden">${m.sortedBy(columns[keys.indexOf(this.table.sort)].header, this.table.direction === 'ascending')}</p>
      <div class="actions">
        <button type="button" ?disabled=${view.page === 0} @click=${() => set({ page: view.page - 1 })}>${m.previous}</button>
        <span role="status">${m.pageOf(f.count(view.page + 1), f.count(view.pages))} <span class="muted">(${f.plural(m.matching, view.matching)})</span></span>
        <button type="button" ?disabled=${view.page >= view.pages - 1} @click=${() => set({ page: view.page + 1 })}>${m.next}</button>
        <button type="button" @click=${() => this.downloadCsv(pages, m, f)}>${m.downloadCsv}<span class="visually-hidden">: ${m.pages}</span></button>
      </div>
    </section>`;
  }

  private empty(m: DashboardMessages) {
    const tag = `<script src="/path/to/wom.min.js" defer\n        data-collector="${new URL('../e', location.href)}"></script>`;
    return html`<section>
      <p><strong>${m.noData}</strong></p>
      <p>${m.noDataHelp}</p>
      <pre><code>${tag}</code></pre>
    </section>`;
  }

  private downloadCsv(pages: PageRow[], m: DashboardMessages, f: Format) {
    download(fileName(['wom-pages', this.rangeName], 'csv'), toCsv(pages, pageColumns(m, f)), 'text/csv;charset=utf-8');
  }

  /** The raw events of the range, with the wire format's field names as headers. */
  private async downloadEvents(type: 'csv' | 'json') {
    this.exportError = '';
    let events: Record<string, string | number | null>[];
    try {
      events = await (this.api as Api).events(this.range);
    } catch (error) {
      const m = this.messages as DashboardMessages;
      this.exportError = m.loadFailed((error as ApiError).status ? (error as ApiError).message : m.unreachable);
      return;
    }
    const name = fileName(['wom-events', this.rangeName], type);
    if (type === 'json') return download(name, toJson(events), 'application/json');
    const columns = Object.keys(events[0] ?? {}).map((key) => ({ header: key, value: (e: (typeof events)[number]) => e[key] }));
    download(name, toCsv(events, columns), 'text/csv;charset=utf-8');
  }

  private downloadJson(overview: Overview) {
    download(fileName(['wom-overview', this.rangeName], 'json'), toJson(overview), 'application/json');
  }
}

/** A legend swatch drawn like the series: its color, dash and symbol. */
const swatch = (key: keyof typeof series) => {
  const { color, dash, symbol } = series[key];
  const mark =
    symbol === 'circle'
      ? svg`<circle cx="14" cy="6" r="3" fill=${color}></circle>`
      : symbol === 'square'
        ? svg`<rect x="11" y="3" width="6" height="6" fill=${color}></rect>`
        : svg`<path d="M14 2.5 L17.5 9 L10.5 9 Z" fill=${color}></path>`;
  return html`<svg width="28" height="12" aria-hidden="true"><line x1="0" y1="6" x2="28" y2="6" stroke=${color} stroke-width="2" stroke-dasharray=${dash}></line>${mark}</svg>`;
};

declare global {
  interface HTMLElementTagNameMap {
    'wom-overview': WomOverview;
  }
}
