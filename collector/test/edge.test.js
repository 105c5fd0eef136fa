// @ts-check
/** The network edge: proxies and client keys, timeouts, the connection cap, ambiguous input, tokens, 5xx. */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { batch, collectorOn, start, token, view } from './support/http.js';

const [sqlite] = databases;

/** Resolves when the socket closes; rejects after `ms` (a generous bound, not a measurement). */
const closedWithin = (/** @type {import('node:net').Socket} */ socket, /** @type {number} */ ms) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the connection was still open after ${ms} ms`)), ms);
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
  });

/** @param {string} base */
const open = async (base) => {
  const { port } = new URL(base);
  const socket = connect(Number(port), '127.0.0.1');
  await once(socket, 'connect');
  return socket;
};

describe('client address behind proxies', () => {
  describe('trusting one hop', () => {
    const running = collectorOn(sqlite, { trustProxy: true, rateLimit: 2 });
    it('keys the rate limit on the address the proxy appended, not on what the client wrote', async () => {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const forwarded = `198.51.100.${i}, 203.0.113.7`; // the client forges the first entry
        statuses.push((await running.collector.post('/e', batch([view()]), { 'x-forwarded-for': forwarded })).status);
      }
      assert.deepEqual(statuses, [200, 200, 429]);
      const other = await running.collector.post('/e', batch([view()]), { 'x-forwarded-for': '203.0.113.8' });
      assert.equal(other.status, 200);
    });
  });

  describe('trusting a list of proxies', () => {
    const running = collectorOn(sqlite, { trustProxy: '127.0.0.1, 10.0.0.0/8', rateLimit: 1 });
    it('takes the first untrusted address from the right', async () => {
      const send = (/** @type {string} */ forwarded) => running.collector.post('/e', batch([view()]), { 'x-forwarded-for': forwarded });
      assert.equal((await send('198.51.100.1, 203.0.113.9, 10.1.2.3')).status, 200);
      assert.equal((await send('198.51.100.2, 203.0.113.9, 10.9.9.9')).status, 429);
      assert.equal((await send('203.0.113.10, 10.1.2.3')).status, 200);
    });
  });

  describe('IPv6 clients', () => {
    const running = collectorOn(sqlite, { trustProxy: 1, rateLimit: 2 });
    it('are keyed by their /64', async () => {
      const send = (/** @type {string} */ address) => running.collector.post('/e', batch([view()]), { 'x-forwarded-for': address });
      const statuses = [];
      for (const address of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff:1:2:3']) statuses.push((await send(address)).status);
      assert.deepEqual(statuses, [200, 200, 429]);
      assert.equal((await send('2001:db8:1:3::1')).status, 200);
    });
  });

  it('refuses a setting that is neither hops nor addresses', async () => {
    await assert.rejects(start({ db: ':memory:', trustProxy: 'proxy.internal' }), /--trust-proxy takes a number of hops or proxy addresses/);
  });
});

describe('timeouts and the connection cap', () => {
  const running = collectorOn(sqlite, { timeouts: { headers: 500, request: 1000, keepAlive: 300 }, maxConnections: 8 });

  it('closes a connection that sends nothing', async () => {
    const socket = await open(running.collector.base);
    // Closed quietly, or with a 408 when Node's header timeout check comes first (under load).
    assert.match(await closedWithin(socket, 10_000), /^$|^HTTP\/1\.1 408/);
  });

  it('keeps a request in progress open past the header timeout while it is answered', async () => {
    const socket = await open(running.collector.base);
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(await closedWithin(socket, 10_000), /HTTP\/1\.1 200/);
  });

  it('closes a connection whose headers never finish', async () => {
    const socket = await open(running.collector.base);
    socket.write('POST /e HTTP/1.1\r\nHost: x\r\n');
    assert.match(await closedWithin(socket, 10_000), /408|^$/);
  });

  it('answers 408 to a body that trickles in too slowly', async () => {
    const socket = await open(running.collector.base);
    socket.write('POST /e HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n{"v":1,');
    const timer = setInterval(() => socket.writable && socket.write(' '), 200);
    try {
      assert.match(await closedWithin(socket, 10_000), /408|^$/);
    } finally {
      clearInterval(timer);
    }
  });

  it('closes an idle keep-alive connection', async () => {
    const socket = await open(running.collector.base);
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.match(await closedWithin(socket, 10_000), /HTTP\/1\.1 200/);
  });

  it('closes connections over the cap at once', async () => {
    const sockets = [];
    try {
      for (let i = 0; i < 8; i++) sockets.push(await open(running.collector.base));
      const extra = await open(running.collector.base);
      extra.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      assert.equal(await closedWithin(extra, 5_000), '');
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});

for (const database of databases) {
  describe(`ambiguous input on ${database.name}`, () => {
    const running = collectorOn(database);

    for (const path of ['/api/counts?url=a&url=b', '/api/reviews?item=a&item=b', '/api/report?url=a&url=b']) {
      it(`answers 400 to a repeated query key: ${path}`, async () => {
        const response = await running.collector.authorized(path);
        assert.equal(response.status, 400);
        assert.match(response.body.message, /is given more than once/);
      });
    }

    for (const path of ['/api/counts?url=https://a.example/%00', '/api/reviews?item=a%00b', '/api/report?url=a%00', '/api/visitors/v%00']) {
      it(`answers 400 to a NUL in the address: ${path}`, async () => {
        const method = path.startsWith('/api/visitors') ? 'DELETE' : 'GET';
        const response = await running.collector.authorized(path, { method });
        assert.equal(response.status, 400);
        assert.match(response.body.message, /NUL/);
      });
    }

    for (const field of ['text', 'author', 'item', 'site']) {
      it(`answers 400 to a NUL in a review's ${field}`, async () => {
        const review = { site: 'nul', item: 'i', rating: 4, text: 'A fine read.', author: 'Ann', [field]: 'a\u0000b' };
        const response = await running.collector.post('/api/reviews', review);
        assert.equal(response.status, 400);
        assert.match(response.body.message, /NUL/);
      });
    }

    it('rejects a NUL in one event and stores the others', async () => {
      const { status, body } = await running.collector.post('/e', batch([view(), { ...view(), type: 'convert', name: 'a\u0000' }], 'nul-event'));
      assert.equal(status, 200);
      assert.equal(body.accepted, 1);
      assert.deepEqual(body.rejected.map((/** @type {{ index: number }} */ r) => r.index), [1]);
    });
  });
}

describe('--origins', () => {
  const running = collectorOn(sqlite, { origins: 'https://Blog.Example:443/, http://localhost:8080/path' });
  it('compares origins normalised, as browsers send them', async () => {
    for (const origin of ['https://blog.example', 'http://localhost:8080']) {
      const response = await running.collector.post('/e', batch([view()]), { origin });
      assert.equal(response.status, 200, origin);
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
    }
  });
  it('refuses an entry that is no origin', async () => {
    await assert.rejects(start({ db: ':memory:', origins: 'blog.example' }), /--origins entries are origins like https:\/\/blog\.example/);
  });
});

describe('tokens', () => {
  const running = collectorOn(sqlite);

  it('refuse to start with a token under 16 characters', async () => {
    await assert.rejects(start({ db: ':memory:', token: 'short-token' }), /at least 16 characters/);
    await assert.rejects(start({ db: ':memory:', moderationToken: 'short-token' }), /at least 16 characters/);
  });

  it('take the Bearer scheme in any case', async () => {
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const response = await running.collector.request('/api/report', { headers: { authorization: `${scheme} ${token}` } });
      assert.equal(response.status, 200, scheme);
    }
  });

  it('answer 429 to every check from a client after 10 failed ones in a minute', async () => {
    const db = await sqlite.create();
    const collector = await start({ db: db.url, trustProxy: 1 });
    try {
      const attempt = (/** @type {string} */ given, client = '203.0.113.50') =>
        collector.request('/api/report', { headers: { authorization: `Bearer ${given}`, 'x-forwarded-for': client } });
      for (let i = 0; i < 10; i++) assert.equal((await attempt(`guess-${i}-0123456789`)).status, 401);
      const limited = await attempt('guess-10-0123456789');
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      assert.equal((await attempt(token)).status, 429, 'the right token too, from that client');
      assert.equal((await attempt(token, '203.0.113.51')).status, 200, 'another client');
    } finally {
      await collector.app.close();
      await db.drop();
    }
  });
});

describe('a 5xx', () => {
  it('is logged with its request id and answered without internals', async () => {
    const db = await sqlite.create();
    let log = '';
    const stream = new Writable({ write: (chunk, _, done) => ((log += chunk), done()) });
    const collector = await start({ db: db.url, logger: { stream } });
    try {
      await collector.app.db.schema.dropTable('events').execute(); // the database loses its table
      const response = await collector.post('/e', batch([view()]), { authorization: `Bearer ${token}` });
      assert.equal(response.status, 500);
      const id = response.headers.get('x-request-id');
      assert.ok(id);
      assert.match(response.body.message, new RegExp(id));
      assert.doesNotMatch(JSON.stringify(response.body), /events|sqlite|table/i);
      const [line] = log.split('\n').filter((l) => l.includes(id));
      assert.ok(line, `no log line has the request id:\n${log}`);
      const entry = JSON.parse(line);
      assert.equal(entry.level, 50);
      assert.match(entry.err.message, /no such table/);
      assert.ok(!line.includes(token) && !line.includes('127.0.0.1'), 'no token, no address');
    } finally {
      await collector.app.close();
      await db.drop();
    }
  });

  it('is the only kind of request logged at the default level', async () => {
    const db = await sqlite.create();
    let log = '';
    const stream = new Writable({ write: (chunk, _, done) => ((log += chunk), done()) });
    const collector = await start({ db: db.url, logger: { stream } });
    try {
      await collector.post('/e', batch([view()]));
      await collector.post('/e', '{');
      await collector.request('/api/report');
      assert.equal(log, '');
    } finally {
      await collector.app.close();
      await db.drop();
    }
  });
});
