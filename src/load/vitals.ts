import { importChunk } from './chunk.js';

/** web-vitals from its chunk (the loader's seam for `src/track/vitals.ts`). */
export const loadVitals = () => importChunk<typeof import('web-vitals')>('wom-vitals');
