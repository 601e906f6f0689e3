// MySQL 8.0.13's expression defaults, `DEFAULT (expr)`: their stored form and the checks MySQL makes of them.
import {
  mysqlError,
  ER_BAD_FIELD_ERROR,
  ER_DEFAULT_VAL_GENERATED_FUNCTION_IS_NOT_ALLOWED,
  ER_DEFAULT_VAL_GENERATED_NAMED_FUNCTION_IS_NOT_ALLOWED,
  ER_DEFAULT_VAL_GENERATED_NON_PRIOR,
  ER_DEFAULT_VAL_GENERATED_REF_AUTO_INC,
  ER_DEFAULT_VAL_GENERATED_ROW_VALUE,
  ER_DEFAULT_VAL_GENERATED_VARIABLES,
} from '../../errors/index.js';
import type { Expr } from '../ast/index.js';
import type { ColumnDefault, ColumnInfo } from '../catalog/index.js';
import { findValueGeneratorProblem, parseStoredExpr, storedExpressionSession, valueGeneratorError } from '../constraints/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, compileExpr, disallowedDefaultExpressionFunction } from '../expression/index.js';
import { formatStoredExpr } from '../parser/index.js';

/** The stored form of `DEFAULT (expr)`: the expression as MySQL prints it (SHOW CREATE TABLE, COLUMN_DEFAULT). */
export function expressionDefault(expr: Expr): ColumnDefault {
  return { kind: 'expression', expr: formatStoredExpr(expr) };
}

/**
 * Checks every expression default of a table's final column list as MySQL does when the table is created or
 * altered: it may call no function of the session, locks or other rows (3770, 3769), read no variable (3772) and no
 * row value (3771), no unknown column (1054), no AUTO_INCREMENT column (3768), and no generated or expression-default
 * column at or after its own (3767); and it must compile over the row.
 * https://dev.mysql.com/doc/refman/8.0/en/data-type-defaults.html
 */
export function validateExpressionDefaults(columns: readonly ColumnInfo[], session: ExecutionContext): void {
  const scope = new Scope(columns.map((column) => ({ name: column.name, table: '', database: '', type: column.type, isNotNull: column.isNotNull })));
  columns.forEach((column, position) => {
    const spec = column.defaultValue;
    if (spec.kind !== 'expression') return;
    const expr = parseStoredExpr(spec.expr);
    checkExpression(expr, column, position, columns);
    compileExpr(expr, { scope, clause: 'field list', session: storedExpressionSession(session) });
  });
}

function checkExpression(expr: Expr, column: ColumnInfo, position: number, columns: readonly ColumnInfo[]): void {
  const readsColumn = (name: string): Error | undefined => {
    const at = columns.findIndex((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (at < 0) return mysqlError(ER_BAD_FIELD_ERROR, name, 'default value expression');
    const referenced = columns[at]!;
    if ((referenced.generated || referenced.defaultValue.kind === 'expression') && at >= position) return mysqlError(ER_DEFAULT_VAL_GENERATED_NON_PRIOR, column.name);
    if (referenced.isAutoIncrement) return mysqlError(ER_DEFAULT_VAL_GENERATED_REF_AUTO_INC, column.name);
    return undefined;
  };
  const problem = findValueGeneratorProblem(expr, readsColumn, disallowedDefaultExpressionFunction);
  if (problem) throw valueGeneratorError(problem, column.name, DEFAULT_EXPRESSION_ERRORS);
}

const DEFAULT_EXPRESSION_ERRORS = {
  named: ER_DEFAULT_VAL_GENERATED_NAMED_FUNCTION_IS_NOT_ALLOWED,
  unnamed: ER_DEFAULT_VAL_GENERATED_FUNCTION_IS_NOT_ALLOWED,
  variable: ER_DEFAULT_VAL_GENERATED_VARIABLES,
  rowValue: ER_DEFAULT_VAL_GENERATED_ROW_VALUE,
};
