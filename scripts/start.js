#!/usr/bin/env node
/**
 * `npm start`: the demo site on http://127.0.0.1:8080 with a live collector on a
 * local SQLite file (demo.db) at http://127.0.0.1:8787. Ports: PORT and
 * COLLECTOR_PORT; WOM_TOKEN keeps the dashboard token stable across restarts;
 * WOM_ORIGINS (comma-separated, e.g. http://localhost:3000) lets pages of one's own
 * send to the collector too.
 */
import { startDemo } from './demo.js';

const demo = await startDemo({
  port: Number(process.env.PORT ?? 8080),
  collectorPort: Number(process.env.COLLECTOR_PORT ?? 8787),
  token: process.env.WOM_TOKEN,
  origins: (process.env.WOM_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
});

console.log(`
  Demo site:   ${demo.site}/
  Collector:   ${demo.collector}/e   (SQLite file demo.db)
  Dashboard:   ${demo.collector}/dashboard   (token: ${demo.token})
  Accepts:     ${demo.origins.join(', ')}   (add pages of your own with WOM_ORIGINS)
  Report API:  curl -H "Authorization: Bearer ${demo.token}" "${demo.collector}/api/report?url=${encodeURIComponent(demo.site + '/')}"

  Ctrl-C stops both.`);

const stop = async () => {
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
