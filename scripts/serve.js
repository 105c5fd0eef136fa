/**
 * A small static file server for the demo (`npm start`) and the end-to-end
 * tests: serves the repository root, maps `/` to `/demo/`, and lets the caller
 * rewrite HTML (to point the demo's script tag at a live collector).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Starts serving on `port` (0: any free port) and resolves with the server and its origin.
 * @param {{ port?: number, html?: (text: string) => string, headers?: Record<string, string> | (() => Record<string, string>) }} [options]
 *   `headers` may be a function, read on each response.
 */
export async function serve({ port = 0, html = (text) => text, headers = {} } = {}) {
  const server = createServer(async (request, response) => {
    try {
      let path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      if (path === '/') path = '/demo/';
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root) || file.includes(`${sep}node_modules${sep}`) || !(await stat(file)).isFile()) {
        throw new Error('not found');
      }
      const type = types[extname(file)] ?? 'application/octet-stream';
      const body = type.startsWith('text/html') ? html(await readFile(file, 'utf8')) : await readFile(file);
      const extra = typeof headers === 'function' ? headers() : headers;
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...extra });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
