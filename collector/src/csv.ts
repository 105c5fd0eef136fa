/**
 * CSV for spreadsheets, shared by `wom-collector report` and the dashboard's exports.
 * RFC 4180 with a UTF-8 byte order mark (so Excel reads non-ASCII text right) and a
 * formula-injection guard: a text cell starting with `=`, `+`, `-` or `@` (or a tab or
 * carriage return) gets a `'` in front, so a spreadsheet shows it instead of running it.
 * Page URLs and review text come from visitors; `=HYPERLINK(…)` must stay text.
 * See https://owasp.org/www-community/attacks/CSV_Injection
 */

export type Cell = string | number | boolean | null | undefined;

/**
 * A column of an export: its header and how to read it from a row; `text`, where given,
 * is how a table on screen shows the value (formatted for the locale).
 */
export interface Column<T> {
  header: string;
  value: (row: T) => Cell;
  text?: (row: T) => string;
}

const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV field: guarded, then quoted when it holds a quote, a separator or a line break.
 * Numbers are data, not formulas: only text is guarded (so -3 stays a number).
 */
export function csvCell(value: Cell) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV document: BOM, a header row, one line per row, CRLF line ends.
 */
export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]) {
  const lines = [columns.map((c) => csvCell(c.header)), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))))];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
