// paramsAreValues: whether every `?` of a statement stands where a literal value would mean the same (the text
// plan cache's rule for turning a query's literals into parameters).
import type { Expr, Statement } from '../ast/index.js';

const COMPARISONS: ReadonlySet<string> = new Set(['=', '<=>', '<>', '!=', '<', '<=', '>', '>=']);
const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*']);

/**
 * True when all `paramCount` placeholders of `statement` are compared values in WHERE (`col = ?`, `col IN (?, ?)`,
 * `BETWEEN ? AND ?`, under AND/OR/NOT), or values of INSERT … VALUES and UPDATE … SET, alone or in `+ - *`
 * arithmetic (`SET balance = balance - ?`). Elsewhere a literal
 * means more than its value (a select-list column name, ORDER BY 1, LIMIT, a function's argument type), so such a
 * statement is not cached as a parameterised plan, after TiDB's non-prepared plan cache, which takes only simple
 * filters.
 */
export function paramsAreValues(statement: Statement, paramCount: number): boolean {
  let count = 0;
  const value = (expr: Expr): void => {
    if (expr.kind === 'ParamExpr') count++;
    else if (expr.kind === 'UnaryExpr' && expr.op === '-' && expr.operand.kind === 'ParamExpr') count++;
  };
  // A new column value may be arithmetic on columns and values (`SET balance = balance - 5`).
  const newValue = (expr: Expr): void => {
    if (expr.kind === 'BinaryExpr' && ARITHMETIC.has(expr.op)) {
      newValue(expr.left);
      newValue(expr.right);
    } else {
      value(expr);
    }
  };
  const predicate = (expr: Expr | undefined): void => {
    if (!expr) return;
    switch (expr.kind) {
      case 'BinaryExpr':
        if (expr.op === 'AND' || expr.op === 'OR') {
          predicate(expr.left);
          predicate(expr.right);
        } else if (COMPARISONS.has(expr.op)) {
          value(expr.left);
          value(expr.right);
        }
        return;
      case 'UnaryExpr':
        if (expr.op === 'NOT' || expr.op === '!') predicate(expr.operand);
        return;
      case 'InListExpr':
        value(expr.operand);
        expr.list.forEach(value);
        return;
      case 'BetweenExpr':
        value(expr.low);
        value(expr.high);
        return;
      default:
        return;
    }
  };
  switch (statement.kind) {
    case 'SelectStmt':
      if (statement.with) return false;
      predicate(statement.where);
      break;
    case 'UpdateStmt':
      for (const assignment of statement.assignments) newValue(assignment.value);
      predicate(statement.where);
      break;
    case 'DeleteStmt':
      predicate(statement.where);
      break;
    case 'InsertStmt':
      if (statement.source.kind !== 'values') return false;
      for (const row of statement.source.rows) row.forEach(newValue);
      break;
    default:
      return false;
  }
  return count === paramCount;
}
