// @ts-check
/** The real binary: flags and environment, durability across kill -9, graceful shutdown (two processes: processes.test.js). */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { databases } from './support/databases.js';
import { batch, share, view } from './support/http.js';
import { spawnCollector } from './support/process.js';

const [sqlite] = databases;
const token = 'process-token-0123456789';

/** @param {string} base @param {unknown} body */
const post = async (base, body) => {
  const response = await fetch(`${base}/e`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'text/plain' } });
  return { status: response.status, body: await response.json() };
};
/** @param {string} base @param {string} query */
const report = async (base, query) => {
  const response = await fetch(`${base}/api/report?${query}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  return response.json();
};

describe('wom-collector binary', () => {
  it('reads every setting from WOM_* variables', async () => {
    const db = await sqlite.create();
    const { base, stop } = await spawnCollector([], { WOM_DB: db.url, WOM_TOKEN: token, WOM_ORIGINS: 'https://blog.example', WOM_RATE: '1' });
    try {
      const denied = await fetch(`${base}/e`, { method: 'POST', body: '{}', headers: { origin: 'https://evil.example' } });
      assert.equal(denied.status, 403);
      assert.equal((await post(base, batch([view()], 'env'))).status, 200);
      assert.equal((await post(base, batch([view()], 'env'))).status, 429);
      assert.equal((await fetch(`${base}/api/report`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
    } finally {
      await stop();
      await db.drop();
    }
  });

  it('trusts one proxy hop with a bare --trust-proxy, and takes quotas from WOM_QUOTA_EVENTS', async () => {
    const db = await sqlite.create();
    const { base, stop } = await spawnCollector(['--db', db.url, '--token', token, '--trust-proxy', '--rate', '2'], { WOM_QUOTA_EVENTS: '3' });
    try {
      /** @param {string} forwarded @param {string} site */
      const send = async (forwarded, site) =>
        (await fetch(`${base}/e`, { method: 'POST', body: JSON.stringify(batch([view()], site)), headers: { 'x-forwarded-for': forwarded } })).status;
      assert.deepEqual([await send('198.51.100.1, 203.0.113.1', 'a'), await send('198.51.100.2, 203.0.113.1', 'a'), await send('198.51.100.3, 203.0.113.1', 'a')], [200, 200, 429]);
      assert.deepEqual([await send('203.0.113.2', 'b'), await send('203.0.113.3', 'b'), await send('203.0.113.4', 'b'), await send('203.0.113.5', 'b')], [200, 200, 200, 429]);
    } finally {
      await stop();
      await db.drop();
    }
  });

  it('logs warnings and errors only, by default', async () => {
    const db = await sqlite.create();
    const { base, output, stop } = await spawnCollector(['--db', db.url, '--token', token]);
    try {
      assert.equal((await post(base, batch([view()]))).status, 200);
      assert.equal((await fetch(`${base}/e`, { method: 'POST', body: '{' })).status, 400);
    } finally {
      await stop(); // SIGTERM logs its shutdown at info
      await db.drop();
    }
    assert.deepEqual(output().split('\n').filter((line) => line.startsWith('{')), []);
  });

  it('generates a token when none is set, prints it once and accepts it', async () => {
    const db = await sqlite.create();
    const { base, output, stop } = await spawnCollector(['--db', db.url]);
    try {
      const [, generated] = /generated token[^:]*: (\S+)/.exec(output()) ?? [];
      assert.ok(generated, output());
      const response = await fetch(`${base}/api/report`, { headers: { authorization: `Bearer ${generated}` } });
      assert.equal(response.status, 200);
    } finally {
      await stop();
      await db.drop();
    }
  });

  it('loses nothing answered 2xx when killed with SIGKILL right after', async () => {
    const db = await sqlite.create();
    const url = 'https://blog.example/durable';
    try {
      const first = await spawnCollector(['--db', db.url, '--token', token]);
      const responses = await Promise.all(
        Array.from({ length: 5 }, (_, i) => post(first.base, batch([view({ url }), share(`D1s${i}`, { url }), view({ url, ref: `D1s${i}` })]))),
      );
      assert.deepEqual(responses.map((r) => r.status), [200, 200, 200, 200, 200]);
      first.child.kill('SIGKILL');
      const [, signal] = await first.exited;
      assert.equal(signal, 'SIGKILL');

      const second = await spawnCollector(['--db', db.url, '--token', token]);
      try {
        const body = await report(second.base, `url=${encodeURIComponent(url)}`);
        assert.equal(body.views, 10);
        assert.equal(body.shares, 5);
      } finally {
        await second.stop();
      }
    } finally {
      await db.drop();
    }
  });

  it('on SIGTERM finishes the request in flight, then exits 0 with the database closed', async () => {
    const db = await sqlite.create();
    const url = 'https://blog.example/graceful';
    try {
      const { child, base, exited } = await spawnCollector(['--db', db.url, '--token', token]);
      const body = JSON.stringify(batch([view({ url })]));
      // Expect: 100-continue makes the server confirm it holds the request before the body is sent.
      const request = httpRequest(`${base}/e`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
      });
      request.flushHeaders();
      await once(request, 'continue');
      child.kill('SIGTERM');
      request.end(body);
      const [response] = await once(request, 'response');
      let text = '';
      for await (const chunk of response) text += chunk;
      assert.equal(response.statusCode, 200);
      assert.deepEqual(JSON.parse(text), { accepted: 1, duplicates: 0, rejected: [] });
      const [code] = await exited;
      assert.equal(code, 0);

      const again = await spawnCollector(['--db', db.url, '--token', token]);
      try {
        assert.equal((await report(again.base, `url=${encodeURIComponent(url)}`)).views, 1);
      } finally {
        await again.stop();
      }
    } finally {
      await db.drop();
    }
  });

  it('refuses to start on a bad flag value, saying which', async () => {
    const { spawnSync } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const bin = fileURLToPath(new URL('../dist/bin/wom-collector.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin, '--rate', 'lots'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--rate must be a whole number/);
  });
});
