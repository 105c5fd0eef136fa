#!/usr/bin/env node
/**
 * `npm start`: the demo site on http://127.0.0.1:8080 with a live collector on a
 * local SQLite file (demo.db) at http://127.0.0.1:8787, the demo's script tag
 * pointing at it. Ports: PORT and COLLECTOR_PORT.
 */
import { serve } from './serve.js';

const port = Number(process.env.PORT ?? 8080);
const collectorPort = Number(process.env.COLLECTOR_PORT ?? 8787);
const site = `http://127.0.0.1:${port}`;
const collector = `http://127.0.0.1:${collectorPort}`;

const { build } = await import('wom-collector');
// WOM_TOKEN keeps the dashboard token stable across restarts; else a new one is printed.
const app = await build({ db: 'demo.db', origins: [site], token: process.env.WOM_TOKEN, logger: false });
await app.listen({ port: collectorPort, host: '127.0.0.1' });

const { server } = await serve({
  port,
  html: (text) =>
    text
      .replaceAll('http://127.0.0.1:8787', collector)
      .replaceAll('http://127.0.0.1:8080', site),
  headers: {
    // The demo runs under a strict Content-Security-Policy, as a careful site would.
    'content-security-policy': `default-src 'self'; connect-src 'self' ${collector}; img-src 'self' data:; frame-ancestors 'none'`,
  },
});

console.log(`
  Demo site:   ${site}/
  Collector:   ${collector}/e   (SQLite file demo.db)
  Dashboard:   ${collector}/dashboard   (token: ${app.womToken})
  Report API:  curl -H "Authorization: Bearer ${app.womToken}" "${collector}/api/report?url=${encodeURIComponent(site + '/')}"

  Ctrl-C stops both.`);

const stop = async () => {
  server.close();
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
