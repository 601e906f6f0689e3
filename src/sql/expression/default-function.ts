// compileDefaultFunction: MySQL's DEFAULT(col), the default of a table column read in any expression.
import { mysqlError, ER_DEFAULT_AS_VAL_GENERATED, ER_NO_DEFAULT_FOR_FIELD, ER_NOT_SUPPORTED_YET } from '../../errors/index.js';
import type { DefaultExpr, Expr } from '../ast/index.js';
import { defaultLiteralValue } from '../types/index.js';
import type { CompileContext } from './compile-context.js';
import { constantExpr } from './compiled-expr.js';
import type { CompiledExpr } from './compiled-expr.js';

/**
 * `DEFAULT(col)`: the column's literal default as its type holds it, NULL, the statement's CURRENT_TIMESTAMP at the
 * column's precision, or 0 for an AUTO_INCREMENT column, as MySQL gives. A NOT NULL column without a default is 1364
 * and an expression default 3773 (MySQL evaluates `col = DEFAULT`, not DEFAULT(col), for those). A bare DEFAULT has
 * a meaning only as an assigned value, where the write planners replace it.
 */
export function compileDefaultFunction(expr: DefaultExpr, context: CompileContext, compile: (expr: Expr, context: CompileContext) => CompiledExpr): CompiledExpr {
  if (!expr.column) throw mysqlError(ER_NOT_SUPPORTED_YET, 'DEFAULT in this context');
  const origin = context.scope.columns[context.scope.resolve(expr.column, context.clause)]?.origin;
  if (!origin) throw mysqlError(ER_NOT_SUPPORTED_YET, 'DEFAULT() of a column that is not a table column');
  const column = origin.table.columns[origin.offset]!;
  const spec = column.defaultValue;
  switch (spec.kind) {
    case 'null':
      return constantExpr(null, column.type);
    case 'literal':
      return constantExpr(spec.value === null ? null : defaultLiteralValue(column.type, spec.value), column.type);
    case 'current-timestamp': {
      const fsp = Math.max(column.type.decimals, 0);
      const args: Expr[] = fsp > 0 ? [{ kind: 'NumberLiteralExpr', numberKind: 'int', text: String(fsp) }] : [];
      return compile({ kind: 'FuncCallExpr', name: 'CURRENT_TIMESTAMP', args }, context);
    }
    case 'expression':
      throw mysqlError(ER_DEFAULT_AS_VAL_GENERATED);
    case 'sequence':
      throw mysqlError(ER_NOT_SUPPORTED_YET, 'DEFAULT() of a column whose default is a sequence');
    case 'none':
      if (column.isAutoIncrement || column.autoRandom) return constantExpr(0n, column.type);
      if (!column.isNotNull) return constantExpr(null, column.type);
      throw mysqlError(ER_NO_DEFAULT_FOR_FIELD, column.name);
  }
}
