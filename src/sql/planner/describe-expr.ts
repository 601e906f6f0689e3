// describeExpr: an expression as TiDB's EXPLAIN writes it in `operator info` (`eq(test.t.a, 1)`), for display only.
import type { ColumnRefExpr, Expr } from '../ast/index.js';
import type { Scope } from '../expression/index.js';
import { formatSql } from '../parser/index.js';

const FUNCTION_OF_OP: Readonly<Record<string, string>> = {
  '=': 'eq',
  '<>': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
  '<=>': 'nulleq',
  AND: 'and',
  OR: 'or',
  XOR: 'xor',
  '+': 'plus',
  '-': 'minus',
  '*': 'mul',
  '/': 'div',
  DIV: 'intdiv',
  '%': 'mod',
  '&': 'bitand',
  '|': 'bitor',
  '^': 'bitxor',
  '<<': 'leftshift',
  '>>': 'rightshift',
};

/** Synthetic column names (aggregate slots) print as TiDB's `Column#n`. */
const SYNTHETIC_PREFIX = '\u0000';

/**
 * Writes `expr` in TiDB's functional notation; column references are qualified as `db.table.column` through `scope`
 * when they resolve there. Subqueries print as `<subquery>`: EXPLAIN shows their plans under an Apply.
 */
export function describeExpr(expr: Expr, scope?: Scope): string {
  const d = (e: Expr): string => describeExpr(e, scope);
  switch (expr.kind) {
    case 'ColumnRefExpr':
      return describeColumn(expr, scope);
    case 'NumberLiteralExpr':
      return expr.text;
    case 'StringLiteralExpr':
      return JSON.stringify(expr.value);
    case 'NullLiteralExpr':
      return '<nil>';
    case 'BoolLiteralExpr':
      return expr.value ? '1' : '0';
    case 'BinaryExpr':
      return `${FUNCTION_OF_OP[expr.op] ?? expr.op.toLowerCase()}(${d(expr.left)}, ${d(expr.right)})`;
    case 'UnaryExpr':
      return expr.op === 'NOT' || expr.op === '!' ? `not(${d(expr.operand)})` : expr.op === '-' ? `unaryminus(${d(expr.operand)})` : formatSql(expr);
    case 'IsExpr': {
      const test = expr.test === 'NULL' ? `isnull(${d(expr.operand)})` : `is${expr.test.toLowerCase()}(${d(expr.operand)})`;
      return expr.isNot ? `not(${test})` : test;
    }
    case 'LikeExpr': {
      const like = `like(${d(expr.operand)}, ${d(expr.pattern)}, 92)`;
      return expr.isNot ? `not(${like})` : like;
    }
    case 'InListExpr': {
      const list = `in(${[expr.operand, ...expr.list].map(d).join(', ')})`;
      return expr.isNot ? `not(${list})` : list;
    }
    case 'BetweenExpr': {
      const between = `and(ge(${d(expr.operand)}, ${d(expr.low)}), le(${d(expr.operand)}, ${d(expr.high)}))`;
      return expr.isNot ? `not(${between})` : between;
    }
    case 'FuncCallExpr': {
      const args = expr.isStar ? ['1'] : expr.args.map(d);
      return `${expr.name.toLowerCase()}(${expr.isDistinct ? 'distinct ' : ''}${args.join(', ')})`;
    }
    case 'InSubqueryExpr': {
      const test = `in(${d(expr.operand)}, <subquery>)`;
      return expr.isNot ? `not(${test})` : test;
    }
    case 'ExistsExpr':
      return 'exists(<subquery>)';
    case 'SubqueryExpr':
      return '<subquery>';
    case 'QuantifiedCompareExpr':
      return `${FUNCTION_OF_OP[expr.op] ?? expr.op}(${d(expr.left)}, ${expr.quantifier.toLowerCase()}(<subquery>))`;
    default:
      return formatSql(expr);
  }
}

/** Several conditions, comma-separated as TiDB lists a Selection's conjuncts. */
export function describeConditions(exprs: readonly Expr[], scope?: Scope): string {
  return exprs.map((expr) => describeExpr(expr, scope)).join(', ');
}

function describeColumn(ref: ColumnRefExpr, scope: Scope | undefined): string {
  if (ref.column.startsWith(SYNTHETIC_PREFIX)) return syntheticName(ref.column);
  if (scope?.has(ref)) {
    const column = scope.columns[scope.resolve(ref, 'field list')]!;
    if (column.name.startsWith(SYNTHETIC_PREFIX)) return syntheticName(column.name);
    return [column.database, column.table, column.name].filter((part) => part !== '').join('.');
  }
  return [ref.db, ref.table, ref.column].filter((part) => part !== undefined).join('.');
}

/** `\u0000agg3` → `Column#3`. */
function syntheticName(name: string): string {
  return `Column#${name.slice(SYNTHETIC_PREFIX.length).replace(/^\D*/, '')}`;
}
