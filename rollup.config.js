import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { resolve as resolvePath } from 'node:path';

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
    // Object properties starting with `_` are internal: mangle them (as web-vitals does). Not Lit's
    // `_$` ones: they cross from one chunk to another (a directive in the review chunk, lit-html in
    // wom-ui), and each chunk is minified on its own, so each would mangle them its own way.
    mangle: { properties: { regex: /^_(?!\$)/ } },
    format: { comments: false },
  }),
];

/** One self-contained IIFE per script-tag bundle. */
const scriptTag = (input, file, plugins = []) => ({
  input,
  // wom-track.min.js keeps web-vitals inside: it is one file by contract.
  output: { file, format: 'iife', sourcemap: false, inlineDynamicImports: true },
  plugins: [...plugins, ...browserPlugins()],
});

/**
 * The chunks `dist/wom.min.js` fetches on demand, by name: an element's when its tag
 * first appears (`element` names the class the chunk hands over), the tracker's sending
 * half once a collector is set, web-vitals after `load`.
 * Locales and the code two elements share become chunks of their own.
 */
export const chunks = {
  'wom-share': { input: 'src/share/share.element.ts', element: 'WomShare' },
  'wom-repost': { input: 'src/repost/repost.element.ts', element: 'WomRepost' },
  'wom-review': { input: 'src/review/review.element.ts', element: 'WomReview' },
  'wom-send': { input: 'src/track/send.ts' },
  'wom-vitals': { input: 'web-vitals' },
};

/**
 * Modules that hold state (configuration, the visit, the consent) or that the loader holds
 * anyway: `dist/wom.min.js` carries them and hands them to each chunk it loads, so that a
 * page has one configuration and one consent state and pays for that code once. Nothing in
 * a chunk may call them while it is evaluated.
 */
const shared = ['src/core/config.ts', 'src/core/emit.ts', 'src/core/referral.ts', 'src/track/index.ts', 'src/track/privacy.ts', 'src/track/storage.ts'];

/** In the loader, modules replaced by stand-ins that import their chunk: web-vitals, the sending half. */
const loaderSeams = { 'src/track/vitals.ts': 'src/load/vitals.ts', 'src/track/send.ts': 'src/load/send.ts' };

const absolute = (file) => resolvePath(file);
const hidden = '\0wom-shared';

/**
 * Chunk build: each shared module becomes a set of live bindings, filled in when the
 * loader calls the chunk's `connect()` with its own modules (before any element is
 * defined, so nothing reads them earlier).
 */
const sharedFromLoader = () => ({
  name: 'shared-from-loader',
  async resolveId(source, importer, options) {
    if (source === hidden || source.startsWith(`${hidden}:`)) return source;
    if (source.startsWith('\0wom-entry:')) return source;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    const file = resolved && shared.find((name) => resolved.id === absolute(name));
    return file ? `${hidden}:${file}` : resolved;
  },
  async load(id) {
    if (id === hidden) {
      return 'const setters = [];\nexport const bind = (set) => setters.push(set);\nexport const connect = (modules) => setters.forEach((set) => set(modules));';
    }
    if (id.startsWith(`${hidden}:`)) {
      const file = id.slice(hidden.length + 1);
      const { exports } = await this.load({ id: absolute(file) });
      const names = exports.join(', ');
      return `import { bind } from '${hidden}';\nexport let ${names};\nbind((m) => ({ ${names} } = m[${JSON.stringify(file)}]));`;
    }
    if (id.startsWith('\0wom-entry:')) {
      const { input, element } = chunks[id.slice('\0wom-entry:'.length)];
      const exported = element ? `{ ${element} as element }` : '*';
      return `export { connect } from '${hidden}';\nexport ${exported} from ${JSON.stringify(absolute(input))};`;
    }
    return null;
  },
});

/** Loader build: the hashed name of each chunk, and the shared modules by the names the chunks ask for. */
const loaderManifest = (built) => ({
  name: 'loader-manifest',
  async resolveId(source, importer, options) {
    if (source === 'wom:build') return '\0wom:build';
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    const seam = resolved && Object.keys(loaderSeams).find((file) => resolved.id === absolute(file));
    return seam ? absolute(loaderSeams[seam]) : resolved;
  },
  load(id) {
    if (id !== '\0wom:build') return null;
    const imports = shared.map((file, i) => `import * as m${i} from ${JSON.stringify(absolute(file))};`).join('\n');
    const modules = shared.map((file, i) => `${JSON.stringify(file)}: m${i}`).join(', ');
    const elements = Object.keys(chunks).filter((name) => chunks[name].element);
    return `${imports}\nexport const chunks = ${JSON.stringify(built.files)};\nexport const elements = ${JSON.stringify(elements)};\nexport const shared = { ${modules} };`;
  },
});

/** What the chunk build wrote, for the loader build that follows it. */
const built = { files: {} };

/**
 * A chunk build: ES modules, content-hashed, written beside the script. Each chunk of our own
 * sources hands over `connect`; web-vitals needs nothing from the loader.
 */
const chunkBuild = (names) => ({
  input: Object.fromEntries(names.map((name) => [name, chunks[name].input.startsWith('src/') ? `\0wom-entry:${name}` : chunks[name].input])),
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name]-[hash].js',
    chunkFileNames: 'wom-[name]-[hash].js',
    sourcemap: false,
    // What the share widget needs with another element goes into one chunk, `wom-ui`, so that the
    // share bar costs three requests (the script, its chunk, wom-ui); what only repost and review
    // share stays apart from it, so the share bar never pays for it.
    manualChunks(id, { getModuleInfo }) {
      const entries = new Set();
      const seen = new Set();
      for (const stack = [id]; stack.length; ) {
        const module = getModuleInfo(stack.pop());
        if (seen.has(module.id)) continue;
        seen.add(module.id);
        if (module.isEntry) entries.add(module.id);
        stack.push(...module.importers);
      }
      return entries.size > 1 && entries.has('\0wom-entry:wom-share') ? 'ui' : undefined;
    },
  },
  plugins: [
    sharedFromLoader(),
    ...browserPlugins(),
    {
      name: 'remember-chunks',
      generateBundle(_, bundle) {
        for (const chunk of Object.values(bundle)) if (chunk.isEntry) built.files[chunk.name] = chunk.fileName;
      },
    },
  ],
});

// The sending half is built apart from the elements, so that it shares no chunk with them (it
// would pull `wom-ui` into a page with a collector and no widget).
const sending = ['wom-send'];
export default [
  chunkBuild(Object.keys(chunks).filter((name) => !sending.includes(name))),
  chunkBuild(sending),
  scriptTag('src/wom.ts', 'dist/wom.min.js', [loaderManifest(built)]),
  scriptTag('src/wom-track.ts', 'dist/wom-track.min.js'),
];
