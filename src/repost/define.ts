import { WomRepost } from './repost.element.js';

WomRepost.define();

declare global {
  interface HTMLElementTagNameMap {
    'wom-repost': WomRepost;
  }
}
