/**
 * A real HTTP endpoint that records what it receives, for tests that must see
 * what a browser actually sent (beacons, keepalive fetches). Requests are kept
 * in memory per bucket, the path segment after the prefix:
 *
 * - `POST /__collect/<bucket>` records `{contentType, body}` and answers 204
 *   (`?status=503` answers that status instead);
 * - `GET /__collect/<bucket>` returns the bucket's records as JSON; with
 *   `?min=N` it waits (up to `?timeout=` ms, default 4000) until N are there;
 * - `DELETE /__collect/<bucket>` clears the bucket (and its canned answer);
 * - `PUT /__collect/<bucket>` with a JSON body makes that body the answer to the
 *   bucket's GETs without `min`: a stand-in for a collector's read endpoint, so that a
 *   widget can read from the same path it posts to.
 *
 * Use it from Node (`http.createServer((req, res) => recorder.handle(req, res) || …)`)
 * or through @web/test-runner, whose config mounts one recorder for the
 * browser tests: `await fetch('/__collect/my-test?min=1')`.
 */
export function createRecorder(prefix = '/__collect/') {
  /** @type {Map<string, {contentType: string, body: string}[]>} */
  const buckets = new Map();
  /** @type {Map<string, string>} */
  const canned = new Map();
  /** @type {Set<() => void>} */
  const waiters = new Set();
  const records = (bucket) => buckets.get(bucket) ?? buckets.set(bucket, []).get(bucket);

  /** Resolves with the bucket's records once there are at least `min`, or after `timeout` ms. */
  function wait(bucket, min = 1, timeout = 4000) {
    return new Promise((resolve) => {
      const check = () => {
        if (records(bucket).length < min) return false;
        done();
        return true;
      };
      const done = () => {
        waiters.delete(check);
        clearTimeout(timer);
        resolve(records(bucket));
      };
      const timer = setTimeout(done, timeout);
      if (!check()) waiters.add(check);
    });
  }

  /** Handles the request when its path is under the prefix; returns false otherwise. */
  function handle(req, res) {
    const url = new URL(req.url, 'http://recorder');
    if (!url.pathname.startsWith(prefix)) return false;
    const bucket = decodeURIComponent(url.pathname.slice(prefix.length));
    const reply = (status, body) => {
      res.writeHead(status, {
        'access-control-allow-origin': '*',
        'cache-control': 'no-store',
        ...(body ? { 'content-type': 'application/json' } : {}),
      });
      res.end(body);
    };
    if (req.method === 'POST' || req.method === 'PUT') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        if (req.method === 'PUT') {
          canned.set(bucket, body);
          return reply(204);
        }
        records(bucket).push({ contentType: req.headers['content-type'] ?? '', body });
        for (const check of [...waiters]) check();
        reply(Number(url.searchParams.get('status')) || 204);
      });
    } else if (req.method === 'GET' && canned.has(bucket) && !url.searchParams.has('min')) {
      reply(200, canned.get(bucket));
    } else if (req.method === 'GET') {
      const min = Number(url.searchParams.get('min')) || 0;
      wait(bucket, min, Number(url.searchParams.get('timeout')) || 4000).then((list) => reply(200, JSON.stringify(list)));
    } else if (req.method === 'DELETE') {
      buckets.delete(bucket);
      canned.delete(bucket);
      reply(204);
    } else {
      reply(204); // OPTIONS: text/plain beacons need no preflight, but answer one anyway.
    }
    return true;
  }

  function clear() {
    buckets.clear();
    canned.clear();
  }

  return { handle, wait, records, clear };
}
