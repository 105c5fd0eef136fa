/** Sorting, filtering and paging of the pages table: pure, so the view stays a template. */

export type SortDirection = 'ascending' | 'descending';

export interface TableState<K extends string> {
  sort: K;
  direction: SortDirection;
  filter: string;
  page: number;
  pageSize: number;
}

/** The rows whose `key` text contains `filter` (case-insensitive), sorted and cut to one page. */
export function tableView<T extends Record<K, string | number>, K extends string>(
  rows: readonly T[],
  state: TableState<K>,
  textKey: K,
): { rows: T[]; matching: number; pages: number; page: number } {
  const needle = state.filter.trim().toLocaleLowerCase();
  const matching = needle ? rows.filter((row) => String(row[textKey]).toLocaleLowerCase().includes(needle)) : [...rows];
  const sign = state.direction === 'ascending' ? 1 : -1;
  matching.sort((a, b) => {
    const [x, y] = [a[state.sort], b[state.sort]];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || String(a[textKey]).localeCompare(String(b[textKey]));
  });
  const pages = Math.max(1, Math.ceil(matching.length / state.pageSize));
  const page = Math.min(Math.max(state.page, 0), pages - 1);
  return { rows: matching.slice(page * state.pageSize, (page + 1) * state.pageSize), matching: matching.length, pages, page };
}

/** Clicking a column header: a new column sorts descending (largest first), the same one flips. */
export function nextSort<K extends string>(state: TableState<K>, column: K): TableState<K> {
  const direction = state.sort === column && state.direction === 'descending' ? 'ascending' : 'descending';
  return { ...state, sort: column, direction, page: 0 };
}
