// @ts-check
/** The test databases themselves: a suite's PostgreSQL database drops whoever is still on it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { databases, superuserQuery } from './support/databases.js';

const postgres = databases[1];

describe('test databases on postgres', () => {
  it("drop while another role's session is open on them, as an autovacuum worker's is", async () => {
    await superuserQuery('drop role if exists wom_test_other');
    await superuserQuery("create role wom_test_other login password 'wom_test_other'");
    const db = await postgres.create();
    const url = new URL(db.url);
    url.username = 'wom_test_other';
    url.password = 'wom_test_other';
    const other = new pg.Client({ connectionString: url.href });
    other.on('error', () => {}); // the drop ends this session: that is the point
    await other.connect();
    try {
      await other.query('select 1');
      await db.drop();
      await assert.rejects(other.query('select 1'));
    } finally {
      await other.end().catch(() => {});
    }
  });
});
