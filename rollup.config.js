import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/** Plugins for a minified browser bundle; shared with scripts/size.js. */
export const browserPlugins = () => [
  resolve({ browser: true }),
  typescript({ tsconfig: './tsconfig.json', declaration: false, outDir: undefined, rootDir: 'src', noEmitOnError: true }),
  terser({
    ecma: 2021,
    module: false,
    compress: { passes: 2 },
    // Object properties starting with `_` are internal: mangle them (as web-vitals does).
    mangle: { properties: { regex: /^_/ } },
    format: { comments: false },
  }),
];

/** One self-contained IIFE per script-tag bundle. */
const scriptTag = (input, file) => ({
  input,
  output: { file, format: 'iife', sourcemap: false },
  plugins: browserPlugins(),
});

export default [scriptTag('src/wom.ts', 'dist/wom.min.js'), scriptTag('src/wom-track.ts', 'dist/wom-track.min.js')];
