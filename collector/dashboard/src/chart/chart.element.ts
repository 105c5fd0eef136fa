import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { download, fileName, toCsv, type Column } from '../export.js';
import type { DashboardMessages } from '../locales/index.js';
import { base, plotStyles } from '../styles.js';

/** The widest a chart is drawn, in CSS pixels. */
const maxWidth = 960;

/**
 * A figure: a chart drawn by Observable Plot, its text alternative (the same data as a
 * table) and a CSV download of that table. The chart is hidden from assistive technology
 * because the table says the same thing in a form it reads well.
 *
 * @tagname wom-chart
 * @summary A chart with the table behind it and its CSV export.
 * @slot legend - A legend under the chart.
 */
export class WomChart<T = unknown> extends LitElement {
  static override styles = [
    base,
    plotStyles,
    css`
      figure { margin: 0; }
    `,
  ];

  static define(tag = 'wom-chart', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** The figure's heading. */
  @property() heading = '';
  /** One sentence saying what the chart shows. */
  @property() description = '';
  /** Draws the chart (an Observable Plot call) at a width in CSS pixels; absent: the table alone. */
  @property({ attribute: false }) draw?: (rows: readonly T[], width: number) => Element;
  /** The data, one row per table line. */
  @property({ attribute: false }) rows: readonly T[] = [];
  /** The table's (and the CSV's) columns. */
  @property({ attribute: false }) columns: readonly Column<T>[] = [];
  /** Stem of the CSV file name. */
  @property() file = 'wom';
  /** Shows the table open, for figures whose table is the main content. */
  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) messages?: DashboardMessages;

  private chart?: Element;
  /**
   * The figure's width: charts are drawn at it, so that their text keeps its size on a
   * phone instead of shrinking with a wide drawing. Until measured, the widest drawing.
   */
  @state() private width = maxWidth;
  private resize = new ResizeObserver(([entry]) => {
    const width = Math.min(maxWidth, Math.round(entry.contentRect.width));
    if (width > 0 && Math.abs(width - this.width) >= 8) this.width = width;
  });

  /** Watches the figure rendered last (none until messages arrive). */
  protected override updated(): void {
    this.resize.disconnect();
    const figure = this.renderRoot.querySelector('figure');
    if (figure && this.isConnected) this.resize.observe(figure);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // moved in the page: watch the figure again
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this> & Map<'width', number>): void {
    if (changed.has('draw') || changed.has('rows') || changed.has('width')) {
      this.chart = this.draw && this.rows.length ? this.draw(this.rows, this.width) : undefined;
    }
  }

  protected override render() {
    const m = this.messages;
    if (!m) return null;
    return html`<figure aria-labelledby="heading">
      <h3 id="heading">${this.heading}</h3>
      ${this.description ? html`<p class="muted">${this.description}</p>` : null}
      ${this.chart ? html`<div class="plot" aria-hidden="true">${this.chart}</div><slot name="legend"></slot>` : null}
      <details ?open=${this.open || !this.chart}>
        <summary>${m.dataTable}</summary>
        <div class="scroll" role="region" tabindex="0" aria-label=${this.heading}>
          <table>
            <caption class="visually-hidden">${this.heading}</caption>
            <thead><tr>${this.columns.map((c, i) => html`<th scope="col" class=${i ? 'n' : ''}>${c.header}</th>`)}</tr></thead>
            <tbody>
              ${this.rows.map(
                (row) => html`<tr>${this.columns.map((c, i) => {
                  const text = c.text ? c.text(row) : String(c.value(row) ?? '');
                  return i ? html`<td class="n">${text}</td>` : html`<th scope="row">${text}</th>`;
                })}</tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
      <div class="actions">
        <button type="button" @click=${this.downloadCsv}>${m.downloadCsv}<span class="visually-hidden">: ${this.heading}</span></button>
      </div>
    </figure>`;
  }

  private downloadCsv = () => download(fileName([this.file], 'csv'), toCsv(this.rows, this.columns), 'text/csv;charset=utf-8');
}

declare global {
  interface HTMLElementTagNameMap {
    'wom-chart': WomChart;
  }
}
