/**
 * The report's reads: plain indexed queries, each over one page's events or the site's
 * page-day counts (lineage.ts keeps both up to date as events arrive).
 */
import { sql, type SqlBool } from 'kysely';
import type { Visit } from './cascades.js';
import type { Dialect } from './db.js';
import { computePage, pageShareEvents, type CountRow, type LineageRow } from './lineage.js';
import { shareGraph } from './share-graph.js';
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

/** A page's share graph: each share id once, with its parent and generation. */
export type Graph = Map<string, LineageRow>;

export interface Conversion {
  id: string;
  ref: string | null;
  ts: number;
  value: number | null;
}


/** `site`, `from` and `to` conditions on the events aliased `alias`. */
function inRange(alias: string, { site, from, to }: Range) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions = [sql`1 = 1`];
  if (site !== undefined) conditions.push(sql`${column('site')} = ${site}`);
  if (from !== undefined) conditions.push(sql`${column('ts')} >= ${from}`);
  if (to !== undefined) conditions.push(sql`${column('ts')} < ${to}`);
  return sql.join(conditions, sql` and `).$castTo<SqlBool>();
}

/**
 * The page's share graph over every share kept (a share's generation does not depend on
 * the range read): its lineage rows, or, while the page is stale, the graph computed from
 * its share events.
 */
export async function pageGraph({ db, dialect }: Source, { url, site }: Range & { url: string }): Promise<Graph> {
  const stale = await db
    .selectFrom('stale_pages')
    .select('url')
    .where('url', '=', url)
    .$if(site !== undefined, (q) => q.where('site', '=', site))
    .limit(1)
    .execute();
  if (stale.length) return shareGraph(await pageShareEvents(db, dialect, url, site));
  const rows = await db
    .selectFrom('shares')
    .select(['share', 'parent', 'generation', 'network', 'visitor', 'ts'])
    .where('url', '=', url)
    .$if(site !== undefined, (q) => q.where('site', '=', site))
    .orderBy('generation')
    .execute();
  return new Map(rows.map((row) => [row.share, { ...row, generation: Number(row.generation), ts: Number(row.ts) }]));
}

/** The page's views per `ref` (null: arrived through no share). */
export async function viewCounts(db: Database, range: Range & { url: string }): Promise<{ ref: string | null; n: number }[]> {
  const { rows } = await sql<{ ref: string | null; n: number }>`
    select v.ref, count(*) as n from events v
    where v.url = ${range.url} and v.type = 'view' and ${inRange('v', range)}
    group by v.ref`.execute(db);
  return rows.map((r) => ({ ref: r.ref, n: Number(r.n) }));
}

/** The page's views that arrived through a share, one row each (for the cascade trees). */
export async function visitsThroughShares(db: Database, range: Range & { url: string }): Promise<Visit[]> {
  const { rows } = await sql<Visit>`
    select v.id, v.ref, v.visitor, v.ts from events v
    where v.url = ${range.url} and v.type = 'view' and v.ref is not null and ${inRange('v', range)}`.execute(db);
  return rows.map((v) => ({ ...v, ts: Number(v.ts) }));
}

/**
 * Conversions made on the page, and those made elsewhere through one of its shares: two
 * queries, each on its own index (one with `or` reads the whole site). The second names
 * only the type and the refs, so that every planner takes the conversions' partial index
 * on `ref` (with `site` too, SQLite walked the site's primary key once per chunk); the few
 * conversions it finds are held to the range here.
 */
export async function conversionsOf(db: Database, range: Range & { url: string }, shares: string[]): Promise<Conversion[]> {
  const here = await sql<Conversion>`
    select c.id, c.ref, c.ts, c.value from events c
    where c.url = ${range.url} and c.type = 'convert' and ${inRange('c', range)}`.execute(db);
  const found = new Map(here.rows.map((c) => [c.id, c]));
  for (let i = 0; i < shares.length; i += 500) {
    const through = await sql<Conversion & { site: string }>`
      select c.id, c.site, c.ref, c.ts, c.value from events c
      where c.type = 'convert' and c.ref in (${sql.join(shares.slice(i, i + 500))})`.execute(db);
    for (const { site, ...c } of through.rows) {
      const ts = Number(c.ts);
      if ((range.site === undefined || site === range.site) && (range.from === undefined || ts >= range.from) && (range.to === undefined || ts < range.to)) found.set(c.id, c);
    }
  }
  return [...found.values()].map((c) => ({ ...c, ts: Number(c.ts) }));
}

/** Dashboard: the items reviewed on the page (the tracker's `review` events), most first. */
export async function reviewedItems(db: Database, range: Range & { url: string }) {
  const rows = await db
    .selectFrom('events as r')
    .select((eb) => ['r.item', eb.fn.countAll().as('reviews')])
    .where('r.url', '=', range.url)
    .where('r.type', '=', 'review')
    .where('r.item', 'is not', null)
    .where(inRange('r', range))
    .groupBy('r.item')
    .orderBy('reviews', 'desc')
    .orderBy('r.item')
    .execute();
  return rows.map((r) => ({ item: (r.item as string), reviews: Number(r.reviews) }));
}

/**
 * The page-day counts of the days given (from inclusive, to exclusive, in days since the
 * epoch); a page marked stale is counted from its events instead, so that the overview is
 * exact while its rebuild waits.
 */
export async function pageDays({ db, dialect }: Source, site: string | undefined, days: { from?: number; to?: number }): Promise<CountRow[]> {
  const inDays = (day: number) => (days.from === undefined || day >= days.from) && (days.to === undefined || day < days.to);
  const stale = await db
    .selectFrom('stale_pages')
    .select(['site', 'url'])
    .$if(site !== undefined, (q) => q.where('site', '=', site))
    .execute();
  const isStale = new Set(stale.map((p) => `${p.site}\n${p.url}`));
  const rows = await db
    .selectFrom('page_days')
    .select(['site', 'url', 'day', 'generation', 'views', 'shares', 'conversions', 'value', 'reviews'])
    .$if(site !== undefined, (q) => q.where('site', '=', site))
    .$if(days.from !== undefined, (q) => q.where('day', '>=', days.from))
    .$if(days.to !== undefined, (q) => q.where('day', '<', days.to))
    .execute();
  const counts: CountRow[] = rows
    .filter((r) => !isStale.has(`${r.site}\n${r.url}`))
    .map((r) => ({
      site: r.site,
      url: r.url,
      day: Number(r.day),
      generation: Number(r.generation),
      views: Number(r.views),
      shares: Number(r.shares),
      conversions: Number(r.conversions),
      value: Number(r.value),
      reviews: Number(r.reviews),
    }));
  for (const page of stale) {
    for (const row of (await computePage(db, dialect, page.site, page.url)).counts.values()) if (inDays(row.day)) counts.push(row);
  }
  return counts;
}

/** Crawler hits dropped at ingest, over the days given (ISO dates, `to` inclusive). */
export async function botHits(db: Database, site: string | undefined, days: { from?: string; to?: string }) {
  const bots = await db
    .selectFrom('bot_hits')
    .select((eb) => eb.fn.coalesce(eb.fn.sum('hits'), eb.lit(0)).as('n'))
    .$if(site !== undefined, (q) => q.where('site', '=', site))
    .$if(days.from !== undefined, (q) => q.where('day', '>=', days.from))
    .$if(days.to !== undefined, (q) => q.where('day', '<=', days.to))
    .executeTakeFirstOrThrow();
  return Number(bots.n);
}
