/**
 * The marketer report (PRODUCT.md, "Collector"): the answers' shape, from the reads of
 * report-queries.ts, the generation maths of generations.ts and the cascades of
 * cascades.ts. Every step is linear in the rows read, whatever graph was sent.
 *
 * A share's generation is its cascade's, counted over every event kept; a range chooses
 * which views, shares and conversions are counted. A `ref` naming a share never received
 * (or on another page) is an unknown share of generation 0. Conversions elsewhere on the
 * site count when their `ref` is a share of the page.
 */
import { cascades, compare } from './cascades.js';
import { dayMs } from './lineage.js';
import { depthOf, generationsOf, generationTable, sum, viralCoefficient } from './generations.js';
import {
  botHits,
  conversionsOf,
  pageDays,
  pageGraph,
  reviewedItems,
  viewCounts,
  visitsThroughShares,
  type Conversion,
  type Graph,
  type Range,
  type Source,
} from './report-queries.js';

export type { Range, Source } from './report-queries.js';

const within = ({ from, to }: Range, ts: number) => (from === undefined || ts >= from) && (to === undefined || ts < to);

/**
 * The contract's report for one page.
 */
export async function pageReport(source: Source, range: Range & { url: string }) {
  const { db } = source;
  const graph = await pageGraph(source, range);
  const generationOf = new Map([...graph.values()].map((s) => [s.share, s.generation]));
  // The range's shares; one whose parent is outside it starts a cascade of the range.
  const shares: Graph = new Map();
  for (const s of graph.values()) if (within(range, s.ts)) shares.set(s.share, s);
  for (const s of shares.values()) if (s.parent !== null && !shares.has(s.parent)) shares.set(s.share, { ...s, parent: null });

  const views = await viewCounts(db, range);
  const visits = await visitsThroughShares(db, range);
  const conversions = await conversionsOf(db, range, [...graph.keys()]);

  const generations = generationsOf(generationOf, shares.values(), views, conversions);
  const depth = depthOf(generations);
  const k = viralCoefficient(generations.slice(0, depth + 1));

  const networks: Record<string, { shares: number; visits: number }> = {};
  const network = (key: string) => (networks[key] ??= { shares: 0, visits: 0 });
  for (const s of shares.values()) if (s.network) network(s.network).shares += 1;
  for (const { ref, n } of views) {
    const through = ref === null ? undefined : graph.get(ref)?.network;
    if (through) network(through).visits += n;
  }
  // Dashboard: conversions by the network of the share they came through.
  const conversionsByNetwork: Record<string, { conversions: number; value: number }> = {};
  for (const c of conversions) {
    const through = c.ref === null ? undefined : graph.get(c.ref)?.network;
    if (!through) continue;
    const figures = (conversionsByNetwork[through] ??= { conversions: 0, value: 0 });
    figures.conversions += 1;
    figures.value += c.value ?? 0;
  }
  const measured = cascades(shares, visits);

  return {
    url: range.url,
    ...(range.from !== undefined && { from: range.from }),
    ...(range.to !== undefined && { to: range.to }),
    views: sum(generations, (g) => g.visits),
    shares: shares.size,
    conversions: conversions.length,
    value: sum(conversions, (c) => c.value ?? 0),
    networks,
    generations,
    k,
    depth,
    cascades: measured.map(({ tree, ...cascade }) => cascade),
    chains: topChains(graph, conversions),
    conversionsByNetwork,
    trees: measured.filter((c) => c.tree).map(({ root, tree }) => ({ root, nodes: tree })),
    reviewItems: await reviewedItems(db, range),
  };
}

/**
 * The share chains that led to conversions, most converting first. Only the chains shown
 * are walked, each up its parents to its seed: a graph is a forest, so every walk ends.
 */
function topChains(graph: Graph, conversions: Conversion[], limit = 10) {
  /** by the share converted through */
  const chains: Map<string, { conversions: number; value: number }> = new Map();
  for (const c of conversions) {
    if (c.ref === null || !graph.has(c.ref)) continue;
    const chain = chains.get(c.ref) ?? { conversions: 0, value: 0 };
    chain.conversions += 1;
    chain.value += c.value ?? 0;
    chains.set(c.ref, chain);
  }
  return [...chains]
    // Ties in share id order, so that every process and database shows the same ten.
    .sort(([lastA, a], [lastB, b]) => b.conversions - a.conversions || b.value - a.value || compare(lastA, lastB))
    .slice(0, limit)
    .map(([last, figures]) => {
      const path = [];
      for (let s = graph.get(last); s; s = s.parent === null ? undefined : graph.get(s.parent)) path.push(s);
      path.reverse();
      return { shares: path.map((s) => s.share), networks: path.map((s) => s.network), ...figures };
    });
}

/** Orders of the overview's `sort` parameter. */
export const overviewOrders = ['views', 'shares', 'visits', 'k'];

const isoDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

/**
 * Without `url`: the site's pages ranked by views (or shares, visits from shares, k), with
 * the site's totals and daily series, summed from the page-day counts. It counts whole
 * UTC days: `from` and `to` are widened to midnights, and the answer says which.
 */
export async function siteOverview(source: Source, range: Range, { sort = 'views', limit = 100 }: { sort?: string; limit?: number } = {}) {
  const { db } = source;
  const days = {
    ...(range.from !== undefined && { from: Math.floor(range.from / dayMs) }),
    ...(range.to !== undefined && { to: Math.ceil(range.to / dayMs) }),
  };
  const rows = await pageDays(source, range.site, days);

  const byPage: Map<string, ReturnType<typeof generationTable>> = new Map();
  const byDay: Map<number, { views: number; shares: number; visits: number }> = new Map();
  const site = generationTable();
  for (const row of rows) {
    let page = byPage.get(row.url);
    if (!page) byPage.set(row.url, (page = generationTable()));
    for (const table of [page, site]) {
      const g = table.at(row.generation);
      g.visits += row.views;
      g.shares += row.shares;
      g.conversions += row.conversions;
      g.value += row.value;
    }
    const day = byDay.get(row.day) ?? { views: 0, shares: 0, visits: 0 };
    day.views += row.views;
    day.shares += row.shares;
    if (row.generation > 0) day.visits += row.views;
    byDay.set(row.day, day);
  }
  // A page with only conversions or reviews is not ranked (nothing was read or shared there).
  const read = [...byPage].filter(([, { generations }]) => generations.some((g) => g.visits > 0 || g.shares > 0));
  const all = read.map(([url, { generations }]) => {
    const depth = depthOf(generations);
    const views = sum(generations, (g) => g.visits);
    return {
      url,
      views,
      shares: sum(generations, (g) => g.shares),
      visits: views - generations[0].visits,
      k: viralCoefficient(generations.slice(0, depth + 1)),
      depth,
    };
  });
  const key = (sort as 'views' | 'shares' | 'visits' | 'k');
  const pages = all.sort((a, b) => b[key] - a[key] || b.views - a.views || compare(a.url, b.url)).slice(0, limit);

  // Dashboard: one entry per UTC day from the first day with events to the last.
  const daily = [];
  const dayNumbers = [...byDay.keys()];
  for (let d = Math.min(...dayNumbers); d <= Math.max(...dayNumbers); d++) daily.push({ day: isoDay(d), ...(byDay.get(d) ?? { views: 0, shares: 0, visits: 0 }) });
  const siteDepth = depthOf(site.generations);
  return {
    ...(range.site !== undefined && { site: range.site }),
    ...(days.from !== undefined && { from: days.from * dayMs }),
    ...(days.to !== undefined && { to: days.to * dayMs }),
    sort: key,
    pages,
    bots: await botHits(db, range.site, {
      ...(days.from !== undefined && { from: isoDay(days.from) }),
      ...(days.to !== undefined && { to: isoDay(days.to - 1) }),
    }),
    // Dashboard: the site's totals over every page, not only the listed ones.
    totals: {
      views: sum(all, (p) => p.views),
      shares: sum(all, (p) => p.shares),
      visits: sum(all, (p) => p.visits),
      k: viralCoefficient(site.generations.slice(0, siteDepth + 1)),
      depth: all.reduce((deepest, p) => Math.max(deepest, p.depth), 0),
      conversions: sum(site.generations, (g) => g.conversions),
      value: sum(site.generations, (g) => g.value),
      reviews: sum(rows, (r) => r.reviews),
    },
    daily,
  };
}

/** `GET /api/report?url=U`: the answer's type, as the dashboard imports it. */
export type PageReport = Awaited<ReturnType<typeof pageReport>>;

/** `GET /api/report` without `url`: the answer's type, as the dashboard imports it. */
export type SiteOverview = Awaited<ReturnType<typeof siteOverview>>;
