import { css } from 'lit';

/**
 * The design tokens every widget shares, light and dark. `light-dark()` picks by
 * `color-scheme`: the reader's preference, or the element's `theme` attribute.
 */
export const themeStyles = css`
  :host {
    color-scheme: light dark;
    --wom-radius: 0.5rem;
    --wom-bg: light-dark(#f1f3f5, #2b3036);
    --wom-bg-hover: light-dark(#e2e6ea, #3a4047);
    --wom-fg: light-dark(#1b1f24, #f3f5f7);
    --wom-border: transparent;
    --wom-focus: light-dark(#1a56db, #8ab4ff);
    display: block;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  /* Read by screen readers, not shown (also the labels of icon-only controls). */
  .visually-hidden,
  .icons .label {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
