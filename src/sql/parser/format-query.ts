// Prints query expressions (SELECT, set operations, VALUES) and FROM-clause table references.
import type {
  JoinRef,
  Limit,
  QueryExpr,
  SelectItem,
  SelectStmt,
  TableRef,
  UnionStmt,
  ValuesStmt,
  WithClause,
} from '../ast/index.js';
import { formatOrderItems, formatWindowSpec } from './format-expr.js';
import { formatIdent, formatQualified, formatUserVar } from './format-ident.js';
import { formatJsonTable } from './format-json-table.js';
import type { Printer } from './printer.js';

/** Prints a query expression. */
export function formatQueryNode(q: QueryExpr, f: Printer): string {
  const withText = q.with === undefined ? '' : formatWith(q.with, f) + ' ';
  switch (q.kind) {
    case 'SelectStmt':
      return withText + formatSelect(q, f);
    case 'UnionStmt':
      return withText + formatUnion(q, f);
    case 'ValuesStmt':
      return withText + formatValues(q, f);
  }
}

function formatWith(w: WithClause, f: Printer): string {
  const ctes = w.ctes.map((c) => {
    const cols = c.columns === undefined ? '' : ` (${c.columns.map(formatIdent).join(', ')})`;
    return `${formatIdent(c.name)}${cols} AS (${f.query(c.query)})`;
  });
  return `WITH ${w.isRecursive ? 'RECURSIVE ' : ''}${ctes.join(', ')}`;
}

function formatSelect(s: SelectStmt, f: Printer): string {
  let out = 'SELECT';
  if (s.isDistinct) out += ' DISTINCT';
  if (s.modifiers !== undefined) for (const m of s.modifiers) out += ' ' + m;
  out += ' ' + s.items.map((i) => formatSelectItem(i, f)).join(', ');
  if (s.into !== undefined) out += ' INTO ' + s.into.map((v) => formatUserVar(v.name)).join(', ');
  if (s.isFromDual === true) out += ' FROM DUAL';
  else if (s.from !== undefined) out += ' FROM ' + s.from.map((t) => f.tableRef(t)).join(', ');
  if (s.where !== undefined) out += ' WHERE ' + f.expr(s.where);
  if (s.groupBy !== undefined) out += ' GROUP BY ' + s.groupBy.map((e) => f.expr(e)).join(', ');
  if (s.withRollup === true) out += ' WITH ROLLUP';
  if (s.having !== undefined) out += ' HAVING ' + f.expr(s.having);
  if (s.windows !== undefined)
    out += ' WINDOW ' + s.windows.map((w) => `${formatIdent(w.name)} AS ${formatWindowSpec(w.spec, f)}`).join(', ');
  out += formatOrderLimit(s, f);
  if (s.lock !== undefined) {
    out += ' ' + s.lock.mode;
    if (s.lock.tables !== undefined) out += ' OF ' + s.lock.tables.map((t) => formatQualified(t.db, t.name)).join(', ');
    if (s.lock.wait !== undefined) out += ' ' + s.lock.wait;
  }
  return out;
}

function formatSelectItem(i: SelectItem, f: Printer): string {
  if (i.kind === 'SelectStarItem') return i.table === undefined ? '*' : formatQualified(i.db, i.table) + '.*';
  const e = f.expr(i.expr);
  return i.alias === undefined ? e : `${e} AS ${formatIdent(i.alias)}`;
}

/** ` ORDER BY … LIMIT …` (with the leading space), or ''. */
export function formatOrderLimit(
  q: { readonly orderBy?: SelectStmt['orderBy']; readonly limit?: Limit },
  f: Printer,
): string {
  let out = '';
  if (q.orderBy !== undefined) out += ' ORDER BY ' + formatOrderItems(q.orderBy, f);
  if (q.limit !== undefined) {
    out += ' LIMIT ' + f.expr(q.limit.count);
    if (q.limit.offset !== undefined) out += ' OFFSET ' + f.expr(q.limit.offset);
  }
  return out;
}

/** Operands that carry their own ORDER BY/LIMIT/locking (or a WITH) must keep their parentheses. */
function needsParens(q: QueryExpr): boolean {
  return (
    q.with !== undefined ||
    q.orderBy !== undefined ||
    q.limit !== undefined ||
    (q.kind === 'SelectStmt' && q.lock !== undefined)
  );
}

function formatUnion(u: UnionStmt, f: Printer): string {
  const left = u.left;
  const right = u.right;
  const leftText =
    needsParens(left) || (u.op === 'INTERSECT' && left.kind === 'UnionStmt' && left.op !== 'INTERSECT')
      ? `(${f.query(left)})`
      : f.query(left);
  const rightText = needsParens(right) || right.kind === 'UnionStmt' ? `(${f.query(right)})` : f.query(right);
  return `${leftText} ${u.op}${u.isAll ? ' ALL' : ''} ${rightText}${formatOrderLimit(u, f)}`;
}

function formatValues(v: ValuesStmt, f: Printer): string {
  const rows = v.rows.map((r) => `ROW(${r.map((e) => f.expr(e)).join(', ')})`).join(', ');
  return `VALUES ${rows}${formatOrderLimit(v, f)}`;
}

/** Prints one table reference; join operands are parenthesised where MySQL would otherwise nest them differently. */
export function formatTableRefNode(t: TableRef, f: Printer): string {
  switch (t.kind) {
    case 'TableNameRef': {
      let out = formatQualified(t.table.db, t.table.name);
      if (t.alias !== undefined) out += ' AS ' + formatIdent(t.alias);
      if (t.indexHints !== undefined) {
        for (const h of t.indexHints) {
          out += ` ${h.type} INDEX${h.scope === undefined ? '' : ' FOR ' + h.scope} (${h.indexes.map((i) => (i === 'PRIMARY' ? i : formatIdent(i))).join(', ')})`;
        }
      }
      return out;
    }
    case 'DerivedTableRef': {
      let out = `${t.isLateral === true ? 'LATERAL ' : ''}(${f.query(t.query)})`;
      if (t.alias !== undefined) out += ' AS ' + formatIdent(t.alias);
      if (t.columns !== undefined) out += ` (${t.columns.map(formatIdent).join(', ')})`;
      return out;
    }
    case 'JoinRef': {
      const left =
        t.left.kind === 'JoinRef' && isConditionless(t.left) ? `(${f.tableRef(t.left)})` : f.tableRef(t.left);
      const right = t.right.kind === 'JoinRef' ? `(${f.tableRef(t.right)})` : f.tableRef(t.right);
      let out = `${left} ${joinKeyword(t.joinType, t.isNatural)} ${right}`;
      if (t.on !== undefined) out += ' ON ' + f.expr(t.on);
      if (t.using !== undefined) out += ` USING (${t.using.map(formatIdent).join(', ')})`;
      return out;
    }
    case 'JsonTableRef':
      return formatJsonTable(t, f);
  }
}

function isConditionless(j: { readonly isNatural: boolean; readonly on?: unknown; readonly using?: unknown }): boolean {
  return !j.isNatural && j.on === undefined && j.using === undefined;
}

function joinKeyword(type: JoinRef['joinType'], isNatural: boolean): string {
  const natural = isNatural ? 'NATURAL ' : '';
  switch (type) {
    case 'INNER':
      return natural + 'JOIN';
    case 'CROSS':
      return 'CROSS JOIN';
    case 'LEFT':
      return natural + 'LEFT JOIN';
    case 'RIGHT':
      return natural + 'RIGHT JOIN';
    case 'STRAIGHT':
      return 'STRAIGHT_JOIN';
  }
}
