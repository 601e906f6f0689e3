// validateGeneratedColumns: MySQL's checks of the generated columns of a table definition, and their stored form.
import {
  mysqlError,
  ER_BAD_FIELD_ERROR,
  ER_GENERATED_COLUMN_FUNCTION_IS_NOT_ALLOWED,
  ER_GENERATED_COLUMN_NAMED_FUNCTION_IS_NOT_ALLOWED,
  ER_GENERATED_COLUMN_NON_PRIOR,
  ER_GENERATED_COLUMN_REF_AUTO_INC,
  ER_GENERATED_COLUMN_ROW_VALUE,
  ER_GENERATED_COLUMN_VARIABLES,
  ER_UNSUPPORTED_ACTION_ON_GENERATED_COLUMN,
} from '../../errors/index.js';
import type { ColumnDef, Expr } from '../ast/index.js';
import type { ColumnInfo, GeneratedColumnInfo, IndexInfo } from '../catalog/index.js';
import { findValueGeneratorProblem, parseStoredExpr, storedExpressionSession, valueGeneratorError } from '../constraints/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, compileExpr } from '../expression/index.js';
import { formatStoredExpr } from '../parser/index.js';

/** The stored form of a column definition's `AS (expr) [VIRTUAL|STORED]`, or undefined for an ordinary column. */
export function generatedColumnInfo(def: ColumnDef): GeneratedColumnInfo | undefined {
  if (!def.generated) return undefined;
  if (def.isAutoIncrement) throw mysqlError(ER_UNSUPPORTED_ACTION_ON_GENERATED_COLUMN, 'AUTO_INCREMENT');
  return { expr: formatStoredExpr(def.generated.expr), isStored: def.generated.isStored };
}

/**
 * Checks every generated column of a table's final column list as MySQL does when the table is created or altered:
 * its expression may read only earlier columns that are not generated later (3107), no AUTO_INCREMENT column (3109),
 * no unknown column (1054), no function that reads more than its arguments (3763, 3102), no variable (3765), no row
 * value (3764); it must compile over the row; and a VIRTUAL column cannot be the primary key.
 * https://dev.mysql.com/doc/refman/8.0/en/create-table-generated-columns.html
 */
export function validateGeneratedColumns(columns: readonly ColumnInfo[], indexes: readonly Pick<IndexInfo, 'isPrimary' | 'columnOffsets'>[], session: ExecutionContext): void {
  const scope = new Scope(columns.map((column) => ({ name: column.name, table: '', database: '', type: column.type, isNotNull: column.isNotNull })));
  columns.forEach((column, position) => {
    if (!column.generated) return;
    const expr = parseStoredExpr(column.generated.expr);
    checkExpression(expr, column, position, columns);
    compileExpr(expr, { scope, clause: 'field list', session: storedExpressionSession(session) });
    if (!column.generated.isStored && indexes.some((index) => index.isPrimary && index.columnOffsets.includes(column.offset))) {
      throw mysqlError(ER_UNSUPPORTED_ACTION_ON_GENERATED_COLUMN, 'Defining a virtual generated column as primary key');
    }
  });
}

function checkExpression(expr: Expr, column: ColumnInfo, position: number, columns: readonly ColumnInfo[]): void {
  const problem = findValueGeneratorProblem(expr, (name) => {
    const at = columns.findIndex((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (at < 0) return mysqlError(ER_BAD_FIELD_ERROR, name, 'generated column function');
    const referenced = columns[at]!;
    if (referenced.isAutoIncrement) return mysqlError(ER_GENERATED_COLUMN_REF_AUTO_INC, column.name);
    if (referenced.generated && at >= position) return mysqlError(ER_GENERATED_COLUMN_NON_PRIOR);
    return undefined;
  });
  if (problem) throw valueGeneratorError(problem, column.name, GENERATED_COLUMN_ERRORS);
}

const GENERATED_COLUMN_ERRORS = {
  named: ER_GENERATED_COLUMN_NAMED_FUNCTION_IS_NOT_ALLOWED,
  unnamed: ER_GENERATED_COLUMN_FUNCTION_IS_NOT_ALLOWED,
  variable: ER_GENERATED_COLUMN_VARIABLES,
  rowValue: ER_GENERATED_COLUMN_ROW_VALUE,
};

/** The names of the columns an expression reads (for the dependency checks of ALTER TABLE). */
export function columnsReadBy(text: string): Set<string> {
  const names = new Set<string>();
  findValueGeneratorProblem(parseStoredExpr(text), (name) => {
    names.add(name.toLowerCase());
    return undefined;
  });
  return names;
}
