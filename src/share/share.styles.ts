import { css } from 'lit';
import { controlStyles } from '../ui/controls.styles.js';

export const shareStyles = [
  controlStyles,
  css`
    :host {
      /* Reserve the row's height before the first render so nothing shifts. */
      min-block-size: var(--wom-size);
    }
    [part~='base'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--wom-gap);
    }
    .column,
    .column ul {
      flex-direction: column;
      align-items: stretch;
    }
    .column a,
    .column button {
      flex: 1;
    }
    .icons a,
    .icons button {
      justify-content: center;
      padding-inline: 0;
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
  `,
];
