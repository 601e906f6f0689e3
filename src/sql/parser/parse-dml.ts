// INSERT / REPLACE / UPDATE / DELETE.
import type {
  Assignment,
  ColumnRefExpr,
  DeleteStmt,
  Expr,
  InsertSource,
  InsertStmt,
  TableName,
  UpdateStmt,
} from '../ast/index.js';
import { parseExpr, parseOrderItems, startsQuery } from './parse-expr.js';
import { parseLimit } from './parse-select.js';
import { parseAlias, parseIdentList, parseTableName, parseTableRefs } from './parse-table-ref.js';
import type { Parser } from './parser.js';
import { TokenType } from './token.js';
import type { Mutable } from './mutable.js';

/** `INSERT …` or `REPLACE …` (the first word is current). */
export function parseInsert(p: Parser): InsertStmt {
  const start = p.tok.start;
  const isReplace = p.advance().upper === 'REPLACE';
  const priority = p.acceptOneOf(
    isReplace ? (['LOW_PRIORITY', 'DELAYED'] as const) : (['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY'] as const),
  );
  const isIgnore = !isReplace && p.acceptWord('IGNORE');
  p.acceptWord('INTO');
  const table = parseTableName(p);
  const stmt: Mutable<InsertStmt> = {
    kind: 'InsertStmt',
    text: '',
    isReplace,
    isIgnore,
    table,
    source: { kind: 'values', rows: [] },
  };
  if (priority !== undefined) stmt.priority = priority;
  if (p.acceptWord('PARTITION')) stmt.partitions = parseIdentList(p);
  if (p.isOp('(') && !startsQuery(p, 1)) {
    p.advance();
    const columns: string[] = [];
    if (!p.isOp(')')) {
      do columns.push(parseColumnName(p));
      while (p.acceptOp(','));
    }
    p.expectOp(')');
    stmt.columns = columns;
  }
  stmt.source = parseInsertSource(p);
  if (stmt.source.kind !== 'select' && p.isWord('AS')) {
    p.advance();
    const name = p.ident();
    stmt.rowAlias = p.isOp('(') ? { name, columns: parseIdentList(p) } : { name };
  }
  if (!isReplace && p.acceptClause('ON', 'DUPLICATE', 'KEY', 'UPDATE')) stmt.onDuplicate = parseAssignments(p);
  stmt.text = p.textFrom(start);
  return stmt;
}

/** A column name in an INSERT column list; `t.col` and `db.t.col` are accepted and reduced to `col`, as MySQL does. */
function parseColumnName(p: Parser): string {
  let name = p.ident();
  while (p.acceptOp('.')) name = p.anyIdent();
  return name;
}

function parseInsertSource(p: Parser): InsertSource {
  if (p.acceptWord('VALUES') || p.acceptWord('VALUE')) {
    const rows: Expr[][] = [];
    do {
      p.acceptWord('ROW');
      p.expectOp('(');
      const row: Expr[] = [];
      if (!p.isOp(')')) {
        do row.push(parseExpr(p));
        while (p.acceptOp(','));
      }
      p.expectOp(')');
      rows.push(row);
    } while (p.acceptOp(','));
    return { kind: 'values', rows };
  }
  if (p.acceptWord('SET')) return { kind: 'set', assignments: parseAssignments(p) };
  if (p.isWord('SELECT') || p.isWord('WITH') || p.isWord('TABLE') || p.isOp('('))
    return { kind: 'select', query: p.grammar.query(p) };
  throw p.error();
}

/** `col = expr, …` (also `col := expr`); `DEFAULT` is a DefaultExpr. */
export function parseAssignments(p: Parser): Assignment[] {
  const list: Assignment[] = [];
  do {
    const column = parseColumnRef(p);
    if (!p.acceptOp('=') && !p.acceptOp(':=')) throw p.error();
    list.push({ column, value: parseExpr(p) });
  } while (p.acceptOp(','));
  return list;
}

function parseColumnRef(p: Parser): ColumnRefExpr {
  const a = p.ident();
  if (!p.acceptOp('.')) return { kind: 'ColumnRefExpr', column: a };
  const b = p.anyIdent();
  if (!p.acceptOp('.')) return { kind: 'ColumnRefExpr', table: a, column: b };
  return { kind: 'ColumnRefExpr', db: a, table: b, column: p.anyIdent() };
}

/** `UPDATE [LOW_PRIORITY] [IGNORE] refs SET … [WHERE …] [ORDER BY …] [LIMIT …]` */
export function parseUpdate(p: Parser): UpdateStmt {
  const start = p.tok.start;
  p.expectWord('UPDATE');
  const isLowPriority = p.acceptWord('LOW_PRIORITY');
  const isIgnore = p.acceptWord('IGNORE');
  const tables = parseTableRefs(p);
  p.expectWord('SET');
  const stmt: Mutable<UpdateStmt> = {
    kind: 'UpdateStmt',
    text: '',
    isLowPriority,
    isIgnore,
    tables,
    assignments: parseAssignments(p),
  };
  if (p.acceptWord('WHERE')) stmt.where = parseExpr(p);
  // Accepted for every form: MySQL parses ORDER BY / LIMIT of a multi-table UPDATE and then rejects it with 1221.
  if (p.acceptClause('ORDER', 'BY')) stmt.orderBy = parseOrderItems(p);
  if (p.isWord('LIMIT')) stmt.limit = parseLimit(p);
  stmt.text = p.textFrom(start);
  return stmt;
}

/** The single- and multi-table forms of DELETE. */
export function parseDelete(p: Parser): DeleteStmt {
  const start = p.tok.start;
  p.expectWord('DELETE');
  const stmt: Mutable<DeleteStmt> = {
    kind: 'DeleteStmt',
    text: '',
    isLowPriority: false,
    isQuick: false,
    isIgnore: false,
    targets: [],
  };
  for (;;) {
    if (p.acceptWord('LOW_PRIORITY')) stmt.isLowPriority = true;
    else if (p.acceptWord('QUICK')) stmt.isQuick = true;
    else if (p.acceptWord('IGNORE')) stmt.isIgnore = true;
    else break;
  }
  if (p.acceptWord('FROM')) {
    const targets = parseDeleteTargets(p);
    stmt.targets = targets;
    if (p.acceptWord('USING')) {
      stmt.from = parseTableRefs(p);
    } else if (targets.length > 1) {
      throw p.error();
    } else {
      const alias = parseAlias(p);
      if (alias !== undefined) stmt.alias = alias;
      if (p.acceptWord('PARTITION')) parseIdentList(p);
      if (p.acceptWord('WHERE')) stmt.where = parseExpr(p);
      if (p.acceptClause('ORDER', 'BY')) stmt.orderBy = parseOrderItems(p);
      if (p.isWord('LIMIT')) stmt.limit = parseLimit(p);
      stmt.text = p.textFrom(start);
      return stmt;
    }
  } else {
    stmt.targets = parseDeleteTargets(p);
    p.expectWord('FROM');
    stmt.from = parseTableRefs(p);
  }
  if (p.acceptWord('WHERE')) stmt.where = parseExpr(p);
  stmt.text = p.textFrom(start);
  return stmt;
}

/** `t1[.*], t2[.*]` */
function parseDeleteTargets(p: Parser): TableName[] {
  const list: TableName[] = [];
  do {
    const first = p.ident();
    let name: TableName = { name: first };
    if (p.isOp('.') && p.peek().type !== TokenType.Op) {
      p.advance();
      name = { db: first, name: p.anyIdent() };
    }
    if (p.isOp('.') && p.isOpAt(1, '*')) {
      p.advance();
      p.advance();
    }
    list.push(name);
  } while (p.acceptOp(','));
  return list;
}
