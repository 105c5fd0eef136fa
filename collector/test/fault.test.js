// @ts-check
/** Faults: the collector killed with SIGKILL at random moments under load, again and again. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../dist/src/db.js';
import { databases } from './support/databases.js';
import { batch, view } from './support/http.js';
import { spawnCollector } from './support/process.js';

const kills = 20;
const clients = 4;

for (const database of databases) {
  describe(`kill -9 under load on ${database.name}`, () => {
    // Each restart loads the collector anew: about 0.5 s on a quiet machine, several on a busy
    // one (the suite's --test-timeout leaves room for that).
    it(`keeps every event answered 2xx, once, across ${kills} kills`, async () => {
      const db = await database.create();
      const args = ['--db', db.url, '--token', 'fault-token-0123456789', '--rate', '0'];
      let collector = await spawnCollector(args);
      /** @type {Set<string>} */
      const sent = new Set();
      /** @type {Set<string>} */
      const answered = new Set();
      let accepted = 0;
      let answers = 0;
      let running = true;

      /** Posts batches as trackers do (random ids), retrying a batch whose answer never came. */
      const client = async () => {
        /** @type {unknown[] | undefined} */
        let retry;
        while (running) {
          const events = retry ?? Array.from({ length: 10 }, () => view({ id: randomBytes(15).toString('base64url') }));
          for (const e of /** @type {{ id: string }[]} */ (events)) sent.add(e.id);
          try {
            const response = await fetch(`${collector.base}/e`, { method: 'POST', body: JSON.stringify(batch(events, 'fault')) });
            const body = await response.json();
            assert.equal(response.status, 200, JSON.stringify(body));
            accepted += body.accepted;
            answers++;
            for (const e of /** @type {{ id: string }[]} */ (events)) answered.add(e.id);
            retry = undefined;
          } catch (error) {
            if (error instanceof assert.AssertionError) throw error;
            retry = events; // killed mid-request: send it again, as the tracker's queue does
            await sleep(10);
          }
        }
      };

      const load = Array.from({ length: clients }, client);
      try {
        for (let k = 0; k < kills; k++) {
          // Under load: at least one more batch answered by this process, then a random moment.
          const target = answers + 1;
          while (answers < target) await sleep(5);
          await sleep(Math.random() * 200);
          collector.child.kill('SIGKILL');
          await collector.exited;
          collector = await spawnCollector(args);
        }
      } finally {
        running = false;
        await Promise.all(load);
        await collector.stop();
      }

      const { db: kysely } = await openDatabase(db.url);
      try {
        const { rows } = await sql`select id, count(*) as n from events where site = 'fault' group by id`.execute(kysely);
        const stored = new Map(/** @type {{ id: string, n: number }[]} */ (rows).map((r) => [r.id, Number(r.n)]));
        const missing = [...answered].filter((id) => !stored.has(id));
        assert.deepEqual(missing, [], 'every event answered 2xx is stored');
        assert.deepEqual([...stored].filter(([, n]) => n > 1), [], 'none twice');
        assert.deepEqual([...stored.keys()].filter((id) => !sent.has(id)), [], 'nothing that was never sent');
        assert.ok(accepted <= stored.size, `answers counted ${accepted} accepted, ${stored.size} are stored`);
      } finally {
        await kysely.destroy();
        await db.drop();
      }
    });
  });
}
