import type { Logo } from './logo.js';

/** A speech bubble with a line of text, drawn for this project (SMS has no brand). */
export default { path: 'M4 2h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H7l-5 4V4a2 2 0 0 1 2-2m3 6v2h10V8zm0 4v2h7v-2z' } satisfies Logo;
