// @ts-check
/**
 * The databases every suite runs on: a SQLite file in a temporary directory, and a fresh
 * database on a real PostgreSQL that this module starts (Debian's cluster, as root), or
 * on the server named by WOM_TEST_PG (an admin URL). If PostgreSQL cannot be reached the
 * PostgreSQL suites fail; they never skip.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** @typedef {{ url: string, drop: () => Promise<void> }} TestDatabase */

/** @param {string} command @param {string[]} args */
const run = (command, args) => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** @type {Promise<string> | undefined} */
let server;
/** Runs SQL as a superuser of the server the suites use. @type {(sql: string) => Promise<void>} */
let asSuperuser;

/** Starts the local cluster if needed and returns an admin URL for it. */
function startPostgres() {
  if (process.env.WOM_TEST_PG) {
    const adminUrl = process.env.WOM_TEST_PG;
    asSuperuser = (sql) => admin(adminUrl, sql);
    return adminUrl;
  }
  if (process.getuid?.() !== 0) {
    throw new Error('PostgreSQL tests start the local cluster and need root; or set WOM_TEST_PG=postgres://…');
  }
  let [cluster] = run('pg_lsclusters', ['--no-header']).trim().split('\n').filter(Boolean);
  if (!cluster) {
    const [version] = readdirSync('/usr/lib/postgresql');
    run('pg_createcluster', [version, 'main']);
    [cluster] = run('pg_lsclusters', ['--no-header']).trim().split('\n');
  }
  const [version, name, port, status] = cluster.split(/\s+/);
  if (status !== 'online') run('pg_ctlcluster', [version, name, 'start']);
  const psql = (/** @type {string} */ query) => run('su', ['postgres', '-c', `psql -p ${port} -qtAc "${query}"`]).trim();
  if (psql("select 1 from pg_roles where rolname = 'wom_test'") !== '1') {
    psql("create role wom_test login createdb password 'wom_test'");
  }
  // Dropping a test database `with (force)` ends every session on it, and an autovacuum
  // worker busy there counts as another role's session: without this grant the drop
  // fails whenever autovacuum happens to be visiting.
  psql('grant pg_signal_backend to wom_test');
  asSuperuser = async (sql) => void psql(sql);
  return `postgres://wom_test:wom_test@127.0.0.1:${port}/postgres`;
}

/** @param {string} adminUrl @param {string} sql */
async function admin(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs SQL as a superuser on the PostgreSQL the suites use (starting it if needed): for
 * tests of this module that need a second role.
 * @param {string} sql
 */
export async function superuserQuery(sql) {
  server ??= Promise.resolve().then(startPostgres);
  await server;
  await asSuperuser(sql);
}

/** @type {{ name: 'sqlite' | 'postgres', create: () => Promise<TestDatabase> }[]} */
export const databases = [
  {
    name: 'sqlite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'wom-collector-'));
      return { url: join(dir, 'wom.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    async create() {
      server ??= Promise.resolve().then(startPostgres);
      const adminUrl = await server;
      const name = `wom_test_${randomBytes(6).toString('hex')}`;
      await admin(adminUrl, `create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { url: url.href, drop: () => admin(adminUrl, `drop database if exists ${name} with (force)`) };
    },
  },
];

/**
 * Runs `task` on a fresh database of each kind in turn (benchmarks), dropping it after.
 * @template T
 * @param {(name: 'sqlite' | 'postgres', url: string) => Promise<T>} task
 * @param {string[]} [names] the kinds to run on (default every kind)
 * @returns {Promise<T[]>}
 */
export async function onEachDatabase(task, names = databases.map((d) => d.name)) {
  const results = [];
  for (const database of databases.filter((d) => names.includes(d.name))) {
    const db = await database.create();
    try {
      results.push(await task(database.name, db.url));
    } finally {
      await db.drop();
    }
  }
  return results;
}
