import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { download, fileName, toCsv, type Column } from '../export.js';
import type { DashboardMessages } from '../locales/index.js';
import { base, plotStyles } from '../styles.js';

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
      .table { overflow-x: auto; }
    `,
  ];

  static define(tag = 'wom-chart', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** The figure's heading. */
  @property() heading = '';
  /** One sentence saying what the chart shows. */
  @property() description = '';
  /** Draws the chart (an Observable Plot call); absent: the table alone. */
  @property({ attribute: false }) draw?: (rows: readonly T[]) => Element;
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draw') || changed.has('rows')) this.chart = this.draw && this.rows.length ? this.draw(this.rows) : undefined;
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
        <div class="table">
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
