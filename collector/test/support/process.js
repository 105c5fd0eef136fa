// @ts-check
/** Runs the real `wom-collector` binary as a child process. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/wom-collector.js', import.meta.url));

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
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  for await (const chunk of child.stdout) {
    output += chunk;
    const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
    if (match) {
      child.stdout.on('data', (more) => (output += more));
      const exited = once(child, 'exit');
      /** Asks for a graceful shutdown and waits for the exit. */
      const stop = async () => {
        child.kill('SIGTERM');
        await exited;
      };
      return { child, base: match[1], output: () => output, exited, stop };
    }
  }
  throw new Error(`wom-collector did not start:\n${output}`);
}
