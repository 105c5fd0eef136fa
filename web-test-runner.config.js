import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createRecorder } from './test/track/recorder.js';

/**
 * A recording endpoint on the test server, for tests that check what the browser
 * really sent: POST /__collect/<bucket> records, GET returns the records (`?min=N`
 * waits for N), DELETE clears. See test/track/recorder.js.
 */
const recorder = createRecorder();

/** Component and unit tests in real Chromium (Debian's, never a downloaded one). */
export default {
  files: ['test/**/*.test.ts', 'collector/dashboard/test/*.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' })],
  middleware: [
    async (ctx, next) => {
      if (!recorder.handle(ctx.req, ctx.res)) return next();
      // The recorder answers on the raw response; keep Koa (and its 404 report) out of it.
      ctx.respond = false;
      ctx.status = 200;
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      },
      // Copy-link tests read back what was written to the clipboard.
      createBrowserContext: ({ browser }) => browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] }),
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
};
