import { rollup } from 'rollup';
import { browserPlugins } from '/work/main/rollup.config.js';
import { brotliCompressSync, constants } from 'zlib';
const b = await rollup({ input: process.argv[2], plugins: browserPlugins(), onwarn(){} });
const { output } = await b.generate({ format: 'iife' });
console.log(output[0].code.length, brotliCompressSync(output[0].code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
