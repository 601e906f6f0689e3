// CheckConstraints: a table's enforced CHECK constraints, compiled per statement, tested on each row written.
import { mysqlError, ER_CHECK_CONSTRAINT_VIOLATED } from '../../errors/index.js';
import type { TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { compileExpr } from '../expression/index.js';
import type { CompiledExpr } from '../expression/index.js';
import { tableScope } from '../table/table-scope.js';
import { toBoolean } from '../types/index.js';
import type { Row } from '../types/index.js';
import { parseStoredExpr, storedExpressionSession } from './stored-expression.js';

/**
 * The enforced CHECK constraints of a table in name order (the order MySQL evaluates and lists them). A row
 * violates a constraint only when its expression is FALSE: NULL (unknown) passes, as in the SQL standard.
 * https://dev.mysql.com/doc/refman/8.0/en/create-table-check-constraints.html
 */
export class CheckConstraints {
  private constructor(
    private readonly checks: readonly { readonly name: string; readonly expr: CompiledExpr }[],
    private readonly session: ExecutionContext,
  ) {}

  /** The table's enforced constraints compiled for one statement, or undefined when it has none. */
  static compile(table: TableInfo, databaseName: string, session: ExecutionContext): CheckConstraints | undefined {
    const enforced = (table.checks ?? []).filter((check) => check.isEnforced);
    if (enforced.length === 0) return undefined;
    const context = { scope: tableScope(table, databaseName), clause: 'field list' as const, session: storedExpressionSession(session) };
    const sorted = [...enforced].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return new CheckConstraints(sorted.map((check) => ({ name: check.name, expr: compileExpr(parseStoredExpr(check.expr), context) })), session);
  }

  /** Throws 3819 for the first constraint `row` violates. */
  verify(row: Row): void {
    for (const { name, expr } of this.checks) {
      if (toBoolean(expr.evaluate(row), this.session.warnings) === false) throw mysqlError(ER_CHECK_CONSTRAINT_VIOLATED, name);
    }
  }
}
