import { css } from 'lit';
import { controlStyles } from '../ui/controls.styles.js';

/** The menu's buttons are the shared share controls; these rules add the control and the popover. */
export const repostStyles = [
  controlStyles,
  css`
    :host {
      --wom-size: 2rem;
      --wom-menu-bg: light-dark(#ffffff, #1f2328);
      --wom-menu-shadow: 0 0.25rem 1rem light-dark(#0003, #0009);
    }
    [part~='actions'] {
      display: flex;
      justify-content: flex-end;
    }
    [popover] {
      /* Placed next to its target by the element (position: fixed, in the top layer). */
      inset: auto;
      margin: 0;
      box-sizing: border-box;
      max-inline-size: min(24rem, calc(100vw - 1rem));
      padding: var(--wom-gap);
      border: 1px solid light-dark(#d0d7de, #3d444d);
      border-radius: var(--wom-radius);
      background: var(--wom-menu-bg);
      color: var(--wom-fg);
      box-shadow: var(--wom-menu-shadow);
    }
  `,
];
