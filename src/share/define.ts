import { WomShare } from './share.element.js';

WomShare.define();

declare global {
  interface HTMLElementTagNameMap {
    'wom-share': WomShare;
  }
}
