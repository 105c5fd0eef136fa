/**
 * Multi-row statements compiled once per row count: building and compiling a 20-row
 * query costs Kysely more than SQLite spends running it, and one text per count lets
 * SQLite reuse its prepared statement (db.ts).
 */
import { CompiledQuery, type Compilable } from 'kysely';
import type { Dialect } from './db.js';
import type { Database } from './types.js';

type Row = Record<string, unknown>;

/**
 * @param build the statement for rows of these columns (placeholders: their values are
 *   bound in row order, each row's in `columns` order, so the statement may bind no other)
 * @param size the most rows one statement takes: well under both engines' limits on parameters
 * @returns runs the statement on `rows` (any count, each with every column), `size` rows at
 *   a time, and resolves with the rows every run returned (texts are the dialect's own)
 */
export function multiRow<R = unknown>(columns: readonly string[], build: (db: Database, rows: Row[]) => Compilable, size = 100) {
  const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
  const texts: Map<string, string> = new Map();
  return async (db: Database, dialect: Dialect, rows: readonly object[]): Promise<R[]> => {
    const returned: R[] = [];
    for (let i = 0; i < rows.length; i += size) {
      const part = rows.slice(i, i + size);
      const key = `${dialect} ${part.length}`;
      let text = texts.get(key);
      if (text === undefined) texts.set(key, (text = build(db, Array(part.length).fill(placeholder)).compile().sql));
      const parameters: unknown[] = [];
      for (const row of part) for (const column of columns) parameters.push((row as Row)[column]);
      const result = await db.executeQuery<R>(CompiledQuery.raw(text, parameters));
      returned.push(...result.rows);
    }
    return returned;
  };
}
