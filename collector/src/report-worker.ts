/**
 * A worker thread that computes reports (reports.ts starts it), on its own read-only
 * connection, so that however long a report takes, ingest and `/healthz` run on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db.js';
import { pageReport, siteOverview, type Source } from './report.js';

const { location, timeout } = workerData;
const source = await openDatabase(location, { reader: true, statementTimeout: timeout });
const reports: Record<'page' | 'overview', (source: Source, ...args: any[]) => Promise<unknown>> = { page: pageReport, overview: siteOverview };

(parentPort as import('node:worker_threads').MessagePort).on('message', async ({ name, args }) => {
  try {
    parentPort?.postMessage({ result: await reports[(name as 'page' | 'overview')](source, ...args) });
  } catch (error) {
    parentPort?.postMessage({ error: (error as Error).message });
  }
});
