/**
 * Exports for spreadsheets and scripts. CSV follows RFC 4180 with a UTF-8 byte order
 * mark (so Excel reads non-ASCII text right) and guards against formula injection:
 * a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return) is prefixed
 * with `'`, so a spreadsheet shows it as text instead of running it. Page URLs and
 * review text come from visitors, and a cell like `=HYPERLINK(…)` must stay text.
 * See https://owasp.org/www-community/attacks/CSV_Injection
 */

export type Cell = string | number | boolean | null | undefined;

/** A column of an export: its header and how to read it from a row. */
export interface Column<T> {
  header: string;
  value: (row: T) => Cell;
  /** How a table on screen shows the value (formatted for the locale); default: the value. */
  text?: (row: T) => string;
}

const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field: guarded, then quoted when it holds a quote, a separator or a line break. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Numbers are data, not formulas: only text is guarded (so -3 stays a number).
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document: BOM, a header row, one line per row, CRLF line ends. */
export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const lines = [columns.map((c) => csvCell(c.header)), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

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
