/**
 * Exports for spreadsheets and scripts. The CSV itself (BOM, escaping, formula-injection
 * guard) is the collector's, so the command line and the dashboard write the same files.
 */
export { csvCell, toCsv } from '../../src/csv.js';
export type { Cell, Column } from '../../src/csv.js';

/** Pretty JSON, as the API returned it. */
export const toJson = (data: unknown): string => `${JSON.stringify(data, null, 2)}\n`;

/** A file name from its parts: `wom-overview-2026-11-01-2026-11-30.csv`. */
export function fileName(parts: readonly (string | undefined)[], extension: 'csv' | 'json'): string {
  const stem = parts
    .filter((p): p is string => Boolean(p))
    .join('-')
    .replace(/https?:\/\//g, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
  return `${stem}.${extension}`;
}

/** Hands `text` to the browser as a download (a blob URL, revoked once clicked). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
