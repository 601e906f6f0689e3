// GeneratedColumns: computes a table's generated columns for a row being written, once compiled per statement.
import { mysqlError, ER_BAD_NULL_ERROR } from '../../errors/index.js';
import type { ColumnInfo, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { CompiledExpr } from '../expression/index.js';
import { tableScope } from '../table/table-scope.js';
import { coerceToColumn } from '../types/index.js';
import type { SqlValue } from '../types/index.js';
import { parseStoredExpr, storedExpressionSession } from './stored-expression.js';

interface CompiledColumn {
  readonly column: ColumnInfo;
  readonly value: CompiledExpr;
}

/**
 * A table's generated columns, VIRTUAL and STORED alike, compiled over the table's row. MySQL computes a VIRTUAL
 * column when it is read; TidalDB computes both kinds when the row is written and keeps them in the row, which reads
 * the same (their expressions may only depend on the row) and lets indexes on them work like any other.
 */
export class GeneratedColumns {
  private constructor(
    private readonly columns: readonly CompiledColumn[],
    private readonly session: ExecutionContext,
  ) {}

  /** The table's generated columns compiled for one statement, or undefined when it has none. */
  static compile(table: TableInfo, databaseName: string, session: ExecutionContext): GeneratedColumns | undefined {
    const generated = table.columns.filter((column) => column.generated !== undefined);
    if (generated.length === 0) return undefined;
    const scope = tableScope(table, databaseName);
    const context = { scope, clause: 'field list' as const, session: storedExpressionSession(session) };
    return new GeneratedColumns(
      generated.map((column) => ({ column, value: compileExpr(parseStoredExpr(column.generated!.expr), context) })),
      session,
    );
  }

  /** Names of the generated columns, for MySQL's 3105 on a value written to one. */
  has(column: ColumnInfo): boolean {
    return this.columns.some((entry) => entry.column.id === column.id);
  }

  /**
   * Computes every generated column of `row` in column order (a generated column may read the ones before it), each
   * stored as its type stores a value (1264, 1406, … in strict mode, warnings otherwise); NULL in a NOT NULL one is
   * 1048.
   */
  fill(row: SqlValue[], rowNumber: number, isStrict: boolean): void {
    for (const { column, value } of this.columns) {
      const stored = coerceToColumn(value.evaluate(row), column.type, { columnName: column.name, rowNumber, isStrict, warnings: this.session.warnings });
      if (stored === null && column.isNotNull) throw mysqlError(ER_BAD_NULL_ERROR, column.name);
      row[column.offset] = stored;
    }
  }
}
