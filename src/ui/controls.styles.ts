import { css } from 'lit';
import { logos } from '../core/logos/index.js';
import { themeStyles } from './theme.styles.js';

/**
 * Each loaded logo in its network's colour (`brand`), set on its control: one sheet that
 * every element adopts and that grows as logos load (`addBrands()`).
 */
const brandStyles = new CSSStyleSheet();
const branded = new Set<string>();

/** Adds the colours of the logos loaded since the last call. */
export function addBrands(): void {
  for (const [key, { brand }] of Object.entries(logos)) {
    if (brand && !branded.has(key)) {
      branded.add(key);
      brandStyles.insertRule(`.${key}{--wom-brand:light-dark(${brand[0]},${brand[1]})}`, brandStyles.cssRules.length);
    }
  }
}
addBrands();

/** The share controls every widget that shares draws (`shareControl()`): the list, the buttons, the logos. */
export const controlStyles = [
  themeStyles,
  css`
    :host {
      --wom-size: 2.5rem;
      --wom-gap: 0.5rem;
      --wom-font-size: 0.875rem;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: var(--wom-gap);
      margin: 0;
      padding: 0;
      list-style: none;
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
    a:hover,
    button:hover {
      background: var(--wom-bg-hover);
    }
    a:focus-visible,
    button:focus-visible {
      outline: 2px solid var(--wom-focus);
      outline-offset: 2px;
    }
    svg {
      inline-size: 1.25em;
      block-size: 1.25em;
      flex: none;
      fill: var(--wom-brand, currentColor);
    }
    :host([monochrome]) svg {
      fill: currentColor;
    }
  `,
  brandStyles,
];
