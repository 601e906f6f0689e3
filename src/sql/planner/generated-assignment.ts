// isDefaultIntoGenerated: how UPDATE and ON DUPLICATE KEY UPDATE treat an assignment to a generated column.
import { mysqlError, ER_NON_DEFAULT_VALUE_FOR_GENERATED_COLUMN } from '../../errors/index.js';
import type { Expr } from '../ast/index.js';
import type { ColumnInfo, TableInfo } from '../catalog/index.js';

/**
 * True when `column = value` assigns DEFAULT to a generated column, which the write recomputes anyway (the
 * assignment is dropped); 3105 when it assigns anything else to one, as MySQL refuses; false for other columns.
 */
export function isDefaultIntoGenerated(column: ColumnInfo, value: Expr, table: TableInfo): boolean {
  if (!column.generated) return false;
  if (value.kind === 'DefaultExpr' && value.column === undefined) return true;
  throw mysqlError(ER_NON_DEFAULT_VALUE_FOR_GENERATED_COLUMN, column.name, table.name);
}
