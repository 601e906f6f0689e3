// checkTargetNotRead: MySQL's error 1093 for a subquery that reads the table an UPDATE or DELETE modifies.
import { mysqlError, ER_UPDATE_TABLE_USED } from '../../errors/index.js';
import type { Expr, QueryExpr, TableRef } from '../ast/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { forEachExpr } from '../expression/index.js';

/** A table being written: its database and name, and the name the statement gives it (used in the message). */
export interface WriteTargetName {
  readonly databaseName: string;
  readonly tableName: string;
  readonly shownAs: string;
}

/**
 * Throws 1093 "You can't specify target table 'x' for update in FROM clause" when a subquery in `exprs` reads a
 * target directly. A derived table is materialised before the write starts, so reading a target inside one is
 * allowed, as in MySQL (https://dev.mysql.com/doc/refman/8.0/en/update.html).
 */
export function checkTargetNotRead(exprs: readonly (Expr | undefined)[], targets: readonly WriteTargetName[], session: ExecutionContext): void {
  const visitExpr = (expr: Expr | undefined): void => {
    if (!expr) return;
    forEachExpr(expr, (node) => {
      if (node.kind === 'SubqueryExpr' || node.kind === 'ExistsExpr' || node.kind === 'InSubqueryExpr' || node.kind === 'QuantifiedCompareExpr') visitQuery(node.query);
    });
  };
  const visitRef = (ref: TableRef): void => {
    switch (ref.kind) {
      case 'TableNameRef': {
        const databaseName = (ref.table.db ?? session.currentDatabase ?? '').toLowerCase();
        const name = ref.table.name.toLowerCase();
        const hit = targets.find((target) => target.tableName.toLowerCase() === name && target.databaseName.toLowerCase() === databaseName);
        if (hit) throw mysqlError(ER_UPDATE_TABLE_USED, hit.shownAs);
        return;
      }
      case 'DerivedTableRef':
        return;
      case 'JsonTableRef':
        visitExpr(ref.expr);
        return;
      case 'JoinRef':
        visitRef(ref.left);
        visitRef(ref.right);
        visitExpr(ref.on);
    }
  };
  const visitQuery = (query: QueryExpr): void => {
    switch (query.kind) {
      case 'SelectStmt':
        for (const ref of query.from ?? []) visitRef(ref);
        for (const item of query.items) if (item.kind === 'SelectExprItem') visitExpr(item.expr);
        visitExpr(query.where);
        visitExpr(query.having);
        for (const expr of query.groupBy ?? []) visitExpr(expr);
        return;
      case 'UnionStmt':
        visitQuery(query.left);
        visitQuery(query.right);
        return;
      case 'ValuesStmt':
        for (const row of query.rows) for (const expr of row) visitExpr(expr);
    }
  };
  for (const expr of exprs) visitExpr(expr);
}
