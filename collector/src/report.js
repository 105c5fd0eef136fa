// @ts-check
/**
 * The marketer report (PRODUCT.md, "Collector"). The database computes every event's
 * generation with a recursive query over share → view links; the cascade trees are then
 * measured here from the linked rows, in time linear in their size.
 *
 * The report of a page reads that page's events in the time range: a `ref` naming a
 * share outside them (never received, on another page, or before `from`) is an unknown
 * share of generation 0. Conversions elsewhere on the site count when their `ref` is a
 * share of the page.
 */
import { sql } from 'kysely';

/**
 * @typedef {{ url?: string, site?: string, from?: number, to?: number }} Range
 * @typedef {{ kind: 'share' | 'view' | 'convert', id: string, ref: string | null,
 *   network: string | null, visitor: string | null, ts: number, g: number, value: number | null }} Row
 * @typedef {{ children: Node[], size: number, depth: number, network?: string | null }} Node
 * @typedef {{ generation: number, visits: number, shares: number, conversions: number, value: number }} Generation
 */

/**
 * `site`, `from` and `to` conditions on the events aliased `alias`.
 * @param {string} alias
 * @param {Range} range
 */
function inRange(alias, { site, from, to }) {
  const column = (/** @type {string} */ name) => sql.ref(`${alias}.${name}`);
  const conditions = [sql`1 = 1`];
  if (site !== undefined) conditions.push(sql`${column('site')} = ${site}`);
  if (from !== undefined) conditions.push(sql`${column('ts')} >= ${from}`);
  if (to !== undefined) conditions.push(sql`${column('ts')} < ${to}`);
  return sql.join(conditions, sql` and `);
}

/** @param {string} alias @param {Range} range */
const onPage = (alias, { url }) => (url === undefined ? sql`` : sql`and ${sql.ref(`${alias}.url`)} = ${url}`);

/**
 * `shares`: one row per share id of each page; `gen`: each share's generation. Seeds (no
 * `ref`, or a `ref` not among the page's shares) start at 0 or 1, children add one.
 * Shares in a `ref` cycle are unreachable from a seed and so leave the recursion finite.
 * @param {Range} range
 */
const generationsCte = (range) => sql`
  with recursive shares as (
    select e.url, e.share, e.ref, min(e.network) as network,
           min(e.visitor) as visitor, min(e.ts) as ts
    from events e
    where e.type = 'share' and ${inRange('e', range)} ${onPage('e', range)}
    -- ref is a plain column (not min(ref)) so that SQLite indexes (url, ref) for the
    -- recursive step; with only url it went quadratic in a page's shares.
    group by e.url, e.share, e.ref
  ),
  gen (url, share, g) as (
    select s.url, s.share, case when s.ref is null then 0 else 1 end
    from shares s
    where s.ref is null
       or not exists (select 1 from shares p where p.url = s.url and p.share = s.ref)
    union all
    select c.url, c.share, gen.g + 1
    from shares c join gen on c.url = gen.url and c.ref = gen.share
  )`;

/**
 * Views and shares per page and generation.
 * @param {import('kysely').Kysely<any>} db
 * @param {Range} range
 * @returns {Promise<{ url: string, kind: 'view' | 'share', g: number, n: number }[]>}
 */
async function tally(db, range) {
  const { rows } = await sql`${generationsCte(range)}
    select t.url, t.kind, t.g, count(*) as n from (
      select v.url, 'view' as kind,
             case when v.ref is null then 0 else coalesce(gen.g + 1, 1) end as g
      from events v left join gen on gen.url = v.url and gen.share = v.ref
      where v.type = 'view' and ${inRange('v', range)} ${onPage('v', range)}
      union all
      select url, 'share' as kind, g from gen
    ) t
    group by t.url, t.kind, t.g`.execute(db);
  return /** @type {any} */ (rows);
}

/**
 * The page's shares, the views that arrived through a share, and the conversions made
 * on the page or through one of its shares, each with its generation.
 * @param {import('kysely').Kysely<any>} db
 * @param {Range & { url: string }} range
 * @returns {Promise<Row[]>}
 */
async function linkedRows(db, range) {
  const { rows } = await sql`${generationsCte(range)}
    select 'share' as kind, s.share as id, s.ref, s.network, s.visitor, s.ts, gen.g,
           cast(null as double precision) as value
    from shares s join gen on gen.url = s.url and gen.share = s.share
    union all
    select 'view', v.id, v.ref, null, v.visitor, v.ts, coalesce(gen.g + 1, 1), null
    from events v left join gen on gen.url = v.url and gen.share = v.ref
    where v.type = 'view' and v.ref is not null and ${inRange('v', range)} and v.url = ${range.url}
    union all
    select 'convert', c.id, c.ref, null, c.visitor, c.ts,
           case when c.ref is null then 0 else coalesce(gen.g + 1, 1) end, c.value
    from events c left join gen on gen.share = c.ref
    where c.type = 'convert' and ${inRange('c', range)} and c.url = ${range.url}
    union all
    select 'convert', c.id, c.ref, null, c.visitor, c.ts, gen.g + 1, c.value
    from gen join events c on c.ref = gen.share
    where c.type = 'convert' and ${inRange('c', range)} and c.url <> ${range.url}`.execute(db);
  return /** @type {any} */ (rows);
}

/**
 * k: visits of generation ≥ 1 over visits of the generations that could refer (all but
 * the deepest). 0 when nothing could refer.
 * @param {{ visits: number }[]} generations dense, index = generation
 */
function viralCoefficient(generations) {
  const referring = generations.slice(0, -1).reduce((sum, g) => sum + g.visits, 0);
  const referred = generations.slice(1).reduce((sum, g) => sum + g.visits, 0);
  return referring === 0 ? 0 : referred / referring;
}

/**
 * The contract's report for one page.
 * @param {import('kysely').Kysely<any>} db
 * @param {Range & { url: string }} range
 */
export async function pageReport(db, range) {
  const [counts, rows] = [await tally(db, range), await linkedRows(db, range)];

  /** @type {Generation[]} */
  const generations = [];
  const at = (/** @type {number} */ g) => {
    for (let i = generations.length; i <= g; i++) {
      generations.push({ generation: i, visits: 0, shares: 0, conversions: 0, value: 0 });
    }
    return generations[g];
  };
  for (const { kind, g, n } of counts) at(g)[kind === 'view' ? 'visits' : 'shares'] += Number(n);
  const depth = Math.max(generations.length - 1, 0);
  const k = viralCoefficient(generations);

  const shares = rows.filter((r) => r.kind === 'share');
  const visits = rows.filter((r) => r.kind === 'view');
  const conversions = rows.filter((r) => r.kind === 'convert');
  for (const c of conversions) {
    at(c.g).conversions += 1;
    at(c.g).value += c.value ?? 0;
  }

  const shareById = new Map(shares.map((s) => [s.id, s]));
  /** @type {Record<string, { shares: number, visits: number }>} */
  const networks = {};
  const network = (/** @type {string} */ key) => (networks[key] ??= { shares: 0, visits: 0 });
  for (const s of shares) if (s.network) network(s.network).shares += 1;
  for (const v of visits) {
    const through = shareById.get(/** @type {string} */ (v.ref))?.network;
    if (through) network(through).visits += 1;
  }
  // Dashboard: conversions by the network of the share they came through.
  /** @type {Record<string, { conversions: number, value: number }>} */
  const conversionsByNetwork = {};
  for (const c of conversions) {
    const through = c.ref ? shareById.get(c.ref)?.network : undefined;
    if (!through) continue;
    const figures = (conversionsByNetwork[through] ??= { conversions: 0, value: 0 });
    figures.conversions += 1;
    figures.value += c.value ?? 0;
  }
  const measured = cascades(shares, visits);
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
    chains: topChains(shareById, conversions),
    conversionsByNetwork,
    trees: measured.filter((c) => c.tree).map(({ root, tree }) => ({ root, tree })),
    reviewItems: reviewed.map((r) => ({ item: r.item, reviews: Number(r.reviews) })),
  };
}

/**
 * Builds the cascade trees: a root per seed share (its sharer), a node per visit under the
 * node that made the share it arrived through. Without a visitor id, a share's maker is the
 * earliest visit through its parent share made before it and not yet taken by another
 * share; failing that, a node of its own under the parent share's maker.
 *
 * @param {Row[]} shares
 * @param {Row[]} visits views whose `ref` is set
 */
export function cascades(shares, visits) {
  const shareIds = new Set(shares.map((s) => s.id));
  /** @type {Map<string, Row[]>} visits through each received share, earliest first */
  const through = new Map();
  for (const v of visits) {
    const ref = /** @type {string} */ (v.ref);
    if (!shareIds.has(ref)) continue;
    const list = through.get(ref);
    if (list) list.push(v);
    else through.set(ref, [v]);
  }
  for (const list of through.values()) list.sort((a, b) => a.ts - b.ts || compare(a.id, b.id));

  /** @type {Map<string, Row>} a visitor's first visit through a share, keyed `ref visitor` */
  const visitOf = new Map();
  for (const list of through.values()) {
    for (const v of list) if (v.visitor && !visitOf.has(`${v.ref} ${v.visitor}`)) visitOf.set(`${v.ref} ${v.visitor}`, v);
  }

  const networks = new Map(shares.map((s) => [s.id, s.network]));
  const networkOf = (/** @type {string | null} */ ref) => (ref && networks.get(ref)) || null;
  /** @param {Node} [parent] @param {string | null} [network] the network of the share it came through */
  const newNode = (parent, network = null) => {
    /** @type {Node} */
    const node = { children: [], size: 1, depth: 0, network };
    parent?.children.push(node);
    return node;
  };
  /** @type {Map<string, Node>} the node that made each share */
  const maker = new Map();
  /** @type {Map<string, Node>} */
  const visitNodes = new Map();
  /** @param {Row} v */
  const visitNode = (v) => {
    let node = visitNodes.get(v.id);
    if (!node) visitNodes.set(v.id, (node = newNode(maker.get(/** @type {string} */ (v.ref)), networkOf(v.ref))));
    return node;
  };
  /** @type {Map<string, Node>} makers never seen visiting, keyed `ref visitor` */
  const unseen = new Map();
  const taken = new Set();
  /** @type {Map<string, number>} per parent share, the first visit possibly not taken */
  const cursor = new Map();
  /** @type {{ seed: Row, root: Node }[]} */
  const seeds = [];

  // Parents before children (generation order); siblings in time order.
  const ordered = [...shares].sort((a, b) => a.g - b.g || a.ts - b.ts || compare(a.id, b.id));
  for (const s of ordered) {
    if (!s.ref || !shareIds.has(s.ref)) {
      const root = newNode(undefined, s.network);
      maker.set(s.id, root);
      seeds.push({ seed: s, root });
      continue;
    }
    const candidates = through.get(s.ref) ?? [];
    /** @type {Node | undefined} */
    let made;
    if (s.visitor) {
      const key = `${s.ref} ${s.visitor}`;
      const visit = visitOf.get(key);
      if (visit) taken.add(visit.id);
      made = visit ? visitNode(visit) : unseen.get(key);
      if (!made) unseen.set(key, (made = newNode(maker.get(s.ref), networkOf(s.ref))));
    } else {
      let i = cursor.get(s.ref) ?? 0;
      while (i < candidates.length && taken.has(candidates[i].id)) i++;
      if (i < candidates.length && candidates[i].ts <= s.ts) {
        taken.add(candidates[i].id);
        made = visitNode(candidates[i]);
        i++;
      } else {
        made = newNode(maker.get(s.ref), networkOf(s.ref));
      }
      cursor.set(s.ref, i);
    }
    maker.set(s.id, made);
  }
  for (const list of through.values()) list.forEach(visitNode);

  return seeds
    .map(({ seed, root }) => ({ root: seed.id, ts: seed.ts, ...measure(root), node: root }))
    .sort((a, b) => b.size - a.size || b.depth - a.depth || a.ts - b.ts || compare(a.root, b.root))
    // Dashboard: the trees of the largest cascades, to draw them.
    .map(({ ts, node, ...cascade }, i) => (i < treesShown && cascade.size <= maxTreeSize ? { ...cascade, tree: treeOf(node) } : cascade));
}

/** How many of the largest cascades carry their `tree`, and up to which size. */
export const treesShown = 5;
export const maxTreeSize = 5000;

/**
 * A cascade tree as JSON: each node the network of the share it came through.
 * @param {Node} node
 * @returns {{ network: string | null, children: object[] }}
 */
function treeOf(node) {
  return { network: node.network ?? null, children: node.children.map(treeOf) };
}

/**
 * Size, depth, largest broadcast and structural virality of a tree. Virality is the mean
 * distance over all node pairs: each edge lies on the path of s·(n−s) pairs, where s is the
 * size of the subtree below it, so ν = Σ s(n−s) / (n(n−1)/2).
 * @param {Node} root
 */
export function measure(root) {
  const order = [root];
  let depth = 0;
  let broadcast = 0;
  for (let i = 0; i < order.length; i++) {
    const node = order[i];
    broadcast = Math.max(broadcast, node.children.length);
    for (const child of node.children) {
      child.depth = node.depth + 1;
      depth = Math.max(depth, child.depth);
      order.push(child);
    }
  }
  const n = order.length;
  let pairs = 0;
  for (let i = n - 1; i > 0; i--) {
    const node = order[i];
    node.size = 1 + node.children.reduce((sum, c) => sum + c.size, 0);
    pairs += node.size * (n - node.size);
  }
  return { size: n, depth, broadcast, virality: n < 2 ? 0 : (2 * pairs) / (n * (n - 1)) };
}

/**
 * The share chains that led to conversions, most converting first.
 * @param {Map<string, Row>} shareById
 * @param {Row[]} conversions
 */
function topChains(shareById, conversions, limit = 10) {
  /** @type {Map<string, { shares: string[], networks: (string | null)[], conversions: number, value: number }>} */
  const chains = new Map();
  for (const c of conversions) {
    const last = c.ref ? shareById.get(c.ref) : undefined;
    if (!last) continue;
    let chain = chains.get(last.id);
    if (!chain) {
      const path = [last];
      for (let s = last; s.ref && shareById.has(s.ref) && path.length <= last.g; ) path.unshift((s = /** @type {Row} */ (shareById.get(s.ref))));
      chain = { shares: path.map((s) => s.id), networks: path.map((s) => s.network), conversions: 0, value: 0 };
      chains.set(last.id, chain);
    }
    chain.conversions += 1;
    chain.value += c.value ?? 0;
  }
  return [...chains.values()].sort((a, b) => b.conversions - a.conversions || b.value - a.value).slice(0, limit);
}

/** @param {string} a @param {string} b */
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders of the overview's `sort` parameter. */
export const overviewOrders = ['views', 'shares', 'visits', 'k'];

/**
 * Without `url`: the site's pages ranked by views (or shares, visits from shares, k).
 * @param {import('kysely').Kysely<any>} db
 * @param {Range} range
 * @param {{ sort?: string, limit?: number }} [options]
 */
export async function siteOverview(db, range, { sort = 'views', limit = 100 } = {}) {
  /** @type {Map<string, { url: string, views: number, shares: number, visits: number, k: number, depth: number, generations: { visits: number }[] }>} */
  const pages = new Map();
  for (const { url, kind, g, n } of await tally(db, range)) {
    let page = pages.get(url);
    if (!page) pages.set(url, (page = { url, views: 0, shares: 0, visits: 0, k: 0, depth: 0, generations: [] }));
    for (let i = page.generations.length; i <= g; i++) page.generations.push({ visits: 0 });
    page.depth = Math.max(page.depth, g);
    if (kind === 'share') page.shares += Number(n);
    else {
      page.views += Number(n);
      page.generations[g].visits += Number(n);
      if (g > 0) page.visits += Number(n);
    }
  }
  const key = /** @type {'views' | 'shares' | 'visits' | 'k'} */ (sort);
  const all = [...pages.values()];
  const ranked = all
    .map(({ generations, ...page }) => ({ ...page, k: viralCoefficient(generations) }))
    .sort((a, b) => b[key] - a[key] || b.views - a.views || compare(a.url, b.url))
    .slice(0, limit);

  const bots = await db
    .selectFrom('bot_hits')
    .select((eb) => eb.fn.coalesce(eb.fn.sum('hits'), eb.lit(0)).as('n'))
    .$if(range.site !== undefined, (q) => q.where('site', '=', range.site))
    .$if(range.from !== undefined, (q) => q.where('day', '>=', day(/** @type {number} */ (range.from))))
    .$if(range.to !== undefined, (q) => q.where('day', '<=', day(/** @type {number} */ (range.to))))
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
 * @param {import('kysely').Kysely<any>} db
 * @param {Range} range
 * @param {{ views: number, shares: number, visits: number, depth: number, generations: { visits: number }[] }[]} pages
 */
async function siteFigures(db, range, pages) {
  /** @type {{ visits: number }[]} */
  const generations = [];
  for (const page of pages) {
    page.generations.forEach((g, i) => ((generations[i] ??= { visits: 0 }).visits += g.visits));
  }
  const sum = (/** @type {(p: typeof pages[number]) => number} */ of) => pages.reduce((total, p) => total + of(p), 0);
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
  const byDay = new Map(/** @type {any[]} */ (rows).map((r) => [Number(r.d), r]));
  const days = [...byDay.keys()];
  const daily = [];
  for (let d = Math.min(...days); d <= Math.max(...days); d++) {
    const r = byDay.get(d);
    daily.push({ day: day(d * dayMs), views: Number(r?.views ?? 0), shares: Number(r?.shares ?? 0), visits: Number(r?.visits ?? 0) });
  }
  const total = (/** @type {string} */ column) => /** @type {any[]} */ (rows).reduce((t, r) => t + Number(r[column]), 0);
  return {
    totals: {
      views: sum((p) => p.views),
      shares: sum((p) => p.shares),
      visits: sum((p) => p.visits),
      k: viralCoefficient(generations),
      depth: Math.max(0, ...pages.map((p) => p.depth)),
      conversions: total('conversions'),
      value: total('value'),
      reviews: total('reviews'),
    },
    daily,
  };
}

const dayMs = 24 * 3600_000;

/** @param {number} ms */
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
