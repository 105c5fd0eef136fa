import { WomReview } from './review.element.js';

WomReview.define();

declare global {
  interface HTMLElementTagNameMap {
    'wom-review': WomReview;
  }
}
