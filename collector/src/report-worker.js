// @ts-check
/**
 * A worker thread that computes reports (reports.js starts it), on its own read-only
 * connection, so that however long a report takes, ingest and `/healthz` run on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db.js';
import { pageReport, siteOverview } from './report.js';

const { location, timeout } = workerData;
const source = await openDatabase(location, { reader: true, statementTimeout: timeout });
/** @type {Record<'page' | 'overview', (source: import('./report.js').Source, ...args: any[]) => Promise<unknown>>} */
const reports = { page: pageReport, overview: siteOverview };

/** @type {import('node:worker_threads').MessagePort} */ (parentPort).on('message', async ({ name, args }) => {
  try {
    parentPort?.postMessage({ result: await reports[/** @type {'page' | 'overview'} */ (name)](source, ...args) });
  } catch (error) {
    parentPort?.postMessage({ error: /** @type {Error} */ (error).message });
  }
});
