// formatStoredExpr: prints an expression the way MySQL stores a generated column's or a CHECK constraint's expression.
import type { Expr, FuncCallExpr } from '../ast/index.js';
import { formatSql } from './format-sql.js';

/**
 * The expression as MySQL's Item::print writes it for the data dictionary (QT_NO_DB | QT_NO_TABLE |
 * QT_FORCE_INTRODUCERS): every operation in parentheses, `AND`/`OR` chains flattened, columns backquoted without
 * their table, function names lower-case with arguments separated by bare commas, and string literals with their
 * character set introducer (`_utf8mb4'x'`). This is the text of GENERATION_EXPRESSION and CHECK_CLAUSE and what
 * SHOW CREATE TABLE prints, and it parses back to the same expression.
 * https://dev.mysql.com/doc/refman/8.0/en/create-table-check-constraints.html
 */
export function formatStoredExpr(expr: Expr, charset = 'utf8mb4'): string {
  const print = (e: Expr): string => formatStoredExpr(e, charset);
  const list = (items: readonly Expr[]): string => items.map(print).join(',');
  switch (expr.kind) {
    case 'NumberLiteralExpr':
      return expr.text;
    case 'StringLiteralExpr':
      if (expr.isBareWord === true) return formatSql(expr);
      return `_${expr.charset ?? (expr.isNational === true ? 'utf8mb3' : charset)}'${escapeString(expr.value)}'`;
    case 'NullLiteralExpr':
      return 'NULL';
    case 'BoolLiteralExpr':
      return expr.value ? 'true' : 'false';
    case 'TemporalLiteralExpr':
      return `${expr.type}'${escapeString(expr.value)}'`;
    case 'ColumnRefExpr':
      return quoteIdent(expr.column);
    case 'UnaryExpr':
      switch (expr.op) {
        case '-':
          return expr.operand.kind === 'NumberLiteralExpr' ? `-${expr.operand.text}` : `-(${print(expr.operand)})`;
        case '+':
          return print(expr.operand);
        case '~':
          return `~(${print(expr.operand)})`;
        case '!':
        case 'NOT':
          return `(not(${print(expr.operand)}))`;
        case 'BINARY':
          return `cast(${print(expr.operand)} as char charset binary)`;
      }
      break;
    case 'BinaryExpr': {
      if (expr.op === 'AND' || expr.op === 'OR' || expr.op === 'XOR') {
        // MySQL keeps a chain of one logical operator as one condition with many arguments.
        const terms: Expr[] = [];
        const collect = (e: Expr): void => {
          if (e.kind === 'BinaryExpr' && e.op === expr.op) {
            collect(e.left);
            collect(e.right);
          } else terms.push(e);
        };
        collect(expr);
        return `(${terms.map(print).join(` ${expr.op.toLowerCase()} `)})`;
      }
      return `(${print(expr.left)} ${expr.op} ${print(expr.right)})`;
    }
    case 'IsExpr':
      return `(${print(expr.operand)} is ${expr.isNot ? 'not ' : ''}${expr.test.toLowerCase()})`;
    case 'LikeExpr': {
      const like = `(${print(expr.operand)} like ${print(expr.pattern)}${expr.escape === undefined ? '' : ` escape ${print(expr.escape)}`})`;
      return expr.isNot ? `(not(${like}))` : like;
    }
    case 'RegexpExpr': {
      const call = `regexp_like(${print(expr.operand)},${print(expr.pattern)})`;
      return expr.isNot ? `(not(${call}))` : call;
    }
    case 'InListExpr':
      return `(${print(expr.operand)} ${expr.isNot ? 'not in' : 'in'} (${list(expr.list)}))`;
    case 'BetweenExpr':
      return `(${print(expr.operand)} ${expr.isNot ? 'not between' : 'between'} ${print(expr.low)} and ${print(expr.high)})`;
    case 'CollateExpr':
      return `(${print(expr.operand)} collate ${expr.collation})`;
    case 'JsonPathExpr': {
      const extract = `json_extract(${print(expr.operand)},_${charset}'${escapeString(expr.path)}')`;
      return expr.isUnquote ? `json_unquote(${extract})` : extract;
    }
    case 'FuncCallExpr':
      return formatCall(expr, print);
    case 'CastExpr': {
      const type = expr.type;
      let name: string = type.name.toLowerCase();
      if (type.length !== undefined) name += type.scale === undefined ? `(${type.length})` : `(${type.length},${type.scale})`;
      if (type.charset !== undefined) name += ` charset ${type.charset}`;
      if (type.isArray === true) name += ' array';
      return `cast(${print(expr.operand)} as ${name})`;
    }
    case 'ConvertUsingExpr':
      return `convert(${print(expr.operand)} using ${expr.charset})`;
    case 'CaseExpr': {
      let out = '(case';
      if (expr.operand !== undefined) out += ' ' + print(expr.operand);
      for (const branch of expr.whens) out += ` when ${print(branch.when)} then ${print(branch.then)}`;
      if (expr.else !== undefined) out += ' else ' + print(expr.else);
      return out + ' end)';
    }
    case 'IntervalExpr':
      return `interval ${print(expr.value)} ${expr.unit.toLowerCase()}`;
    case 'IntervalUnitExpr':
      return expr.unit.toLowerCase();
    case 'RowExpr':
      return `row(${list(expr.items)})`;
    default:
      // Forms a stored expression may not hold (subqueries, variables, placeholders) are rejected before they are
      // stored; canonical SQL keeps error messages and EXPLAIN readable.
      return formatSql(expr);
  }
  return formatSql(expr);
}

function formatCall(e: FuncCallExpr, print: (e: Expr) => string): string {
  const name = e.name.toLowerCase();
  const args = e.args;
  if (name === 'extract' && args.length === 2) return `extract(${print(args[0]!)} from ${print(args[1]!)})`;
  if (name === 'trim' && (e.trimMode !== undefined || args.length === 2)) {
    const mode = (e.trimMode ?? 'BOTH').toLowerCase();
    const remove = args[1] === undefined ? '' : `${print(args[1])} `;
    return `trim(${mode} ${remove}from ${print(args[0]!)})`;
  }
  if (name === 'member of' && args.length === 2) return `(${print(args[0]!)} member of (${print(args[1]!)}))`;
  if (e.isStar === true) return `${name}(*)`;
  return `${name}(${e.isDistinct === true ? 'distinct ' : ''}${args.map(print).join(',')})`;
}

function quoteIdent(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

const ESCAPED = new RegExp("[\\\\'\\0\\n\\r" + String.fromCharCode(0x1a) + ']', 'g');

/** A string literal's body with MySQL's backslash escapes (String::print). */
function escapeString(value: string): string {
  return value.replace(ESCAPED, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case "'":
        return "\\'";
      case '\0':
        return '\\0';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      default:
        return '\\Z';
    }
  });
}
