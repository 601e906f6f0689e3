// buildCheckConstraints: MySQL's checks and naming of CHECK constraints declared by CREATE TABLE or ALTER TABLE.
import {
  mysqlError,
  ER_CHECK_CONSTRAINT_CLAUSE_USING_FK_REFER_ACTION_COLUMN,
  ER_CHECK_CONSTRAINT_DUP_NAME,
  ER_CHECK_CONSTRAINT_FUNCTION_IS_NOT_ALLOWED,
  ER_CHECK_CONSTRAINT_NAMED_FUNCTION_IS_NOT_ALLOWED,
  ER_CHECK_CONSTRAINT_REFERS_AUTO_INCREMENT_COLUMN,
  ER_CHECK_CONSTRAINT_REFERS_UNKNOWN_COLUMN,
  ER_CHECK_CONSTRAINT_ROW_VALUE,
  ER_CHECK_CONSTRAINT_VARIABLES,
  ER_COLUMN_CHECK_CONSTRAINT_REFERENCES_OTHER_COLUMN,
  ER_NON_BOOLEAN_EXPR_FOR_CHECK_CONSTRAINT,
  ER_TOO_LONG_IDENT,
} from '../../errors/index.js';
import type { CheckConstraint, Expr } from '../ast/index.js';
import type { Catalog, CheckConstraintInfo, ColumnInfo, ForeignKeyInfo } from '../catalog/index.js';
import { findValueGeneratorProblem, valueGeneratorError, storedExpressionSession } from '../constraints/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { Scope, compileExpr } from '../expression/index.js';
import { formatStoredExpr } from '../parser/index.js';
import { highestGeneratedNumber } from './constraint-names.js';

const MAX_IDENTIFIER_LENGTH = 64;

/** A CHECK as written: table-level, or on a column (then it may read only that column). */
export interface CheckDefinition {
  readonly check: CheckConstraint;
  readonly column?: string;
}

/**
 * The new constraints of a table, in definition order. An unnamed one is called `<table>_chk_<n>`, numbering on
 * from the highest such name the table has. Names are unique in the database (3822). The expression must be a
 * condition (3812) over the table's existing, non-AUTO_INCREMENT columns (3820, 3818; a column-level one over its
 * own column only: 3813) without functions that read more than their arguments (3814, 3815), variables (3816) or
 * row values (3817), nor columns a foreign key's ON DELETE/ON UPDATE action changes (3823).
 * https://dev.mysql.com/doc/refman/8.0/en/create-table-check-constraints.html
 */
export function buildCheckConstraints(
  definitions: readonly CheckDefinition[],
  table: { readonly name: string; readonly columns: readonly ColumnInfo[]; readonly checks: readonly CheckConstraintInfo[]; readonly foreignKeys: readonly ForeignKeyInfo[] },
  takenNames: ReadonlySet<string>,
  session: ExecutionContext,
): CheckConstraintInfo[] {
  const prefix = `${table.name}_chk_`;
  let counter = highestGeneratedNumber(table.checks.map((check) => check.name), prefix);
  const taken = new Set([...takenNames, ...table.checks.map((check) => check.name.toLowerCase())]);
  const scope = new Scope(table.columns.map((column) => ({ name: column.name, table: '', database: '', type: column.type, isNotNull: column.isNotNull })));
  return definitions.map(({ check, column }) => {
    const name = check.constraintName ?? `${prefix}${++counter}`;
    if (name.length > MAX_IDENTIFIER_LENGTH) throw mysqlError(ER_TOO_LONG_IDENT, name);
    if (taken.has(name.toLowerCase())) throw mysqlError(ER_CHECK_CONSTRAINT_DUP_NAME, name);
    taken.add(name.toLowerCase());
    checkExpression(check.expr, name, column, table.columns, table.foreignKeys);
    if (!isCondition(check.expr)) throw mysqlError(ER_NON_BOOLEAN_EXPR_FOR_CHECK_CONSTRAINT, name);
    compileExpr(check.expr, { scope, clause: 'field list', session: storedExpressionSession(session) });
    return { name, expr: formatStoredExpr(check.expr), isEnforced: check.isEnforced ?? true };
  });
}

/** The names of the CHECK constraints of every table of `databaseName` except `exceptTable` (names are per database). */
export function checkNamesInDatabase(catalog: Catalog, databaseName: string, exceptTable?: string): Set<string> {
  const names = new Set<string>();
  for (const table of catalog.listTables(databaseName)) {
    if (exceptTable !== undefined && table.name.toLowerCase() === exceptTable.toLowerCase()) continue;
    for (const check of table.checks ?? []) names.add(check.name.toLowerCase());
  }
  return names;
}

function checkExpression(expr: Expr, name: string, column: string | undefined, columns: readonly ColumnInfo[], foreignKeys: readonly ForeignKeyInfo[]): void {
  const problem = findValueGeneratorProblem(expr, (referenced) => {
    const found = columns.find((candidate) => candidate.name.toLowerCase() === referenced.toLowerCase());
    if (!found) return mysqlError(ER_CHECK_CONSTRAINT_REFERS_UNKNOWN_COLUMN, name, referenced);
    if (column !== undefined && found.name.toLowerCase() !== column.toLowerCase()) return mysqlError(ER_COLUMN_CHECK_CONSTRAINT_REFERENCES_OTHER_COLUMN, name);
    if (found.isAutoIncrement) return mysqlError(ER_CHECK_CONSTRAINT_REFERS_AUTO_INCREMENT_COLUMN, name);
    const acting = foreignKeys.find((fk) => isActing(fk) && fk.columns.some((fkColumn) => fkColumn.toLowerCase() === found.name.toLowerCase()));
    if (acting) return mysqlError(ER_CHECK_CONSTRAINT_CLAUSE_USING_FK_REFER_ACTION_COLUMN, found.name, name, acting.name);
    return undefined;
  });
  if (problem) throw valueGeneratorError(problem, name, CHECK_CONSTRAINT_ERRORS);
}

const CHECK_CONSTRAINT_ERRORS = {
  named: ER_CHECK_CONSTRAINT_NAMED_FUNCTION_IS_NOT_ALLOWED,
  unnamed: ER_CHECK_CONSTRAINT_FUNCTION_IS_NOT_ALLOWED,
  variable: ER_CHECK_CONSTRAINT_VARIABLES,
  rowValue: ER_CHECK_CONSTRAINT_ROW_VALUE,
};

/** A foreign key whose ON DELETE or ON UPDATE changes the child's columns (CASCADE, SET NULL). */
export function isActing(fk: ForeignKeyInfo): boolean {
  return [fk.onDelete, fk.onUpdate].some((rule) => rule === 'CASCADE' || rule === 'SET NULL');
}

const CONDITION_FUNCTIONS: ReadonlySet<string> = new Set(['ISNULL', 'REGEXP_LIKE', 'MEMBER OF', 'JSON_VALID', 'JSON_SCHEMA_VALID', 'JSON_CONTAINS', 'JSON_CONTAINS_PATH', 'JSON_OVERLAPS']);
const CONDITION_OPERATORS: ReadonlySet<string> = new Set(['=', '<=>', '<>', '<', '<=', '>', '>=', 'AND', 'OR', 'XOR']);

/** True when the expression is a condition (MySQL's is_bool_func): a comparison, a predicate, a logical operation. */
function isCondition(expr: Expr): boolean {
  switch (expr.kind) {
    case 'BinaryExpr':
      return CONDITION_OPERATORS.has(expr.op);
    case 'UnaryExpr':
      return expr.op === 'NOT' || expr.op === '!';
    case 'IsExpr':
    case 'InListExpr':
    case 'BetweenExpr':
    case 'LikeExpr':
    case 'RegexpExpr':
    case 'BoolLiteralExpr':
    case 'ExistsExpr':
    case 'InSubqueryExpr':
    case 'QuantifiedCompareExpr':
      return true;
    case 'FuncCallExpr':
      return CONDITION_FUNCTIONS.has(expr.name.toUpperCase());
    default:
      return false;
  }
}
