// Prints expressions in canonical SQL, adding parentheses exactly where precedence needs them.
import type { CastType, Expr, FrameBound, FuncCallExpr, JsonValueClauses, JsonValueResponse, OrderItem, WindowFrame, WindowSpec } from '../ast/index.js';
import { formatCharset, formatIdent, formatQualified, formatString, formatUserVar } from './format-ident.js';
import { Prec, precedenceOf } from './precedence.js';
import type { Printer } from './printer.js';

/** Prints `e`; the caller wraps it in parentheses when `precedenceOf(e)` is below what its position needs. */
export function formatExprNode(e: Expr, f: Printer): string {
  switch (e.kind) {
    case 'NumberLiteralExpr':
      return e.text;
    case 'StringLiteralExpr':
      if (e.isBareWord === true)
        return /^(ON|ALL|BINARY|ROW|SYSTEM)$/i.test(e.value) ? e.value.toUpperCase() : formatIdent(e.value);
      if (e.isNational === true) return 'N' + formatString(e.value);
      return introducer(e.charset) + formatString(e.value);
    case 'HexLiteralExpr':
      return spacedIntroducer(e.charset) + (e.form === 'x' ? `X'${e.hex}'` : `0x${e.hex}`);
    case 'BitLiteralExpr':
      return spacedIntroducer(e.charset) + (e.form === 'b' ? `b'${e.bits}'` : `0b${e.bits}`);
    case 'NullLiteralExpr':
      return 'NULL';
    case 'BoolLiteralExpr':
      return e.value ? 'TRUE' : 'FALSE';
    case 'TemporalLiteralExpr':
      return `${e.type} ${formatString(e.value)}`;
    case 'ColumnRefExpr':
      return formatQualified(e.db, e.table, e.column);
    case 'UserVarExpr':
      return formatUserVar(e.name);
    case 'SysVarExpr':
      return e.scope === undefined ? '@@' + formatIdent(e.name) : `@@${e.scope}.${formatIdent(e.name)}`;
    case 'ParamExpr':
      return '?';
    case 'DefaultExpr':
      return e.column === undefined ? 'DEFAULT' : `DEFAULT(${f.expr(e.column)})`;
    case 'UnaryExpr': {
      if (e.op === 'NOT') return 'NOT ' + f.expr(e.operand, Prec.NOT);
      const operand = f.expr(e.operand, Prec.UNARY);
      switch (e.op) {
        case 'BINARY':
          return 'BINARY ' + operand;
        default:
          // `- -1`, not `--1` (which MySQL would read the same, but a reader might take for a comment).
          return operand.startsWith(e.op) || (e.op === '-' && operand.startsWith('+'))
            ? `${e.op} ${operand}`
            : e.op + operand;
      }
    }
    case 'BinaryExpr': {
      // Walk the left spine iteratively: long AND/OR/+ chains would otherwise recurse once per term.
      const prec = precedenceOf(e);
      const rights: string[] = [];
      let node: Expr = e;
      while (node.kind === 'BinaryExpr' && precedenceOf(node) === prec) {
        rights.push(`${node.op} ${f.expr(node.right, prec + 1)}`);
        node = node.left;
      }
      let out = f.expr(node, prec);
      for (let i = rights.length - 1; i >= 0; i--) out += ' ' + (rights[i] as string);
      return out;
    }
    case 'IsExpr':
      return `${f.expr(e.operand, Prec.COMPARE)} IS ${e.isNot ? 'NOT ' : ''}${e.test}`;
    case 'LikeExpr': {
      const base = `${f.expr(e.operand, Prec.PREDICATE + 1)} ${e.isNot ? 'NOT ' : ''}LIKE ${f.expr(e.pattern, Prec.PREDICATE + 1)}`;
      return e.escape === undefined ? base : `${base} ESCAPE ${f.expr(e.escape, Prec.PREDICATE + 1)}`;
    }
    case 'RegexpExpr':
      return `${f.expr(e.operand, Prec.PREDICATE + 1)} ${e.isNot ? 'NOT ' : ''}REGEXP ${f.expr(e.pattern, Prec.PREDICATE + 1)}`;
    case 'InListExpr':
      return `${f.expr(e.operand, Prec.PREDICATE + 1)} ${e.isNot ? 'NOT ' : ''}IN (${e.list.map((x) => f.expr(x)).join(', ')})`;
    case 'InSubqueryExpr':
      return `${f.expr(e.operand, Prec.PREDICATE + 1)} ${e.isNot ? 'NOT ' : ''}IN (${f.query(e.query)})`;
    case 'BetweenExpr':
      return `${f.expr(e.operand, Prec.PREDICATE + 1)} ${e.isNot ? 'NOT ' : ''}BETWEEN ${f.expr(e.low, Prec.PREDICATE + 1)} AND ${f.expr(e.high, Prec.PREDICATE)}`;
    case 'QuantifiedCompareExpr':
      return `${f.expr(e.left, Prec.COMPARE)} ${e.op} ${e.quantifier} (${f.query(e.query)})`;
    case 'CollateExpr':
      return `${f.expr(e.operand, Prec.COLLATE)} COLLATE ${formatCharset(e.collation)}`;
    case 'AssignExpr':
      return `${formatUserVar(e.target.name)} := ${f.expr(e.value)}`;
    case 'JsonPathExpr':
      return `${f.expr(e.operand)}${e.isUnquote ? '->>' : '->'}${formatString(e.path)}`;
    case 'FuncCallExpr':
      return formatFuncCall(e, f);
    case 'CastExpr':
      return e.form === 'CAST'
        ? `CAST(${f.expr(e.operand)} AS ${formatCastType(e.type)})`
        : `CONVERT(${f.expr(e.operand)}, ${formatCastType(e.type)})`;
    case 'ConvertUsingExpr':
      return `CONVERT(${f.expr(e.operand)} USING ${formatCharset(e.charset)})`;
    case 'CaseExpr': {
      let out = 'CASE';
      if (e.operand !== undefined) out += ' ' + f.expr(e.operand);
      for (const w of e.whens) out += ` WHEN ${f.expr(w.when)} THEN ${f.expr(w.then)}`;
      if (e.else !== undefined) out += ' ELSE ' + f.expr(e.else);
      return out + ' END';
    }
    case 'IntervalExpr':
      return `INTERVAL ${f.expr(e.value)} ${e.unit}`;
    case 'IntervalUnitExpr':
      return e.unit;
    case 'ExistsExpr':
      return `EXISTS (${f.query(e.query)})`;
    case 'SubqueryExpr':
      return `(${f.query(e.query)})`;
    case 'RowExpr':
      return `${e.hasRowKeyword === true ? 'ROW' : ''}(${e.items.map((x) => f.expr(x)).join(', ')})`;
    case 'MatchExpr':
      return `MATCH (${e.columns.map((c) => f.expr(c)).join(', ')}) AGAINST (${f.expr(e.against, Prec.PREDICATE + 1)}${e.modifier === undefined ? '' : ' ' + e.modifier})`;
  }
}

function introducer(charset: string | undefined): string {
  return charset === undefined ? '' : '_' + charset;
}

/** Before X'…' / 0x… the introducer needs a space, or it would read as one word. */
function spacedIntroducer(charset: string | undefined): string {
  return charset === undefined ? '' : `_${charset} `;
}

function formatFuncCall(e: FuncCallExpr, f: Printer): string {
  const name = e.db === undefined ? formatFunctionName(e.name) : `${formatIdent(e.db)}.${formatFunctionName(e.name)}`;
  const args = e.args;
  let body: string;
  switch (e.name) {
    case 'EXTRACT':
      if (args.length === 2 && args[0]?.kind === 'IntervalUnitExpr')
        return `EXTRACT(${f.expr(args[0])} FROM ${f.expr(args[1] as Expr)})`;
      break;
    case 'POSITION':
      if (args.length === 2)
        return `POSITION(${f.expr(args[0] as Expr, Prec.PREDICATE + 1)} IN ${f.expr(args[1] as Expr)})`;
      break;
    case 'TRIM':
      if (e.trimMode !== undefined || args.length === 2) {
        const rem = args[1] === undefined ? '' : f.expr(args[1]) + ' ';
        return `TRIM(${e.trimMode === undefined ? '' : e.trimMode + ' '}${rem}FROM ${f.expr(args[0] as Expr)})`;
      }
      break;
    case 'MEMBER OF':
      return `${f.expr(args[0] as Expr, Prec.PREDICATE + 1)} MEMBER OF (${f.expr(args[1] as Expr)})`;
    default:
      break;
  }
  if (e.hasNoParens === true) return name;
  if (e.isStar === true) {
    body = '*';
  } else {
    body = (e.isDistinct === true ? 'DISTINCT ' : '') + args.map((a) => f.expr(a)).join(', ');
    if (e.orderBy !== undefined) body += ' ORDER BY ' + formatOrderItems(e.orderBy, f);
    if (e.separator !== undefined) body += ' SEPARATOR ' + formatString(e.separator);
    if (e.usingCharset !== undefined) body += ' USING ' + formatCharset(e.usingCharset);
    if (e.jsonValue !== undefined) body += formatJsonValueClauses(e.jsonValue, f);
  }
  let call = `${name}(${body})`;
  if (e.fromFirstLast !== undefined) call += ` FROM ${e.fromFirstLast}`;
  if (e.nullTreatment !== undefined) call += ` ${e.nullTreatment}`;
  return e.over === undefined ? call : `${call} OVER ${formatWindowRef(e.over, f)}`;
}

/** JSON_VALUE's RETURNING / ON EMPTY / ON ERROR clauses, each with its leading space. */
function formatJsonValueClauses(clauses: JsonValueClauses, f: Printer): string {
  const response = (r: JsonValueResponse | undefined, on: string): string =>
    r === undefined ? '' : ` ${r.kind === 'DEFAULT' ? `DEFAULT ${f.expr(r.value)}` : r.kind} ON ${on}`;
  const returning = clauses.returning === undefined ? '' : ` RETURNING ${formatCastType(clauses.returning)}`;
  return `${returning}${response(clauses.onEmpty, 'EMPTY')}${response(clauses.onError, 'ERROR')}`;
}

/** Function names print upper-case; a name that is not a plain word is backquoted. */
function formatFunctionName(name: string): string {
  return /^[A-Z_][A-Z0-9_$]*$/.test(name) ? name : '`' + name.replaceAll('`', '``') + '`';
}

/** `expr [ASC|DESC], …` */
export function formatOrderItems(items: readonly OrderItem[], f: Printer): string {
  return items.map((o) => (o.direction === undefined ? f.expr(o.expr) : `${f.expr(o.expr)} ${o.direction}`)).join(', ');
}

/** `w` or `(…)` after OVER. */
export function formatWindowRef(w: WindowSpec, f: Printer): string {
  if (w.name !== undefined && w.partitionBy === undefined && w.orderBy === undefined && w.frame === undefined)
    return formatIdent(w.name);
  return formatWindowSpec(w, f);
}

/** `([name] [PARTITION BY …] [ORDER BY …] [frame])` */
export function formatWindowSpec(w: WindowSpec, f: Printer): string {
  const parts: string[] = [];
  if (w.name !== undefined) parts.push(formatIdent(w.name));
  if (w.partitionBy !== undefined) parts.push('PARTITION BY ' + w.partitionBy.map((x) => f.expr(x)).join(', '));
  if (w.orderBy !== undefined) parts.push('ORDER BY ' + formatOrderItems(w.orderBy, f));
  if (w.frame !== undefined) parts.push(formatFrame(w.frame, f));
  return `(${parts.join(' ')})`;
}

/** `ROWS BETWEEN 1 PRECEDING AND CURRENT ROW`, `RANGE INTERVAL 1 DAY PRECEDING`. */
function formatFrame(frame: WindowFrame, f: Printer): string {
  const bound = (b: FrameBound): string => ('value' in b ? `${f.expr(b.value)} ${b.kind}` : b.kind);
  const extent = frame.end === undefined ? bound(frame.start) : `BETWEEN ${bound(frame.start)} AND ${bound(frame.end)}`;
  return `${frame.units} ${extent}${frame.exclude === undefined ? '' : ` EXCLUDE ${frame.exclude}`}`;
}

/** `CHAR(10) CHARACTER SET utf8mb4`, `DECIMAL(10,2)`, `SIGNED`. */
export function formatCastType(t: CastType): string {
  let out: string = t.name;
  if (t.length !== undefined) out += t.scale === undefined ? `(${t.length})` : `(${t.length},${t.scale})`;
  if (t.charset !== undefined) out += ' CHARACTER SET ' + formatCharset(t.charset);
  if (t.isArray === true) out += ' ARRAY';
  return out;
}
