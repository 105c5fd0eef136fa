#!/usr/bin/env node
/**
 * Before `npm test` (and in .ci/run): what the suite needs from the machine, not from npm.
 * Debian's Chromium (browser tests; no tool downloads a browser), PostgreSQL (the
 * collector's second database) and the DejaVu fonts the visual baselines are drawn with.
 * As root it installs what is missing with apt-get; otherwise it stops at once, naming
 * the one command to run. Uses only Node's built-ins: it runs before `npm ci` in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const postgresInstalled = () =>
  existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`));

/** Debian package → whether it is there. */
const needs = {
  chromium: () => existsSync(process.env.CHROME_PATH ?? '/usr/bin/chromium'),
  postgresql: () => Boolean(process.env.WOM_TEST_PG) || postgresInstalled(),
  'fonts-dejavu-core': () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'),
};

const root = process.getuid?.() === 0;
const fail = (message) => {
  console.error(`preflight: ${message}`);
  process.exit(1);
};

// The PostgreSQL suites start Debian's cluster themselves, which takes root; elsewhere they
// need a server of one's own. As root, this step also installs whatever else is missing.
if (!root && !process.env.WOM_TEST_PG) {
  fail('the PostgreSQL tests start the local cluster as root; run: sudo npm test (or set WOM_TEST_PG=postgres://user:pass@host/db, a role that may create databases)');
}
const missing = Object.keys(needs).filter((name) => !needs[name]());
if (missing.length > 0) {
  const install = `apt-get install -y ${missing.join(' ')}`;
  if (!root) fail(`missing ${missing.join(', ')}; run: sudo ${install}`);
  console.log(`preflight: installing ${missing.join(', ')} from Debian`);
  const apt = (args) => execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', ...missing]);
  } catch {
    fail(`apt-get could not install ${missing.join(', ')}; run: ${install}`);
  }
}
