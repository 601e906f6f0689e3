// Builds the expression scope and result-column metadata for a base table's columns.
import type { TableInfo } from '../catalog/index.js';
import { BIGINT_TYPE, Scope } from '../expression/index.js';
import type { ResultColumn } from '../statement-result.js';

/** The scope of a table's columns under `alias` (or its name). */
export function tableScope(table: TableInfo, databaseName: string, alias?: string): Scope {
  return new Scope(
    table.columns.map((column) => ({
      name: column.name,
      table: alias ?? table.name,
      database: databaseName,
      type: column.type,
      isNotNull: column.isNotNull,
      origin: { table, offset: column.offset },
      ...(column.isInvisible === true && { isInvisible: true }),
    })),
  );
}

/**
 * The name of the hidden column holding a row's handle when a multi-table write asks for it. SQL cannot name it
 * (identifiers cannot contain NUL), and `SELECT *` skips names starting with NUL.
 */
export const HANDLE_COLUMN = '\u0000handle';

/** The one-column scope of a table's row handle, hidden from unqualified names and `*`. */
export function handleScope(table: TableInfo, databaseName: string, alias?: string): Scope {
  return new Scope([{ name: HANDLE_COLUMN, table: alias ?? table.name, database: databaseName, type: BIGINT_TYPE, isNotNull: true, isHidden: true }]);
}

/** Result metadata for the table column at `offset`, as MySQL describes a column read straight from a table. */
export function tableResultColumn(table: TableInfo, databaseName: string, offset: number, name: string, alias?: string): ResultColumn {
  const column = table.columns[offset]!;
  const indexes = table.indexes.filter((index) => index.columnOffsets[0] === offset);
  return {
    name,
    orgName: column.name,
    table: alias ?? table.name,
    orgTable: table.name,
    schema: databaseName,
    type: column.type,
    isNotNull: column.isNotNull,
    isPrimaryKey: table.indexes.some((index) => index.isPrimary && index.columnOffsets.includes(offset)),
    isUniqueKey: indexes.some((index) => index.isUnique && !index.isPrimary && index.columnOffsets.length === 1),
    isMultipleKey: indexes.some((index) => !index.isUnique),
    isAutoIncrement: column.isAutoIncrement,
    hasNoDefault: column.defaultValue.kind === 'none' && !column.isAutoIncrement,
  };
}
