import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/**
 * Collapses the white space inside our own `css` and `html` tagged templates,
 * which terser leaves alone. Safe for our templates: none holds preformatted
 * text, and the CSS has no strings in which spaces matter.
 */
const minifyTemplates = () => ({
  name: 'minify-templates',
  transform(code, id) {
    if (id.includes('node_modules')) return null;
    const out = code
      .replace(/\bcss ?`([^`]*)`/g, (_, body) =>
        `css\`${body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{}:;,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim()}\``,
      )
      .replace(/\b(html|svg) ?`([^`]*)`/g, (_, tag, body) => `${tag}\`${body.replace(/\s+/g, ' ').replace(/>\s+</g, '><')}\``);
    return { code: out, map: null };
  },
});

/** Plugins for a minified browser bundle; shared with scripts/size.js. */
export const browserPlugins = () => [
  resolve({ browser: true }),
  typescript({ tsconfig: './tsconfig.json', declaration: false, outDir: undefined, rootDir: 'src', noEmitOnError: true }),
  minifyTemplates(),
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
