import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Api } from '../api.js';
import { generationsChart, networksChart } from '../charts.js';
import { conversionColumns, generationColumns, networkColumns, networkConversionColumns, type NetworkRow } from '../columns.js';
import { download, fileName, toJson, type Column } from '../export.js';
import type { Format } from '../format.js';
import { urlText } from '../url.js';
import { Loader } from '../load.js';
import type { DashboardMessages } from '../locales/index.js';
import { base } from '../styles.js';
import type { Cascade, Generation, Range, Report } from '../types.js';

/** Cascades listed in the table (the JSON export has them all). */
const shownCascades = 20;

/**
 * One page's report: figures, generations, networks, the largest cascades as trees, and
 * conversions by generation and by network.
 *
 * @tagname wom-page-detail
 * @summary The report of one page.
 */
export class WomPageDetail extends LitElement {
  static override styles = [
    base,
    css`
      dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.75rem; margin: 0; }
      dl div { background: var(--wom-panel); border-radius: 0.5rem; padding: 0.6rem 0.75rem; }
      dt { color: var(--wom-muted); font-size: 0.85rem; }
      dd { margin: 0; font-size: 1.3rem; font-weight: 650; font-variant-numeric: tabular-nums; }
      .grid { display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); }
      h2 { overflow-wrap: anywhere; }
      h4 { margin: 1rem 0 0.25rem; }
    `,
  ];

  static define(tag = 'wom-page-detail', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  @property({ attribute: false }) api?: Api;
  /** The page's URL. */
  @property() url = '';
  @property({ attribute: false }) range: Range = {};
  @property({ attribute: false }) rangeName = '';
  @property({ attribute: false }) messages?: DashboardMessages;
  @property({ attribute: false }) format?: Format;

  private data = new Loader<Report>(this, () => (this.api as Api).report(this.url, this.range));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('api') || changed.has('range') || changed.has('url')) && this.api && this.url) void this.data.reload();
  }

  protected override render() {
    const [m, f] = [this.messages, this.format];
    if (!m || !f) return null;
    return html`<p><a href="#overview">${m.back}</a></p>
      <h2>${urlText(this.url)}</h2>
      ${this.data.render(m, (report) => this.report(report, m, f))}`;
  }

  private report(report: Report, m: DashboardMessages, f: Format) {
    const file = (what: string) => `wom-${what}-${this.url}-${this.rangeName}`;
    const networks: NetworkRow[] = Object.entries(report.networks)
      .map(([name, n]) => ({ name, ...n, ...(report.conversionsByNetwork[name] ?? { conversions: 0, value: 0 }) }))
      .sort((a, b) => b.visits - a.visits || b.shares - a.shares || a.name.localeCompare(b.name));
    const figures: [string, string][] = [
      [m.views, f.count(report.views)],
      [m.shares, f.count(report.shares)],
      [m.visits, f.count(report.views - (report.generations[0]?.visits ?? 0))],
      [m.k, f.ratio(report.k)],
      [m.depth, f.count(report.depth)],
      [m.conversions, f.count(report.conversions)],
      [m.value, f.amount(report.value ?? 0)],
    ];
    return html`
      <section aria-labelledby="figures">
        <h3 id="figures" class="visually-hidden">${m.totals}</h3>
        <dl>${figures.map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>
      </section>
      <section>
        <wom-chart .messages=${m} heading=${m.generations} description=${m.generationsDescription} file=${file('generations')}
          .rows=${report.generations} .columns=${generationColumns(m, f)}
          .draw=${(rows: readonly Generation[], width: number) => generationsChart(rows, m, f, width)}></wom-chart>
      </section>
      <section>
        <wom-chart .messages=${m} heading=${m.networks} file=${file('networks')} .rows=${networks} .columns=${networkColumns(m, f)}
          .draw=${(rows: readonly NetworkRow[], width: number) => networksChart(rows, m, f, width)}></wom-chart>
      </section>
      ${this.cascades(report, m, f, file('cascades'))}
      <div class="grid">
        <section>
          <wom-chart .messages=${m} heading=${m.conversionsByGeneration} file=${file('conversions-by-generation')} open
            .rows=${report.generations} .columns=${conversionColumns(m, f)}></wom-chart>
        </section>
        <section>
          <wom-chart .messages=${m} heading=${m.conversionsByNetwork} file=${file('conversions-by-network')} open
            .rows=${networks} .columns=${networkConversionColumns(m, f)}></wom-chart>
        </section>
      </div>
      <section aria-labelledby="reviews">
        <h3 id="reviews">${m.reviewCount}</h3>
        ${report.reviewItems.length
          ? html`<ul>
              ${report.reviewItems.map(
                ({ item, reviews }) => html`<li><a href=${`#reviews=${encodeURIComponent(item)}`}>${item}</a>: ${f.count(reviews)}</li>`,
              )}
            </ul>`
          : html`<p>${m.noPageReviews}</p>`}
      </section>
      <div class="actions">
        <button type="button" @click=${() => download(fileName([file('report')], 'json'), toJson(report), 'application/json')}>${m.downloadJson}</button>
      </div>`;
  }

  private cascades({ cascades, trees }: Report, m: DashboardMessages, f: Format, file: string) {
    if (!cascades.length) return html`<section><h3>${m.cascades}</h3><p>${m.noCascades}</p></section>`;
    const columns: Column<Cascade>[] = [
      { header: m.cascade('').trim(), value: (c) => c.root },
      { header: m.size, value: (c) => c.size, text: (c) => f.count(c.size) },
      { header: m.depth, value: (c) => c.depth, text: (c) => f.count(c.depth) },
      { header: m.broadcast, value: (c) => c.broadcast, text: (c) => f.count(c.broadcast) },
      { header: m.virality, value: (c) => c.virality, text: (c) => f.ratio(c.virality) },
    ];
    return html`<section aria-labelledby="cascades">
      <h3 id="cascades">${m.cascades}</h3>
      <p class="muted">${m.cascadesDescription}</p>
      ${trees.map(
        ({ nodes }, i) => html`<h4>${m.cascade(f.count(i + 1))}</h4>
          <wom-cascade-tree .nodes=${nodes} .messages=${m} .format=${f}></wom-cascade-tree>`,
      )}
      <wom-chart .messages=${m} heading=${m.cascadeFigures} file=${file} open .rows=${cascades.slice(0, shownCascades)} .columns=${columns}></wom-chart>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wom-page-detail': WomPageDetail;
  }
}
