import { readFile } from 'node:fs/promises';
import commonjs from '@rollup/plugin-commonjs';
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/** Copies the page and its stylesheet next to the bundle. */
const staticFiles = (files) => ({
  name: 'static-files',
  async generateBundle() {
    for (const file of files) {
      this.emitFile({ type: 'asset', fileName: file, source: await readFile(new URL(file, import.meta.url)) });
    }
  },
});

/** Paths from the collector package's folder, where `npm run build:dashboard` runs. */
const collector = (path) => new URL(`../${path}`, import.meta.url).pathname;

/**
 * The marketers' dashboard: one ES module with Lit and Observable Plot inside (no CDN,
 * works offline), plus index.html and dashboard.css, written where the collector serves
 * them (`collector/public/dashboard/`, git-ignored build output).
 */
export default {
  input: collector('dashboard/src/main.ts'),
  output: { file: collector('public/dashboard/dashboard.js'), format: 'es', sourcemap: false },
  plugins: [
    resolve({ browser: true }),
    // Plot's dodge transform imports interval-tree-1d, a CommonJS module.
    commonjs(),
    typescript({ tsconfig: collector('dashboard/tsconfig.json'), outDir: collector('public/dashboard'), noEmitOnError: true }),
    terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
    staticFiles(['index.html', 'dashboard.css']),
  ],
  onwarn(warning, warn) {
    // d3 has circular imports between its own modules; they are harmless.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
    warn(warning);
  },
};
