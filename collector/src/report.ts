/**
 * The marketer report (PRODUCT.md, "Collector"). Plain indexed queries read a page's
 * shares, views and conversions; the share graph (share-graph.ts) and the cascades
 * (cascades.ts) are computed from those rows here, in time linear in them, whatever graph
 * was sent.
 *
 * The report of a page reads that page's events in the time range: a `ref` naming a
 * share outside them (never received, on another page, or before `from`) is an unknown
 * share of generation 0. Conversions elsewhere on the site count when their `ref` is a
 * share of the page.
 */
import { sql, type SqlBool } from 'kysely';
import { cascades, compare, type Visit } from './cascades.js';
import type { Dialect } from './db.js';
import { shareGraph, type Share } from './share-graph.js';
import type { Database } from './types.js';

/** The events a report reads: of one site (else all), in a time range, of one page (else all). */
export interface Range {
  url?: string;
  site?: string;
  from?: number;
  to?: number;
}

/** The connection a report runs on, and its dialect. */
export interface Source {
  db: Database;
  dialect: Dialect;
}

interface ShareEvent {
  url: string;
  share: string;
  ref: string | null;
  network: string | null;
  visitor: string | null;
  ts: number;
}

type Graph = Map<string, Share<ShareEvent>>;

interface Conversion {
  id: string;
  ref: string | null;
  ts: number;
  value: number | null;
}

interface Generation {
  generation: number;
  visits: number;
  shares: number;
  conversions: number;
  value: number;
}

/**
 * `site`, `from` and `to` conditions on the events aliased `alias`.
 */
function inRange(alias: string, { site, from, to }: Range) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions = [sql`1 = 1`];
  if (site !== undefined) conditions.push(sql`${column('site')} = ${site}`);
  if (from !== undefined) conditions.push(sql`${column('ts')} >= ${from}`);
  if (to !== undefined) conditions.push(sql`${column('ts')} < ${to}`);
  return sql.join(conditions, sql` and `).$castTo<SqlBool>();
}

const onPage = (alias: string, { url }: Range) => (url === undefined ? sql`` : sql`and ${sql.ref(`${alias}.url`)} = ${url}`);

/**
 * The order events were received in: SQLite's rowid (rows are appended), PostgreSQL's
 * `seq` (a sequence, migration 0003).
 */
const received = (dialect: Dialect) => sql.ref(dialect === 'sqlite' ? 'e.rowid' : 'e.seq');

/**
 * The share graph of each page: its share events in the order received.
 *
 * @returns by url
 */
async function graphs({ db, dialect }: Source, range: Range): Promise<Map<string, Graph>> {
  const { rows } = await sql`
    select e.url, e.share, e.ref, e.network, e.visitor, e.ts from events e
    where e.type = 'share' and ${inRange('e', range)} ${onPage('e', range)}
    order by ${received(dialect)}`.execute(db);
  const byPage: Map<string, ShareEvent[]> = new Map();
  for (const row of (rows as ShareEvent[])) {
    const page = byPage.get(row.url);
    if (page) page.push(row);
    else byPage.set(row.url, [row]);
  }
  return new Map([...byPage].map(([url, events]) => [url, shareGraph(events)]));
}

/**
 * Views per page and `ref` (null: arrived through no share).
 */
async function viewCounts(db: Database, range: Range): Promise<{ url: string; ref: string | null; n: number; }[]> {
  const { rows } = await sql`
    select v.url, v.ref, count(*) as n from events v
    where v.type = 'view' and ${inRange('v', range)} ${onPage('v', range)}
    group by v.url, v.ref`.execute(db);
  return (rows as any[]).map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * The generation of a visit or conversion that arrived through `ref`: 0 through none, one
 * more than the share's, 1 through a share never received (taken as generation 0).
 */
function generationThrough(graph: Graph | undefined, ref: string | null) {
  if (ref === null) return 0;
  const share = graph?.get(ref);
  return share ? share.generation + 1 : 1;
}

/**
 * Visits, shares and conversions per generation, dense from 0 to the deepest generation seen.
 */
function generationsOf(graph: Graph | undefined, views: { ref: string | null; n: number; }[], conversions: Conversion[] = []): Generation[] {
  const generations: Generation[] = [];
  const at = (g: number) => {
    for (let i = generations.length; i <= g; i++) generations.push({ generation: i, visits: 0, shares: 0, conversions: 0, value: 0 });
    return generations[g];
  };
  for (const share of graph?.values() ?? []) at(share.generation).shares += 1;
  for (const { ref, n } of views) at(generationThrough(graph, ref)).visits += n;
  for (const { ref, value } of conversions) {
    const generation = at(generationThrough(graph, ref));
    generation.conversions += 1;
    generation.value += value ?? 0;
  }
  return generations;
}

/**
 * k: visits of generation ≥ 1 over visits of the generations that could refer (all but
 * the deepest). 0 when nothing could refer.
 * @param generations dense, index = generation
 */
function viralCoefficient(generations: { visits: number; }[]) {
  const referring = generations.slice(0, -1).reduce((sum, g) => sum + g.visits, 0);
  const referred = generations.slice(1).reduce((sum, g) => sum + g.visits, 0);
  return referring === 0 ? 0 : referred / referring;
}

/**
 * The page's views that arrived through a share, one row each (for the cascade trees).
 */
async function visitsThroughShares(db: Database, range: Range & { url: string; }): Promise<Visit[]> {
  const { rows } = await sql`
    select v.id, v.ref, v.visitor, v.ts from events v
    where v.type = 'view' and v.url = ${range.url} and v.ref is not null and ${inRange('v', range)}`.execute(db);
  return (rows as any);
}

/**
 * Conversions made on the page, and those made on another page through one of its shares.
 */
async function conversionsOf(db: Database, range: Range & { url: string; }): Promise<Conversion[]> {
  const { rows } = await sql`
    select c.id, c.ref, c.ts, c.value from events c
    where c.type = 'convert' and ${inRange('c', range)}
      and (c.url = ${range.url}
           or c.ref in (select s.share from events s
                        where s.type = 'share' and s.url = ${range.url} and ${inRange('s', range)}))`.execute(db);
  return (rows as any);
}

/**
 * The contract's report for one page.
 */
export async function pageReport(source: Source, range: Range & { url: string; }) {
  const { db } = source;
  const graph = (await graphs(source, range)).get(range.url) ?? new Map();
  const views = await viewCounts(db, range);
  const visits = await visitsThroughShares(db, range);
  const conversions = await conversionsOf(db, range);

  const generations = generationsOf(graph, views, conversions);
  // Generations only a conversion reached are listed, but are no part of depth and k.
  const depth = Math.max(generations.findLastIndex((g) => g.visits > 0 || g.shares > 0), 0);
  const k = viralCoefficient(generations.slice(0, depth + 1));

  const networks: Record<string, { shares: number; visits: number; }> = {};
  const network = (key: string) => (networks[key] ??= { shares: 0, visits: 0 });
  for (const s of graph.values()) if (s.network) network(s.network).shares += 1;
  for (const { ref, n } of views) {
    const through = ref === null ? undefined : graph.get(ref)?.network;
    if (through) network(through).visits += n;
  }
  // Dashboard: conversions by the network of the share they came through.
  const conversionsByNetwork: Record<string, { conversions: number; value: number; }> = {};
  for (const c of conversions) {
    const through = c.ref === null ? undefined : graph.get(c.ref)?.network;
    if (!through) continue;
    const figures = (conversionsByNetwork[through] ??= { conversions: 0, value: 0 });
    figures.conversions += 1;
    figures.value += c.value ?? 0;
  }
  const measured = cascades(graph, visits);
  // Dashboard: the items reviewed on this page (the tracker's `review` events), most first.
  const reviewed = await db
    .selectFrom('events as r')
    .select((eb) => ['r.item', eb.fn.countAll().as('reviews')])
    .where('r.type', '=', 'review')
    .where('r.url', '=', range.url)
    .where('r.item', 'is not', null)
    .where(inRange('r', range))
    .groupBy('r.item')
    .orderBy('reviews', 'desc')
    .orderBy('r.item')
    .execute();

  return {
    url: range.url,
    ...(range.from !== undefined && { from: range.from }),
    ...(range.to !== undefined && { to: range.to }),
    views: generations.reduce((sum, g) => sum + g.visits, 0),
    shares: generations.reduce((sum, g) => sum + g.shares, 0),
    conversions: conversions.length,
    value: conversions.reduce((sum, c) => sum + (c.value ?? 0), 0),
    networks,
    generations,
    k,
    depth,
    cascades: measured.map(({ tree, ...cascade }) => cascade),
    chains: topChains(graph, conversions),
    conversionsByNetwork,
    trees: measured.filter((c) => c.tree).map(({ root, tree }) => ({ root, nodes: tree })),
    reviewItems: reviewed.map((r) => ({ item: r.item, reviews: Number(r.reviews) })),
  };
}

/**
 * The share chains that led to conversions, most converting first. Only the chains shown
 * are walked, each up its parents to its seed: a graph is a forest, so every walk ends.
 */
function topChains(graph: Graph, conversions: Conversion[], limit = 10) {
  /** by the share converted through */
  const chains: Map<string, { conversions: number; value: number; }> = new Map();
  for (const c of conversions) {
    if (c.ref === null || !graph.has(c.ref)) continue;
    const chain = chains.get(c.ref) ?? { conversions: 0, value: 0 };
    chain.conversions += 1;
    chain.value += c.value ?? 0;
    chains.set(c.ref, chain);
  }
  return [...chains]
    .sort(([, a], [, b]) => b.conversions - a.conversions || b.value - a.value)
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

/**
 * Without `url`: the site's pages ranked by views (or shares, visits from shares, k).
 */
export async function siteOverview(source: Source, range: Range, { sort = 'views', limit = 100 }: { sort?: string; limit?: number; } = {}) {
  const { db } = source;
  const byPage = await graphs(source, range);
  const viewsByPage: Map<string, { ref: string | null; n: number; }[]> = new Map();
  for (const { url, ref, n } of await viewCounts(db, range)) {
    const views = viewsByPage.get(url);
    if (views) views.push({ ref, n });
    else viewsByPage.set(url, [{ ref, n }]);
  }
  const all = [...new Set([...byPage.keys(), ...viewsByPage.keys()])].map((url) => {
    const generations = generationsOf(byPage.get(url), viewsByPage.get(url) ?? []);
    const views = generations.reduce((sum, g) => sum + g.visits, 0);
    return {
      url,
      views,
      shares: generations.reduce((sum, g) => sum + g.shares, 0),
      visits: views - (generations[0]?.visits ?? 0),
      k: viralCoefficient(generations),
      depth: generations.length - 1,
      generations,
    };
  });
  const key = (sort as 'views' | 'shares' | 'visits' | 'k');
  const ranked = all
    .map(({ generations, ...page }) => page)
    .sort((a, b) => b[key] - a[key] || b.views - a.views || compare(a.url, b.url))
    .slice(0, limit);

  const bots = await db
    .selectFrom('bot_hits')
    .select((eb) => eb.fn.coalesce(eb.fn.sum('hits'), eb.lit(0)).as('n'))
    .$if(range.site !== undefined, (q) => q.where('site', '=', range.site))
    .$if(range.from !== undefined, (q) => q.where('day', '>=', day((range.from as number))))
    .$if(range.to !== undefined, (q) => q.where('day', '<=', day((range.to as number))))
    .executeTakeFirstOrThrow();

  return {
    ...(range.site !== undefined && { site: range.site }),
    ...(range.from !== undefined && { from: range.from }),
    ...(range.to !== undefined && { to: range.to }),
    sort: key,
    pages: ranked,
    bots: Number(bots.n),
    ...(await siteFigures(db, range, all)),
  };
}

/**
 * Dashboard: the site's `totals` (every page, not only the listed ones; k over the
 * generations of all pages together) and its `daily` series, one entry per UTC day from
 * the first day with events to the last.
 */
async function siteFigures(db: Database, range: Range, pages: { views: number; shares: number; visits: number; depth: number; generations: { visits: number; }[]; }[]) {
  const generations: { visits: number; }[] = [];
  for (const page of pages) {
    page.generations.forEach((g, i) => ((generations[i] ??= { visits: 0 }).visits += g.visits));
  }
  const sum = (of: (p: typeof pages[number]) => number) => pages.reduce((total, p) => total + of(p), 0);
  const { rows } = await sql`
    select e.ts / ${sql.lit(dayMs)} as d,
           sum(case when e.type = 'view' then 1 else 0 end) as views,
           sum(case when e.type = 'share' then 1 else 0 end) as shares,
           sum(case when e.type = 'view' and e.ref is not null then 1 else 0 end) as visits,
           sum(case when e.type = 'convert' then 1 else 0 end) as conversions,
           sum(case when e.type = 'convert' then coalesce(e.value, 0) else 0 end) as value,
           sum(case when e.type = 'review' then 1 else 0 end) as reviews
    from events e
    where e.type in ('view', 'share', 'convert', 'review') and ${inRange('e', range)}
    group by e.ts / ${sql.lit(dayMs)}
    order by d`.execute(db);
  const byDay = new Map((rows as any[]).map((r) => [Number(r.d), r]));
  const days = [...byDay.keys()];
  const daily = [];
  for (let d = days[0]; d <= days[days.length - 1]; d++) {
    const r = byDay.get(d);
    daily.push({ day: day(d * dayMs), views: Number(r?.views ?? 0), shares: Number(r?.shares ?? 0), visits: Number(r?.visits ?? 0) });
  }
  const total = (column: string) => (rows as any[]).reduce((t, r) => t + Number(r[column]), 0);
  return {
    totals: {
      views: sum((p) => p.views),
      shares: sum((p) => p.shares),
      visits: sum((p) => p.visits),
      k: viralCoefficient(generations),
      depth: pages.reduce((deepest, p) => Math.max(deepest, p.depth), 0),
      conversions: total('conversions'),
      value: total('value'),
      reviews: total('reviews'),
    },
    daily,
  };
}

const dayMs = 24 * 3600_000;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `GET /api/report?url=U`: the answer's type, as the dashboard imports it. */
export type PageReport = Awaited<ReturnType<typeof pageReport>>;

/** `GET /api/report` without `url`: the answer's type, as the dashboard imports it. */
export type SiteOverview = Awaited<ReturnType<typeof siteOverview>>;
