// @ts-check
/** Runs the real `wom-collector` binary as a child process. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's own `bin` entry, as `npx wom-collector` runs it (wherever the build puts it). */
const manifest = new URL('../../package.json', import.meta.url);
const bin = fileURLToPath(new URL(JSON.parse(readFileSync(manifest, 'utf8')).bin['wom-collector'], manifest));

/**
 * Starts the binary on a free loopback port and resolves once it listens.
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
export async function spawnCollector(args, env = {}) {
  const child = spawn(process.execPath, [bin, '--port', '0', '--host', '127.0.0.1', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test that times out never reaches its cleanup: the collector must not outlive the run.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  // A listener, not `for await`: leaving that loop would destroy stdout, losing later lines.
  child.stdout.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit');
  for (const start = Date.now(); Date.now() - start < 60_000 && child.exitCode === null; ) {
    const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
    if (match) {
      /** Asks for a graceful shutdown and waits for the exit. */
      const stop = async () => {
        child.kill('SIGTERM');
        await exited;
      };
      return { child, base: match[1], output: () => output, exited, stop };
    }
    await Promise.race([once(child.stdout, 'data'), exited]);
  }
  throw new Error(`wom-collector did not start:\n${output}`);
}
