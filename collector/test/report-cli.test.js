// @ts-check
/** `wom-collector report` run as a process: the mistakes a person makes on the command line. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { databases } from './support/databases.js';
import { batch, collectorOn, view } from './support/http.js';

const bin = fileURLToPath(new URL('../dist/bin/wom-collector.js', import.meta.url));

/** Runs `wom-collector report …`; resolves with the exit code and both streams. */
async function report(/** @type {string[]} */ ...args) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'report', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    // A non-zero exit rejects with the exit code and both streams (strings: execFile decodes utf8 by default).
    const { code, stdout, stderr } = /** @type {import('node:child_process').ExecFileException & { stdout: string, stderr: string }} */ (error);
    return { code, stdout, stderr };
  }
}

describe('wom-collector report --db', () => {
  it('refuses a database file that does not exist, and does not create it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wom-report-'));
    const missing = join(dir, 'nosuch.db');
    try {
      const { code, stdout, stderr } = await report('--db', missing);
      assert.equal(code, 1);
      assert.equal(stdout, '');
      assert.match(stderr, /no database at .*nosuch\.db/);
      assert.equal(existsSync(missing), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const database of databases) {
  describe(`wom-collector report --url on ${database.name}`, () => {
    const running = collectorOn(database);
    const pages = ['https://blog.example/post/', 'https://blog.example/other/', 'https://elsewhere.example/'];
    const seeded = async () => {
      const { status } = await running.collector.post('/e', batch(pages.map((url) => view({ url }))));
      assert.equal(status, 200);
    };

    it('names the closest known URLs when a URL has no events (a missing trailing slash)', async () => {
      await seeded();
      const { code, stdout, stderr } = await report('--db', running.db.url, '--url', 'https://blog.example/post');
      assert.equal(code, 0);
      assert.equal(stdout, '\uFEFFgeneration,visits,shares,conversions,value\r\n');
      const suggested = stderr.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim());
      assert.match(stderr, /no events for https:\/\/blog\.example\/post; the closest known URLs/);
      assert.deepEqual(suggested, pages);
    });

    it('says when a known URL has no events in the range asked for', async () => {
      const { stderr } = await report('--db', running.db.url, '--url', pages[0], '--to', '2000-01-01');
      assert.match(stderr, /no events for https:\/\/blog\.example\/post\/ with this --site, --from and --to/);
    });

    it('gives no hint when the report has data', async () => {
      const { code, stderr } = await report('--db', running.db.url, '--url', pages[0]);
      assert.equal(code, 0);
      assert.equal(stderr, '');
    });
  });
}
