/**
 * The demo: the article site with its script tag pointed at a live collector
 * (SQLite), both on loopback. Used by `npm start` and by the end-to-end tests.
 */
import { build } from 'wom-collector';
import { serve } from './serve.js';

/**
 * @param {{ port?: number, collectorPort?: number, db?: string, token?: string, origins?: string[] }} [options]
 *   Port 0 picks a free one. `origins`: pages of one's own allowed to send to the collector
 *   besides the demo's.
 */
export async function startDemo({ port = 8080, collectorPort = 8787, db = 'demo.db', token, origins = [] } = {}) {
  let collectorOrigin = '';
  const site = await serve({
    port,
    // The page names the default ports; point it at the ports really in use.
    html: (text) => text.replaceAll('http://127.0.0.1:8787', collectorOrigin).replaceAll('http://127.0.0.1:8080', site.origin),
    // The demo runs under a strict Content-Security-Policy, as a careful site would.
    headers: () => ({
      'content-security-policy': `default-src 'self'; connect-src 'self' ${collectorOrigin}; img-src 'self' data:; frame-ancestors 'none'`,
    }),
  });
  const collector = await build({ db, origins: [site.origin, ...origins], token, logger: false });
  await collector.listen({ port: collectorPort, host: '127.0.0.1' });
  collectorOrigin = `http://127.0.0.1:${collector.server.address().port}`;
  return {
    site: site.origin,
    collector: collectorOrigin,
    token: collector.womToken,
    origins: [site.origin, ...origins],
    close: async () => {
      site.server.close();
      await collector.close();
    },
  };
}
