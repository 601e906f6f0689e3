// formatSql: prints any AST node back to canonical SQL, wiring the family printers together.
import type { Expr, QueryExpr, Statement, TableRef } from '../ast/index.js';
import { formatAccountStmt } from './format-account.js';
import { formatRoleStmt } from './format-role.js';
import { formatSequenceStmt } from './format-sequence.js';
import { formatDdl } from './format-ddl.js';
import { formatDelete, formatInsert, formatLoadData, formatUpdate } from './format-dml.js';
import { formatExprNode } from './format-expr.js';
import { formatQueryNode, formatTableRefNode } from './format-query.js';
import { formatSession } from './format-session.js';
import { precedenceOf } from './precedence.js';
import type { Printer } from './printer.js';

const printer: Printer = {
  expr(e: Expr, minPrec = 0): string {
    const text = formatExprNode(e, printer);
    return precedenceOf(e) < minPrec ? `(${text})` : text;
  },
  query: (q: QueryExpr) => formatQueryNode(q, printer),
  tableRef: (t: TableRef) => formatTableRefNode(t, printer),
  statement: formatStatement,
};

function formatStatement(s: Statement): string {
  switch (s.kind) {
    case 'SelectStmt':
    case 'UnionStmt':
    case 'ValuesStmt':
      return formatQueryNode(s, printer);
    case 'InsertStmt':
      return formatInsert(s, printer);
    case 'UpdateStmt':
      return formatUpdate(s, printer);
    case 'DeleteStmt':
      return formatDelete(s, printer);
    case 'LoadDataStmt':
      return formatLoadData(s, printer);
    case 'ExplainStmt':
      return `EXPLAIN ${s.isAnalyze ? 'ANALYZE ' : ''}${s.format === undefined ? '' : `FORMAT = ${s.format} `}${formatStatement(s.stmt)}`;
    case 'CreateDatabaseStmt':
    case 'AlterDatabaseStmt':
    case 'DropDatabaseStmt':
    case 'CreateTableStmt':
    case 'DropTableStmt':
    case 'CreateIndexStmt':
    case 'DropIndexStmt':
    case 'AlterTableStmt':
    case 'RenameTableStmt':
    case 'TruncateTableStmt':
    case 'CreateViewStmt':
    case 'DropViewStmt':
    case 'DropTriggerStmt':
      return formatDdl(s, printer);
    case 'CreateUserStmt':
    case 'AlterUserStmt':
    case 'DropUserStmt':
    case 'RenameUserStmt':
    case 'SetPasswordStmt':
    case 'GrantStmt':
    case 'RevokeStmt':
      return formatAccountStmt(s);
    case 'CreateRoleStmt':
    case 'DropRoleStmt':
    case 'GrantRoleStmt':
    case 'RevokeRoleStmt':
    case 'SetRoleStmt':
    case 'SetDefaultRoleStmt':
      return formatRoleStmt(s);
    case 'CreateSequenceStmt':
    case 'AlterSequenceStmt':
    case 'DropSequenceStmt':
      return formatSequenceStmt(s);
    default:
      return formatSession(s, printer);
  }
}

/** True when `node` is an expression node (expression kinds end in `Expr`). */
function isExpr(node: Statement | Expr | TableRef): node is Expr {
  return node.kind.endsWith('Expr');
}

/**
 * Prints a statement, expression or table reference as canonical SQL: upper-case keywords, single spaces,
 * identifiers backquoted only when needed, parentheses only where precedence requires them. For any parsed
 * statement, `formatSql(parseSql(formatSql(s))[0]) === formatSql(s)`.
 */
export function formatSql(node: Statement | Expr | TableRef): string {
  if (isExpr(node)) return printer.expr(node);
  if (node.kind === 'TableNameRef' || node.kind === 'DerivedTableRef' || node.kind === 'JoinRef' || node.kind === 'JsonTableRef')
    return printer.tableRef(node);
  return formatStatement(node);
}
