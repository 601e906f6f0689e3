// checkVisibleColumn: MySQL's rule that INVISIBLE columns cannot be all of a table's columns.
import { mysqlError, ER_TABLE_MUST_HAVE_A_VISIBLE_COLUMN } from '../../errors/index.js';
import type { ColumnInfo } from '../catalog/index.js';

/** Refuses (4028) a column list whose columns are all INVISIBLE, as MySQL does at CREATE and ALTER TABLE. */
export function checkVisibleColumn(columns: readonly ColumnInfo[]): void {
  if (columns.length > 0 && columns.every((column) => column.isInvisible === true)) throw mysqlError(ER_TABLE_MUST_HAVE_A_VISIBLE_COLUMN);
}
