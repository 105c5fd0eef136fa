import { execSync } from 'node:child_process';

// Controls and docs are read from custom-elements.json, which the analyzer writes from the
// elements' JSDoc. Regenerate it on every start (about 1.5 s) so that a fresh clone works and
// a JSDoc edit shows up without a separate `npm run analyze`.
execSync('npm run analyze --silent', { stdio: 'inherit' });

/** @type {import('@storybook/web-components-vite').StorybookConfig} */
export default {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.@(js|ts)'],
  addons: ['@storybook/addon-docs'],
  // The widgets promise no third-party requests; the tooling that documents them makes none either.
  core: { disableTelemetry: true },
  // The renderer imports lit/directive-helpers.js, which the dev server would otherwise serve
  // outside the pre-bundled lit: a second lit-html copy (storybookjs/storybook#31507).
  viteFinal: (config) => ({
    ...config,
    optimizeDeps: { ...config.optimizeDeps, include: [...(config.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'] },
  }),
};
