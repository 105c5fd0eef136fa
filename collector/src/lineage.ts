/**
 * Lineage kept as events arrive, so that reports read rows instead of rebuilding graphs:
 * per share of a page its parent and generation (`shares`), and per page, UTC day and
 * generation the events counted (`page_days`, which the site overview sums).
 *
 * Events mostly arrive in order: a share's event is sent when it is made, before anyone
 * can arrive through it. Then a new share or view takes its generation from rows already
 * stored, in the ingest transaction. When a share arrives after an event that named it
 * (`unresolved` keeps such refs), what was counted through it is wrong: the page is
 * marked stale in that same transaction, and rebuilt from its events once it commits
 * (share-graph.ts, linear in the page's events), at most once a second per page, so that
 * nobody can make the collector rebuild a page per request. Until then the page report
 * computes the page's graph from its events itself; the overview counts the page as it was.
 *
 * Each share also keeps the seed of its cascade (`root`) and its distance from it
 * (`depth`), and `cascades` each cascade's shares and depth, for the webhooks'
 * milestones (webhooks/milestones.ts).
 */
import { sql } from 'kysely';
import type { Dialect } from './db.js';
import { shareGraph } from './share-graph.js';
import { multiRow } from './statements.js';
import type { Database } from './types.js';

/** What lineage reads of a stored event. */
export interface StoredEvent {
  site: string;
  url: string;
  type: string;
  ts: number;
  ref: string | null;
  share: string | null;
  network: string | null;
  visitor: string | null;
  value: number | null;
}

/** A share as `shares` keeps it. */
export interface LineageRow {
  share: string;
  parent: string | null;
  generation: number;
  network: string | null;
  visitor: string | null;
  ts: number;
}

/** A cascade of a page that the events just recorded grew: its shares and depth before and after. */
export interface TouchedCascade {
  site: string;
  url: string;
  root: string;
  before: { size: number; depth: number };
  size: number;
  depth: number;
}

/** The event types the overview counts. */
const counted = new Set(['view', 'share', 'convert', 'review']);
export const dayMs = 24 * 3600_000;

/** A page's counted events of one UTC day (days since the epoch) and generation. */
export interface CountRow {
  site: string;
  url: string;
  day: number;
  generation: number;
  views: number;
  shares: number;
  conversions: number;
  value: number;
  reviews: number;
}
/** Count rows by page, day and generation. */
type Counts = Map<string, CountRow>;

/**
 * The generation of an event that arrived through `ref`: 0 through none, one more than the
 * share's, 1 through a share never received (PRODUCT.md: taken as generation 0).
 */
export const generationThrough = (generations: Map<string, number>, ref: string | null) =>
  ref === null ? 0 : (generations.get(ref) ?? 0) + 1;

function count(counts: Counts, event: StoredEvent, generation: number) {
  const day = Math.floor(event.ts / dayMs);
  const key = `${event.site}\n${event.url}\n${day}\n${generation}`;
  let row = counts.get(key);
  if (!row) counts.set(key, (row = { site: event.site, url: event.url, day, generation, views: 0, shares: 0, conversions: 0, value: 0, reviews: 0 }));
  if (event.type === 'view') row.views += 1;
  else if (event.type === 'share') row.shares += 1;
  else if (event.type === 'review') row.reviews += 1;
  else {
    row.conversions += 1;
    row.value += event.value ?? 0;
  }
}

/** Rows per statement of a rebuild: well under both engines' limits on parameters. */
const chunk = 200;

async function insertChunked(db: Database, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += chunk) await db.insertInto(table).values(rows.slice(i, i + chunk)).onConflict((oc: any) => oc.doNothing()).execute();
}

const pageColumns = ['site', 'url'];
const shareColumns = [...pageColumns, 'share', 'parent', 'generation', 'network', 'visitor', 'ts', 'root', 'depth'];
const dayColumns = [...pageColumns, 'day', 'generation', 'views', 'shares', 'conversions', 'value', 'reviews'];
const insertShares = multiRow(shareColumns, (db, rows) => db.insertInto('shares').values(rows).onConflict((oc) => oc.doNothing()));
const insertUnresolved = multiRow([...pageColumns, 'ref', 'ts'], (db, rows) => db.insertInto('unresolved').values(rows).onConflict((oc) => oc.doNothing()));
const markStale = multiRow(pageColumns, (db, rows) => db.insertInto('stale_pages').values(rows).onConflict((oc) => oc.doNothing()));
const add = (column: string) => sql`${sql.ref(`page_days.${column}`)} + ${sql.ref(`excluded.${column}`)}`;
const upsertDays = multiRow(dayColumns, (db, rows) =>
  db
    .insertInto('page_days')
    .values(rows)
    .onConflict((oc) => oc.columns(['site', 'url', 'day', 'generation']).doUpdateSet(Object.fromEntries(['views', 'shares', 'conversions', 'value', 'reviews'].map((c) => [c, add(c)])))),
);
/** The rows of `table` keyed (site, url, `column`) among `keys`: one statement per 100 keys, for every page at once. */
const lookup = <R>(table: 'shares' | 'unresolved', column: string, select: string[]) =>
  multiRow<R>([...pageColumns, column], (db, keys) =>
    db
      .selectFrom(table)
      .select(select)
      .where(({ eb, refTuple, tuple }) => eb(refTuple('site', 'url', column), 'in', keys.map((k) => tuple(k.site, k.url, k[column])))),
  );
const knownShares = lookup<{ site: string; url: string; share: string; generation: number; root: string; depth: number }>('shares', 'share', ['site', 'url', 'share', 'generation', 'root', 'depth']);
const waitingRefs = lookup<{ site: string; url: string }>('unresolved', 'ref', ['site', 'url']);

/** Adds counted events to the page-day rows, in key order (so that two PostgreSQL transactions lock rows in one order). */
async function addCounts(db: Database, dialect: Dialect, counts: Counts) {
  await upsertDays(db, dialect, [...counts.keys()].sort().map((key) => counts.get(key) as CountRow));
}

/**
 * Adds shares to their cascades' rows, in key order.
 *
 * @param grown per cascade seed, the shares added and the deepest of them
 */
async function addToCascades(db: Database, site: string, url: string, grown: Map<string, { size: number; depth: number }>) {
  const roots = [...grown.keys()].sort();
  const before: Map<string, { size: number; depth: number }> = new Map();
  for (let i = 0; i < roots.length; i += chunk) {
    const rows = await db.selectFrom('cascades').select(['root', 'size', 'depth']).where('site', '=', site).where('url', '=', url).where('root', 'in', roots.slice(i, i + chunk)).execute();
    for (const row of rows) before.set(row.root, { size: Number(row.size), depth: Number(row.depth) });
  }
  const touched: TouchedCascade[] = [];
  for (const root of roots) {
    const added = grown.get(root) as { size: number; depth: number };
    const was = before.get(root) ?? { size: 0, depth: 0 };
    const now = { size: was.size + added.size, depth: Math.max(was.depth, added.depth) };
    await db
      .insertInto('cascades')
      .values({ site, url, root, ...now })
      .onConflict((oc) => oc.columns(['site', 'url', 'root']).doUpdateSet(now))
      .execute();
    touched.push({ site, url, root, before: was, ...now });
  }
  return touched;
}

/** On PostgreSQL, serialises lineage work on pages across transactions and processes: `pages` locked in their order. */
async function lockPages(db: Database, dialect: Dialect, pages: string[]) {
  if (dialect === 'postgres' && pages.length) await sql`select pg_advisory_xact_lock(hashtext(page)) from unnest(${pages}::text[]) as page`.execute(db);
}

const pageKey = (site: string, url: string) => `${site}\n${url}`;

function byPage(events: StoredEvent[]) {
  const pages: Map<string, StoredEvent[]> = new Map();
  for (const event of events) {
    const key = pageKey(event.site, event.url);
    const list = pages.get(key);
    if (list) list.push(event);
    else pages.set(key, [event]);
  }
  return pages;
}

/** Adds new shares to their cascades' rows, page by page in key order. */
async function growCascades(db: Database, added: { site: string; url: string; root: string; depth: number }[]) {
  const pages: Map<string, { site: string; url: string; grown: Map<string, { size: number; depth: number }> }> = new Map();
  for (const { site, url, root, depth } of added) {
    const key = pageKey(site, url);
    let page = pages.get(key);
    if (!page) pages.set(key, (page = { site, url, grown: new Map() }));
    const cascade = page.grown.get(root) ?? { size: 0, depth: 0 };
    page.grown.set(root, { size: cascade.size + 1, depth: Math.max(cascade.depth, depth) });
  }
  const touched: TouchedCascade[] = [];
  for (const key of [...pages.keys()].sort()) {
    const { site, url, grown } = pages.get(key) as { site: string; url: string; grown: Map<string, { size: number; depth: number }> };
    touched.push(...(await addToCascades(db, site, url, grown)));
  }
  return touched;
}

/**
 * In the ingest transaction: records the shares and counts of events just stored, in the
 * order received. Each step is one statement (per 100 rows) for every page of the batch.
 *
 * @returns the pages marked stale (site and url), and the cascades that grew
 */
export async function recordLineage(trx: Database, dialect: Dialect, events: StoredEvent[]) {
  const pages = byPage(events.filter((e) => counted.has(e.type)));
  const keys = [...pages.keys()].sort();
  await lockPages(trx, dialect, keys);
  /** generation of each share these events name, by page and share */
  const generations: Map<string, Map<string, number>> = new Map(keys.map((key) => [key, new Map()]));
  const names = keys.flatMap((key) => {
    const list = pages.get(key) as StoredEvent[];
    const { site, url } = list[0];
    return [...new Set(list.flatMap((e) => [e.ref, e.share]).filter((n): n is string => n !== null))].map((share) => ({ site, url, share }));
  });
  /** cascade seed and depth in it of each share these events name, by page and share */
  const places: Map<string, Map<string, { root: string; depth: number }>> = new Map(keys.map((key) => [key, new Map()]));
  for (const row of await knownShares(trx, dialect, names)) {
    generations.get(pageKey(row.site, row.url))?.set(row.share, Number(row.generation));
    places.get(pageKey(row.site, row.url))?.set(row.share, { root: row.root, depth: Number(row.depth) });
  }

  const counts: Counts = new Map();
  const added: (LineageRow & { site: string; url: string; root: string; depth: number })[] = [];
  const unresolved: { site: string; url: string; ref: string; ts: number }[] = [];
  /** pages where a share arrived after an event named it */
  const stale: Map<string, { site: string; url: string }> = new Map();
  for (const key of keys) {
    const list = pages.get(key) as StoredEvent[];
    const { site, url } = list[0];
    const known = generations.get(key) as Map<string, number>;
    const place = places.get(key) as Map<string, { root: string; depth: number }>;
    /** refs named before their share was received, with the first time */
    const missing: Map<string, number> = new Map();
    for (const event of list) {
      let generation;
      if (event.type === 'share') {
        const share = (event.share as string);
        // A share id's first event is its lineage (PRODUCT.md); later ones count nothing.
        if (known.has(share)) continue;
        if (missing.has(share)) stale.set(key, { site, url });
        const parent = event.ref !== null && known.has(event.ref) ? event.ref : null;
        generation = generationThrough(known, event.ref);
        known.set(share, generation);
        const above = parent === null ? undefined : place.get(parent);
        const where = above ? { root: above.root, depth: above.depth + 1 } : { root: share, depth: 0 };
        place.set(share, where);
        added.push({ site, url, share, parent, generation, network: event.network, visitor: event.visitor, ts: event.ts, ...where });
      } else {
        generation = generationThrough(known, event.ref);
      }
      if (event.ref !== null && !known.has(event.ref) && !missing.has(event.ref)) missing.set(event.ref, event.ts);
      count(counts, event, generation);
    }
    for (const [ref, ts] of missing) if (!known.has(ref)) unresolved.push({ site, url, ref, ts });
  }
  await insertShares(trx, dialect, added);
  const cascades = await growCascades(trx, added);
  // An earlier batch named one of these shares before it arrived.
  const waiting = added.filter((row) => !stale.has(pageKey(row.site, row.url))).map((row) => ({ site: row.site, url: row.url, ref: row.share }));
  for (const { site, url } of await waitingRefs(trx, dialect, waiting)) stale.set(pageKey(site, url), { site, url });
  await insertUnresolved(trx, dialect, unresolved);
  await markStale(trx, dialect, [...stale.values()]);
  await addCounts(trx, dialect, counts);
  return { stale: [...stale.values()], cascades };
}

/** The order events were received in: SQLite's rowid (rows are appended), PostgreSQL's `seq` (migration 0004). */
export const received = (dialect: Dialect, alias: string) => sql.ref(`${alias}.${dialect === 'sqlite' ? 'rowid' : 'seq'}`);

/**
 * A page's share events in the order received (every one kept: the graph is the page's,
 * whatever range a report reads).
 *
 * @param site absent: the page's events of every site
 */
export async function pageShareEvents(db: Database, dialect: Dialect, url: string, site?: string): Promise<(StoredEvent & { share: string })[]> {
  return (await db
    .selectFrom('events as e')
    .select(['e.site', 'e.url', 'e.type', 'e.ts', 'e.ref', 'e.share', 'e.network', 'e.visitor', 'e.value'])
    .where('e.url', '=', url)
    .where('e.type', '=', 'share')
    .$if(site !== undefined, (q) => q.where('e.site', '=', site))
    .orderBy(received(dialect, 'e'))
    .execute()) as any;
}

/**
 * A page's lineage computed from its events (share-graph.ts): its shares, the refs its
 * events named that no share of it answers, and its counts.
 */
export async function computePage(db: Database, dialect: Dialect, site: string, url: string) {
  const events: StoredEvent[] = (await db
    .selectFrom('events as e')
    .select(['e.site', 'e.url', 'e.type', 'e.ts', 'e.ref', 'e.share', 'e.network', 'e.visitor', 'e.value'])
    .where('e.url', '=', url)
    .where('e.site', '=', site)
    .where('e.type', 'in', [...counted])
    .orderBy(received(dialect, 'e'))
    .execute()) as any;
  const graph = shareGraph(events.filter((e): e is StoredEvent & { share: string } => e.type === 'share'));
  const generations = new Map([...graph.values()].map((s) => [s.share, s.generation]));
  const counts: Counts = new Map();
  const missing: Map<string, number> = new Map();
  const shares: Set<string> = new Set();
  for (const event of events) {
    let generation;
    if (event.type === 'share') {
      const share = (event.share as string);
      if (shares.has(share)) continue;
      shares.add(share);
      generation = (generations.get(share) as number);
    } else {
      generation = generationThrough(generations, event.ref);
    }
    if (event.ref !== null && !generations.has(event.ref) && !missing.has(event.ref)) missing.set(event.ref, event.ts);
    count(counts, event, generation);
  }
  return { graph, missing, counts };
}

/**
 * Rebuilds a page's shares, unresolved refs and counts from its events, inside the
 * caller's transaction, and clears its stale mark.
 *
 * @param cascades also rebuild the page's cascades (false only for migration 0005, which ran before they were kept)
 */
export async function rebuildPage(trx: Database, dialect: Dialect, site: string, url: string, { cascades = true } = {}) {
  await lockPages(trx, dialect, [pageKey(site, url)]);
  const { graph, missing, counts } = await computePage(trx, dialect, site, url);
  const thisPage = <T extends { where: (...args: any[]) => T }>(q: T) => q.where('site', '=', site).where('url', '=', url);
  await thisPage(trx.deleteFrom('shares')).execute();
  const rows = [...graph.values()].map((s) => ({ site, url, share: s.share, parent: s.parent, generation: s.generation, network: s.network, visitor: s.visitor, ts: s.ts }));
  if (cascades) {
    // Parents come before their children in the graph: each share's place follows from its parent's.
    const places: Map<string, { root: string; depth: number }> = new Map();
    const sizes: Map<string, { size: number; depth: number }> = new Map();
    for (const row of rows) {
      const above = row.parent === null ? undefined : places.get(row.parent);
      const place = above ? { root: above.root, depth: above.depth + 1 } : { root: row.share, depth: 0 };
      places.set(row.share, place);
      Object.assign(row, place);
      const cascade = sizes.get(place.root) ?? { size: 0, depth: 0 };
      sizes.set(place.root, { size: cascade.size + 1, depth: Math.max(cascade.depth, place.depth) });
    }
    await thisPage(trx.deleteFrom('cascades')).execute();
    await insertChunked(trx, 'cascades', [...sizes].map(([root, cascade]) => ({ site, url, root, ...cascade })));
  }
  await insertChunked(trx, 'shares', rows);
  await thisPage(trx.deleteFrom('unresolved')).execute();
  await insertUnresolved(trx, dialect, [...missing].map(([ref, ts]) => ({ site, url, ref, ts })));
  await thisPage(trx.deleteFrom('page_days')).execute();
  await addCounts(trx, dialect, counts);
  await thisPage(trx.deleteFrom('stale_pages')).execute();
}

/**
 * Rebuilds stale pages after the transactions that marked them, and every `interval` ms
 * (marks left by another process, or by one that stopped): each page at most once per
 * `interval`, and for about `budget` ms per run, so that rebuilding never holds the
 * database for long whatever was sent.
 */
export function lineageKeeper(db: Database, dialect: Dialect, { interval = 1000, budget = 250, onError }: { interval?: number; budget?: number; onError: (error: unknown) => void }) {
  /** when each page was last rebuilt */
  const built: Map<string, number> = new Map();
  let running: Promise<void> | undefined;

  async function rebuildStale() {
    const start = Date.now();
    for (const [page, at] of built) if (start - at >= interval) built.delete(page);
    const pages = await db.selectFrom('stale_pages').select(['site', 'url']).limit(100).execute();
    for (const { site, url } of pages) {
      if (Date.now() - start >= budget) break;
      if (built.has(pageKey(site, url))) continue;
      built.set(pageKey(site, url), Date.now());
      await db.transaction().execute((trx) => rebuildPage(trx, dialect, site, url));
    }
  }

  /** Runs a rebuild, or joins the one running. */
  const run = () => (running ??= rebuildStale().catch(onError).finally(() => (running = undefined)));
  const timer = setInterval(run, interval).unref();
  return {
    run,
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
