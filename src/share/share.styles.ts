import { css } from 'lit';
import { themeStyles } from '../core/theme.styles.js';

export const shareStyles = [
  themeStyles,
  css`
  :host {
    --wom-size: 2.5rem;
    --wom-gap: 0.5rem;
    --wom-font-size: 0.875rem;
    /* Reserve the row's height before the first render so nothing shifts. */
    min-block-size: var(--wom-size);
  }
  [part~='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--wom-gap);
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--wom-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .column,
  .column ul {
    flex-direction: column;
    align-items: stretch;
  }
  a,
  button {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    min-block-size: var(--wom-size);
    min-inline-size: var(--wom-size);
    padding-block: 0;
    padding-inline: 0.8em;
    border: 1px solid var(--wom-border);
    border-radius: var(--wom-radius);
    background: var(--wom-bg);
    color: var(--wom-fg);
    font: inherit;
    font-size: var(--wom-font-size);
    line-height: 1;
    text-decoration: none;
    cursor: pointer;
  }
  li {
    position: relative;
    display: flex;
    align-items: center;
  }
  .column a,
  .column button {
    flex: 1;
  }
  a:hover,
  button:hover {
    background: var(--wom-bg-hover);
  }
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--wom-focus);
    outline-offset: 2px;
  }
  .icons a,
  .icons button {
    justify-content: center;
    padding-inline: 0;
  }
  svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
    fill: var(--wom-brand, currentColor);
  }
  .count,
  .total {
    font-variant-numeric: tabular-nums;
  }
  /* A badge on the control's end corner: out of the flow, so the row keeps its gaps and rows. */
  .count {
    position: absolute;
    inset-block-start: -0.4rem;
    inset-inline-end: -0.4rem;
    box-sizing: border-box;
    min-inline-size: 1.125rem;
    padding-inline: 0.3em;
    border-radius: 0.5625rem;
    background: var(--wom-fg);
    color: var(--wom-bg);
    font-size: 0.6875rem;
    line-height: 1.125rem;
    text-align: center;
    pointer-events: none;
  }
  .total {
    font-size: var(--wom-font-size);
    opacity: 0.8;
  }
  /* Icons only: the total as a bare number too (its words stay for screen readers), so a phone's row keeps it. */
  .figure {
    display: none;
  }
  .icons .figure {
    display: inline;
  }
  /* Brand colors for the logos; X, Threads and the generic glyphs follow the text color. */
  .facebook { --wom-brand: #0866ff; }
  .linkedin { --wom-brand: #0a66c2; }
  .whatsapp { --wom-brand: #1da851; }
  .telegram { --wom-brand: #229ed9; }
  .reddit { --wom-brand: #ff4500; }
  .pinterest { --wom-brand: #bd081c; }
  .mastodon { --wom-brand: #6364ff; }
  .bluesky { --wom-brand: #1185fe; }
  .line { --wom-brand: #06c755; }
  .vk { --wom-brand: #0077ff; }
  .xing { --wom-brand: #006567; }
  .wykop { --wom-brand: #367da9; }
  :host([monochrome]) svg {
    fill: currentColor;
  }
`,
];
