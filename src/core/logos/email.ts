import type { Logo } from './logo.js';

export default { path: 'M2 4h20a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H2a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm0 2.4V18h20V6.4l-10 7zM3.3 6 12 12l8.7-6z' } satisfies Logo;
