/**
 * `wom-collector report`: the marketer report from the command line, as CSV or JSON, read
 * straight from the database (no server, no token: whoever can read the file can read it).
 * With `--url`, one page's generations (CSV) or its full report (JSON); without, the
 * overview's pages (CSV) or the full overview (JSON). The CSV is the dashboard's.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { closest } from '../src/closest.js';
import { toCsv } from '../src/csv.js';
import { isPostgresUrl, openDatabase } from '../src/db.js';
import { migrate } from '../src/migrations.js';
import { pageReport, siteOverview } from '../src/report.js';

export const help = `Usage: wom-collector report [options]

  --db PATH|URL     SQLite file or postgres:// URL (WOM_DB, default wom.db)
  --url U           one page's report; absent: the site overview (all pages)
  --site S          only events of this site id
  --from T --to T   time range: ms since the epoch or an ISO 8601 date (to is exclusive)
  --format F        csv (default) or json
`;

const generationColumns: import('../src/csv.js').Column<any>[] = ['generation', 'visits', 'shares', 'conversions', 'value'].map((key) => ({ header: key, value: (row) => row[key] }));
const pageColumns: import('../src/csv.js').Column<any>[] = ['url', 'views', 'shares', 'visits', 'k', 'depth'].map((key) => ({ header: key, value: (row) => row[key] }));

/**
 * Runs the command; resolves with the exit code. Output goes to `out` (stdout by default).
 */
export async function report(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)) {
  const { values: flags } = parseArgs({
    args,
    options: {
      db: { type: 'string', default: process.env.WOM_DB ?? 'wom.db' },
      url: { type: 'string' },
      site: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (flags.help) return out(help), 0;
  if (flags.format !== 'csv' && flags.format !== 'json') return fail(`--format must be csv or json, got "${flags.format}"`);
  const range = { site: flags.site, from: instant(flags.from), to: instant(flags.to) };
  if (Number.isNaN(range.from) || Number.isNaN(range.to)) return fail('--from and --to must be ms since the epoch or ISO 8601 dates');

  // Opening a SQLite path creates the file: a typo would read as "no data" with exit 0.
  if (!isPostgresUrl(flags.db) && !existsSync(flags.db)) {
    return fail(`no database at ${flags.db} (give --db the file the collector was started with, or WOM_DB)`, 1);
  }

  const source = await openDatabase(flags.db);
  const { db, dialect } = source;
  try {
    await migrate(db, dialect);
    const data = flags.url === undefined
      ? await siteOverview(source, range, { limit: Number.MAX_SAFE_INTEGER })
      : await pageReport(source, { ...range, url: flags.url });
    if ('views' in data && data.views + data.shares + data.conversions === 0) {
      console.error(await emptyReportHint(db, data.url));
    }
    if (flags.format === 'json') out(`${JSON.stringify(data, null, 2)}\n`);
    else if ('pages' in data) out(toCsv(data.pages, pageColumns));
    else out(toCsv(data.generations, generationColumns));
    return 0;
  } finally {
    await db.destroy();
  }
}

/**
 * Why a page's report is empty: a range or site that excludes its events, or a URL the
 * collector never saw (often a missing or extra trailing slash): then the closest it knows.
 */
async function emptyReportHint(db: import('kysely').Kysely<any>, url: string) {
  const known = await db.selectFrom('events').select('url').distinct().limit(10_000).execute();
  const urls = known.map((row) => row.url);
  if (urls.includes(url)) return `wom-collector report: no events for ${url} with this --site, --from and --to`;
  const nearest = closest(url, urls);
  return nearest.length === 0
    ? 'wom-collector report: the database holds no events yet'
    : `wom-collector report: no events for ${url}; the closest known URLs:\n${nearest.map((u) => `  ${u}\n`).join('')}`.trimEnd();
}

const instant = (value: string | undefined) => (value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : Date.parse(value));

/** @param code 2 for a usage error, 1 for anything else */
function fail(message: string, code: number = 2) {
  console.error(`wom-collector report: ${message}`);
  return code;
}
