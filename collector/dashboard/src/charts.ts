import * as Plot from '@observablehq/plot';
import type { Format } from './format.js';
import type { DashboardMessages } from './locales/index.js';
import { series } from './styles.js';
import type { Day, Generation } from './types.js';

type Series = keyof typeof series;

/**
 * `Plot.plot` for a strict CSP: Plot puts a `<style>` element in each chart, which a
 * policy without inline styles refuses. Its few rules are in `plotStyles` instead.
 */
export function plot(options: Plot.PlotOptions): Element {
  const chart = Plot.plot(options);
  chart.querySelectorAll('style').forEach((style) => style.remove());
  return chart;
}

/**
 * How many ticks an axis of counts up to `max` asks for: never more than the count, so
 * that the step is a whole number (d3 steps by 1, 2 or 5 × 10ⁿ near range / count).
 */
export const countTicks = (max: number): number => Math.max(1, Math.min(5, Math.floor(max)));

/** One line per series, each with its own dash and symbol as well as its color. */
export function dailyChart(days: readonly Day[], f: Format, width: number): Element {
  const keys: Series[] = ['views', 'shares', 'visits'];
  const date = (d: Day) => new Date(`${d.day}T00:00:00Z`);
  const max = Math.max(...days.flatMap((d) => keys.map((key) => d[key])));
  return plot({
    width,
    height: 260,
    marginLeft: 48,
    x: { type: 'utc', label: null, tickFormat: (d: Date) => f.shortDay(d.toISOString().slice(0, 10)), ticks: Math.max(2, Math.floor(width / 90)) },
    y: { grid: true, label: null, tickFormat: f.count, nice: true, zero: true, ticks: countTicks(max) },
    marks: [
      Plot.ruleY([0]),
      ...keys.flatMap((key) => [
        Plot.line(days, { x: date, y: key, stroke: series[key].color, strokeWidth: 2, strokeDasharray: series[key].dash }),
        Plot.dot(days, { x: date, y: key, stroke: series[key].color, fill: series[key].color, symbol: series[key].symbol, r: 3 }),
      ]),
    ],
  });
}

/** Bars per generation: visits and shares side by side, each bar named and its count written on it. */
export function generationsChart(generations: readonly Generation[], m: DashboardMessages, f: Format, width: number): Element {
  const long = generations.flatMap((g) => [
    { generation: f.count(g.generation), what: m.allVisits, n: g.visits, fill: series.visits.color },
    { generation: f.count(g.generation), what: m.shares, n: g.shares, fill: series.shares.color },
  ]);
  return plot({
    width,
    height: 260,
    marginLeft: 48,
    marginTop: 40,
    // Generations on top, the series named under each bar: nothing is told by color alone.
    fx: { axis: 'top', label: m.generation, domain: generations.map((g) => f.count(g.generation)) },
    x: { label: null, domain: [m.allVisits, m.shares], tickSize: 0 },
    y: { grid: true, label: null, tickFormat: f.count, nice: true, ticks: countTicks(Math.max(...long.map((d) => d.n))) },
    color: { type: 'identity' },
    marks: [
      Plot.barY(long, { fx: 'generation', x: 'what', y: 'n', fill: 'fill' }),
      Plot.text(long, { fx: 'generation', x: 'what', y: 'n', text: (d: { n: number }) => f.count(d.n), dy: -6, lineAnchor: 'bottom' }),
      Plot.ruleY([0]),
    ],
  });
}

/** Horizontal bars: the visits each network brought, the count written at the end of each bar. */
export function networksChart(rows: readonly { name: string; shares: number; visits: number }[], m: DashboardMessages, f: Format, width: number): Element {
  const max = Math.max(1, ...rows.map((r) => r.visits));
  return plot({
    width,
    height: 40 + rows.length * 28,
    marginLeft: 110,
    marginRight: 40,
    // At least 0–1, so a network that brought nobody draws as an empty bar, not a full one.
    x: { grid: true, label: m.visits, tickFormat: f.count, nice: true, domain: [0, max], ticks: countTicks(max) },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.barX(rows, { y: 'name', x: 'visits', fill: series.visits.color }),
      Plot.text(rows, { y: 'name', x: 'visits', text: (r: { visits: number }) => f.count(r.visits), dx: 6, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  });
}
