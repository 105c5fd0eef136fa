import { css } from 'lit';
import { themeStyles } from '../ui/theme.styles.js';

export const reviewStyles = [
  themeStyles,
  css`
  :host {
    --wom-star-size: 1.25rem;
    --wom-star-color: light-dark(#e8a200, #ffc640);
    --wom-star-empty: light-dark(#d5d9de, #4a5058);
    --wom-gap: 0.75rem;
    --wom-font-size: 0.9375rem;
    --wom-muted: light-dark(#5c6570, #aab3bd);
    --wom-accent: light-dark(#1a56db, #8ab4ff);
    --wom-accent-fg: light-dark(#fff, #10141a);
    color: var(--wom-fg);
    font-size: var(--wom-font-size);
    line-height: 1.5;
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--wom-gap);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    /* Reserved before the data arrives, so nothing below moves. */
    min-block-size: calc(var(--wom-star-size) * 1.6);
  }
  .badge .summary {
    min-block-size: var(--wom-star-size);
  }
  .average {
    font-size: 1.4em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .badge .average {
    font-size: 1em;
  }
  .count,
  time,
  .counter {
    color: var(--wom-muted);
  }
  /*
   * A five-pointed star, cut out with clip-path: no image (a data: URL would need
   * img-src data:), so it draws under the strictest Content-Security-Policy.
   */
  .stars {
    --size: var(--wom-star-size);
    display: inline-flex;
    flex: none;
  }
  .star {
    display: inline-block;
    flex: none;
    inline-size: var(--size);
    block-size: var(--size);
    clip-path: polygon(50% 10.4%, 62.1% 35.4%, 89.6% 39.2%, 69.6% 58.3%, 74.6% 85.4%, 50% 72.5%, 25.4% 85.4%, 30.4% 58.3%, 10.4% 39.2%, 37.9% 35.4%);
    background: var(--wom-star-empty);
  }
  /* Star n is filled by what of the display's --value (0 to 5) lies beyond n - 1, from the inline start. */
  .stars .star {
    --fill: clamp(0%, (var(--value, 0) - var(--n, 0)) * 100%, 100%);
    background: linear-gradient(var(--to, to right), var(--wom-star-color) var(--fill), var(--wom-star-empty) 0);
  }
  .stars .star:nth-child(2) {
    --n: 1;
  }
  .stars .star:nth-child(3) {
    --n: 2;
  }
  .stars .star:nth-child(4) {
    --n: 3;
  }
  .stars .star:nth-child(5) {
    --n: 4;
  }
  [dir='rtl'] .stars {
    --to: to left;
  }
  .review .stars {
    --size: calc(var(--wom-star-size) * 0.8);
  }
  .skeleton .stars {
    animation: pulse 1.5s ease-in-out infinite;
  }
  .skeleton .star {
    background: var(--wom-star-empty);
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton .stars {
      animation: none;
    }
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .distribution li {
    display: grid;
    grid-template-columns: minmax(5em, auto) 1fr 3ch;
    align-items: center;
    gap: 0.5em;
  }
  .bar {
    block-size: 0.5em;
    border-radius: 0.25em;
    background: var(--wom-star-empty);
    overflow: hidden;
  }
  .bar span {
    display: block;
    block-size: 100%;
    background: var(--wom-star-color);
  }
  .n {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: var(--wom-gap);
  }
  .review {
    padding-block-start: var(--wom-gap);
    border-block-start: 1px solid var(--wom-star-empty);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .author {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .text {
    margin: 0.25em 0;
    /* Untrusted text: its line breaks kept, its longest words wrapped. */
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .share summary {
    inline-size: fit-content;
    color: var(--wom-muted);
    font-size: 0.875em;
    cursor: pointer;
  }
  .share ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    padding-block: 0.25em;
  }
  a {
    color: var(--wom-accent);
  }
  button,
  textarea,
  input {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    border-radius: var(--wom-radius);
  }
  button {
    justify-self: start;
    inline-size: fit-content;
    min-block-size: 2.5em;
    padding-inline: 1em;
    border: 1px solid var(--wom-star-empty);
    background: var(--wom-bg);
    cursor: pointer;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.6;
  }
  .submit {
    border-color: transparent;
    background: var(--wom-accent);
    color: var(--wom-accent-fg);
  }
  :focus-visible,
  .choices input:focus-visible + label {
    outline: 2px solid var(--wom-focus);
    outline-offset: 2px;
  }
  .form {
    display: grid;
    gap: 0.375em;
  }
  .title {
    margin: 0;
    font-weight: 600;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
  }
  .choices {
    display: flex;
  }
  /* Native radios, drawn as stars: the browser keeps their keyboard and screen reader behaviour. */
  .choices input {
    position: absolute;
    opacity: 0;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
  }
  .choices label {
    display: inline-flex;
    padding: 0.15em;
    border-radius: var(--wom-radius);
    cursor: pointer;
  }
  .choices .star {
    --size: calc(var(--wom-star-size) * 1.4);
  }
  .choices label.on .star,
  .choices:hover label .star {
    background: var(--wom-star-color);
  }
  .choices label:hover ~ label .star {
    background: var(--wom-star-empty);
  }
  [aria-invalid='true'] {
    border-color: #c62828;
  }
  textarea,
  input {
    inline-size: 100%;
    padding: 0.5em;
    border: 1px solid var(--wom-muted);
    background: var(--wom-bg);
  }
  textarea {
    resize: vertical;
  }
  .counter {
    font-size: 0.8125em;
    text-align: end;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--wom-gap);
    margin-block-start: 0.5em;
  }
  .status {
    margin: 0;
  }
  .status.error {
    color: light-dark(#b3261e, #ffb4ab);
  }
  .failed {
    margin: 0;
  }
  .honeypot {
    position: absolute;
    inset-inline-start: -100vw;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
  }
  .badge {
    display: inline-flex;
  }
`,
];
