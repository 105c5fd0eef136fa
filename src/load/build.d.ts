/** Written by rollup.config.js when it builds the loader, after the chunks. */
declare module 'wom:build' {
  /** Each chunk's content-hashed file name, by chunk name (`wom-share`, `wom-vitals`…). */
  export const chunks: Record<string, string>;
  /** The tags whose element has a chunk of its own (named as the tag). */
  export const elements: string[];
  /** The modules the loader hands to every chunk it loads, by source path. */
  export const shared: Record<string, object>;
}
