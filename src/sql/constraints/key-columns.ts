// Where a foreign key's columns are in a table, and which index finds rows by them.
import type { IndexInfo, TableInfo } from '../catalog/index.js';

/** The offsets of `names` in `table` (case-insensitive), or undefined when one is missing. */
export function columnOffsetsOf(table: TableInfo, names: readonly string[]): number[] | undefined {
  const offsets: number[] = [];
  for (const name of names) {
    const offset = table.columns.findIndex((column) => column.name.toLowerCase() === name.toLowerCase());
    if (offset < 0) return undefined;
    offsets.push(offset);
  }
  return offsets;
}

/** How rows are found by a key's column values: the row handle itself, or an index whose leading columns they are. */
export type KeyAccess = { readonly kind: 'handle' } | { readonly kind: 'index'; readonly index: IndexInfo };

/**
 * The access that finds `table`'s rows by the columns at `offsets` (in that order): the integer primary key when it
 * is exactly those columns, else the first index (primary key first) whose leading columns they are, as InnoDB
 * requires of both sides of a foreign key. Undefined when there is none.
 */
export function keyAccess(table: TableInfo, offsets: readonly number[]): KeyAccess | undefined {
  if (offsets.length === 1 && table.handleColumnOffset === offsets[0]) return { kind: 'handle' };
  const ordered = [...table.indexes].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  const index = ordered.find((candidate) => offsets.every((offset, i) => candidate.columnOffsets[i] === offset));
  return index ? { kind: 'index', index } : undefined;
}
