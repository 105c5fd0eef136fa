import { css } from 'lit';

/**
 * Styles every dashboard view shares: type, tables, buttons, the figure cards.
 * Colors keep at least 4.5:1 contrast on their backgrounds; series also differ by
 * line dash and symbol, so nothing is told by color alone.
 */
export const base = css`
  :host {
    --wom-ink: #1b1f24;
    --wom-muted: #4d5561;
    --wom-paper: #ffffff;
    --wom-panel: #f5f6f8;
    --wom-line: #c9ced6;
    --wom-accent: #1d4ed8;
    --wom-danger: #a4161a;
    display: block;
    color: var(--wom-ink);
    font: 15px/1.5 system-ui, sans-serif;
  }
  h2, h3 { margin: 0 0 0.5rem; line-height: 1.25; }
  h2 { font-size: 1.35rem; }
  h3 { font-size: 1.05rem; }
  p { margin: 0 0 0.75rem; }
  a { color: var(--wom-accent); }
  button, input, select {
    font: inherit;
    color: inherit;
  }
  button {
    border: 1px solid var(--wom-line);
    background: var(--wom-paper);
    border-radius: 0.375rem;
    padding: 0.3rem 0.75rem;
    cursor: pointer;
  }
  button:hover { border-color: var(--wom-accent); }
  button[disabled] { cursor: default; color: var(--wom-muted); }
  input, select {
    border: 1px solid #767f8c;
    border-radius: 0.375rem;
    padding: 0.3rem 0.5rem;
    background: var(--wom-paper);
  }
  :focus-visible { outline: 3px solid var(--wom-accent); outline-offset: 2px; }
  section, figure {
    margin: 0 0 1.25rem;
    padding: 1rem;
    background: var(--wom-paper);
    border: 1px solid var(--wom-line);
    border-radius: 0.5rem;
  }
  table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
  th, td { padding: 0.35rem 0.6rem; border-block-end: 1px solid var(--wom-line); text-align: start; }
  td.n, th.n { text-align: end; }
  caption { text-align: start; font-weight: 600; padding-block-end: 0.35rem; }
  .muted { color: var(--wom-muted); }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .error { border-inline-start: 4px solid var(--wom-danger); padding-inline-start: 0.75rem; }
  .error p { color: var(--wom-danger); }
  /* Breaks where urlText() allows, and inside a part only if it cannot fit at all. */
  .url { overflow-wrap: break-word; }
  /* A table wider than a phone scrolls in its own box, not the page. */
  .scroll { overflow-x: auto; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap;
  }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--wom-panel); padding: 0.75rem; border-radius: 0.375rem; }
`;

/** Series styling for charts: color plus a dash and a symbol each, and the legend's swatches. */
export const series = {
  views: { color: '#1d4ed8', dash: 'none', symbol: 'circle' },
  shares: { color: '#b45309', dash: '6 3', symbol: 'square' },
  visits: { color: '#047857', dash: '2 2', symbol: 'triangle' },
} as const;

/** The rules of the `<style>` element Plot would add to each chart (see `plot()` in charts.ts). */
export const plotStyles = css`
  /* Charts are drawn left to right whatever the page's direction: in a right-to-left page
     SVG text would otherwise anchor at the wrong end and overprint the axes. */
  .plot svg { --plot-background: white; display: block; max-width: 100%; height: auto; overflow: visible; direction: ltr; }
  .plot svg text { white-space: pre; }
  details { margin-block: 0.75rem; }
  summary { cursor: pointer; color: var(--wom-accent); }
`;
