import { html, type TemplateResult } from 'lit';

/**
 * A URL as text: isolated left to right, so that a right-to-left page does not reorder it
 * ("/http://…"), and breakable after each `/`, `?` and `&` rather than letter by letter.
 */
export const urlText = (url: string): TemplateResult =>
  html`<bdi dir="ltr" class="url">${url.split(/(?<=[/?&])(?!\/)/).map((part, i) => (i ? html`<wbr />${part}` : part))}</bdi>`;
