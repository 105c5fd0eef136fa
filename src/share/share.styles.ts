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
  /*
   * Brand colors for the logos, each darkened (light theme) or lightened (dark theme)
   * just enough for 3:1 against the control at rest and hovered (WCAG 1.4.11, graphics);
   * X, Threads and the generic glyphs follow the text color.
   */
  .facebook { --wom-brand: light-dark(#0866ff, #438bff); }
  .linkedin { --wom-brand: light-dark(#0a66c2, #4f91d3); }
  .whatsapp { --wom-brand: light-dark(#1a9447, #1da851); }
  .telegram { --wom-brand: light-dark(#1d88bb, #229ed9); }
  .reddit { --wom-brand: light-dark(#eb3f00, #ff4c0a); }
  .pinterest { --wom-brand: light-dark(#bd081c, #d76b77); }
  .mastodon { --wom-brand: light-dark(#6364ff, #7c7dff); }
  .bluesky { --wom-brand: light-dark(#107def, #1f8cfe); }
  .line { --wom-brand: light-dark(#04933f, #06c755); }
  .vk { --wom-brand: light-dark(#0077ff, #298dff); }
  .xing { --wom-brand: light-dark(#006567, #57999b); }
  .wykop { --wom-brand: light-dark(#367da9, #5a94b8); }
  :host([monochrome]) svg {
    fill: currentColor;
  }
`,
];
