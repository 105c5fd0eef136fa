import type { Column } from './export.js';
import type { Format } from './format.js';
import type { DashboardMessages } from './locales/index.js';
import type { Day, Generation, PageRow } from './types.js';

/**
 * The columns of each table, shared by the table on screen and its CSV export. Headers
 * follow the dashboard's language; CSV values stay raw numbers so spreadsheets can sum them.
 */
const count = <T>(header: string, value: (row: T) => number, f: Format): Column<T> => ({
  header,
  value,
  text: (row) => f.count(value(row)),
});

export const pageColumns = (m: DashboardMessages, f: Format): Column<PageRow>[] => [
  { header: m.page, value: (p) => p.url },
  count(m.views, (p) => p.views, f),
  count(m.shares, (p) => p.shares, f),
  count(m.visits, (p) => p.visits, f),
  { header: m.k, value: (p) => p.k, text: (p) => f.ratio(p.k) },
  count(m.depth, (p) => p.depth, f),
];

export const dayColumns = (m: DashboardMessages, f: Format): Column<Day>[] => [
  { header: m.day, value: (d) => d.day, text: (d) => f.day(d.day) },
  count(m.views, (d) => d.views, f),
  count(m.shares, (d) => d.shares, f),
  count(m.visits, (d) => d.visits, f),
];

export const generationColumns = (m: DashboardMessages, f: Format): Column<Generation>[] => [
  { header: m.generation, value: (g) => g.generation, text: (g) => f.count(g.generation) },
  count(m.allVisits, (g) => g.visits, f),
  count(m.shares, (g) => g.shares, f),
];

export const conversionColumns = (m: DashboardMessages, f: Format): Column<Generation>[] => [
  { header: m.generation, value: (g) => g.generation, text: (g) => f.count(g.generation) },
  count(m.conversions, (g) => g.conversions, f),
  { header: m.value, value: (g) => g.value, text: (g) => f.amount(g.value) },
];

/** A network's row: its name and figures. */
export interface NetworkRow {
  name: string;
  shares: number;
  visits: number;
  conversions: number;
  value: number;
}

export const networkColumns = (m: DashboardMessages, f: Format): Column<NetworkRow>[] => [
  { header: m.network, value: (n) => n.name },
  count(m.shares, (n) => n.shares, f),
  count(m.visits, (n) => n.visits, f),
  { header: m.visitsPerShare, value: (n) => perShare(n), text: (n) => f.ratio(perShare(n)) },
];

export const networkConversionColumns = (m: DashboardMessages, f: Format): Column<NetworkRow>[] => [
  { header: m.network, value: (n) => n.name },
  count(m.conversions, (n) => n.conversions, f),
  { header: m.value, value: (n) => n.value, text: (n) => f.amount(n.value) },
];

const perShare = (n: NetworkRow) => (n.shares ? n.visits / n.shares : 0);
