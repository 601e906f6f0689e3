// ExpressionDefaults: evaluates a table's `DEFAULT (expr)` columns for a row being written, compiled once per statement.
import type { ColumnInfo, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { CompiledExpr } from '../expression/index.js';
import { tableScope } from '../table/table-scope.js';
import type { SqlValue } from '../types/index.js';
import { parseStoredExpr, storedExpressionSession } from './stored-expression.js';

/**
 * The expression defaults of a table, compiled over the table's row: each reads the row as it stands when the
 * default is taken (MySQL lets one read any ordinary column, and only earlier generated or expression-default ones).
 */
export class ExpressionDefaults {
  private constructor(private readonly values: ReadonlyMap<number, CompiledExpr>) {}

  /** The table's expression defaults compiled for one statement, or undefined when it has none. */
  static compile(table: TableInfo, databaseName: string, session: ExecutionContext): ExpressionDefaults | undefined {
    const columns = table.columns.filter((column) => column.defaultValue.kind === 'expression');
    if (columns.length === 0) return undefined;
    const context = { scope: tableScope(table, databaseName), clause: 'field list' as const, session: storedExpressionSession(session) };
    return new ExpressionDefaults(new Map(columns.map((column) => [column.offset, compileExpr(parseStoredExpr(expressionOf(column)), context)])));
  }

  /** True when `column` takes its default from an expression. */
  has(column: ColumnInfo): boolean {
    return this.values.has(column.offset);
  }

  /** `column`'s default for `row` (not yet stored as the column's type). */
  evaluate(column: ColumnInfo, row: readonly SqlValue[]): SqlValue {
    return this.values.get(column.offset)!.evaluate(row as SqlValue[]);
  }
}

function expressionOf(column: ColumnInfo): string {
  const spec = column.defaultValue;
  if (spec.kind !== 'expression') throw new Error(`column ${column.name} has no expression default`);
  return spec.expr;
}
