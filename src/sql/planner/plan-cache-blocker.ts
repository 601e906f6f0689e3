// planCacheBlocker: why a prepared statement's plan cannot be built once and reused for every execution (or
// undefined when it can), after TiDB's rules for its prepared plan cache.
import type { Expr, Limit, OrderItem, QueryExpr, Statement, TableName, TableRef } from '../ast/index.js';
import { JSON_FUNCTION_NAMES, forEachExpr } from '../expression/index.js';

/**
 * Functions whose result depends only on their arguments. Anything else (NOW(), RAND(), DATABASE(), USER(),
 * LAST_INSERT_ID(), SLEEP(), …) is folded or bound while planning, so a plan containing it must not outlive one
 * execution.
 */
const DETERMINISTIC_FUNCTIONS: ReadonlySet<string> = new Set([
  // Aggregates.
  'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'GROUP_CONCAT', 'BIT_AND', 'BIT_OR', 'BIT_XOR', 'STD', 'STDDEV', 'STDDEV_POP',
  'STDDEV_SAMP', 'VARIANCE', 'VAR_POP', 'VAR_SAMP', 'ANY_VALUE',
  // Control flow.
  'IF', 'IFNULL', 'NULLIF', 'COALESCE', 'ISNULL', 'GREATEST', 'LEAST',
  // The row ON DUPLICATE KEY UPDATE proposes.
  'VALUES',
  // Numbers.
  'ABS', 'CEIL', 'CEILING', 'FLOOR', 'ROUND', 'TRUNCATE', 'MOD', 'POW', 'POWER', 'SQRT', 'EXP', 'LN', 'LOG', 'LOG2',
  'LOG10', 'SIGN', 'PI', 'DEGREES', 'RADIANS', 'SIN', 'COS', 'TAN', 'ASIN', 'ACOS', 'ATAN', 'ATAN2', 'COT', 'CRC32',
  'CONV', 'BIN', 'OCT',
  // Strings.
  'CONCAT', 'CONCAT_WS', 'LENGTH', 'OCTET_LENGTH', 'CHAR_LENGTH', 'CHARACTER_LENGTH', 'BIT_LENGTH', 'LOWER', 'UPPER',
  'LCASE', 'UCASE', 'SUBSTRING', 'SUBSTR', 'MID', 'SUBSTRING_INDEX', 'LEFT', 'RIGHT', 'TRIM', 'LTRIM', 'RTRIM',
  'REPLACE', 'REVERSE', 'LPAD', 'RPAD', 'INSTR', 'LOCATE', 'POSITION', 'REPEAT', 'SPACE', 'HEX', 'UNHEX', 'ASCII',
  'ORD', 'FIELD', 'ELT', 'FIND_IN_SET', 'STRCMP', 'INSERT', 'QUOTE', 'MD5', 'SHA1', 'SHA', 'SHA2', 'TO_BASE64',
  'FROM_BASE64',
  // Dates of given values (not of the current time).
  'DATE', 'TIME', 'YEAR', 'MONTH', 'DAY', 'DAYOFMONTH', 'DAYOFWEEK', 'DAYOFYEAR', 'WEEKDAY', 'HOUR', 'MINUTE',
  'SECOND', 'MICROSECOND', 'QUARTER', 'DAYNAME', 'MONTHNAME', 'LAST_DAY', 'DATE_FORMAT', 'DATE_ADD', 'DATE_SUB',
  'ADDDATE', 'SUBDATE', 'DATEDIFF', 'TIMESTAMPDIFF', 'TIMESTAMPADD', 'STR_TO_DATE', 'TO_DAYS', 'FROM_DAYS',
  'MAKEDATE', 'MAKETIME', 'SEC_TO_TIME', 'TIME_TO_SEC', 'EXTRACT',
  // JSON.
  ...JSON_FUNCTION_NAMES,
  // Regular expressions, UUID text/bytes, zones, calendar, bits, sets, IP addresses, compression (UUID(), UUID_SHORT(), RANDOM_BYTES(), ROW_COUNT(), FOUND_ROWS(), BENCHMARK() are not).
  'REGEXP_LIKE', 'REGEXP_INSTR', 'REGEXP_SUBSTR', 'REGEXP_REPLACE', 'UUID_TO_BIN', 'BIN_TO_UUID', 'IS_UUID', 'CONVERT_TZ', 'TO_SECONDS', 'PERIOD_ADD', 'PERIOD_DIFF', 'WEEKOFYEAR', 'YEARWEEK', 'BIT_COUNT', 'EXPORT_SET', 'MAKE_SET', 'SOUNDEX', 'INET_ATON', 'INET_NTOA', 'INET6_ATON', 'INET6_NTOA', 'IS_IPV4', 'IS_IPV6', 'IS_IPV4_COMPAT', 'IS_IPV4_MAPPED', 'COMPRESS', 'UNCOMPRESS', 'UNCOMPRESSED_LENGTH', 'INTERVAL', 'FORMAT_BYTES', 'FORMAT_PICO_TIME',
]);

/** True when a table name refers to a view (whose body may hold anything, so it is not cached). */
export type IsView = (table: TableName) => boolean;

/** The reason `statement` gets a new plan for each execution, or undefined when one plan serves them all. */
export function planCacheBlocker(statement: Statement, isView: IsView): string | undefined {
  switch (statement.kind) {
    case 'SelectStmt':
    case 'UnionStmt':
      return queryBlocker(statement, isView);
    case 'InsertStmt': {
      if (isView(statement.table)) return 'a view';
      const source = statement.source;
      if (source.kind === 'select') return queryBlocker(source.query, isView);
      const exprs = source.kind === 'values' ? source.rows.flat() : source.assignments.map((assignment) => assignment.value);
      return exprsBlocker([...exprs, ...(statement.onDuplicate ?? []).map((assignment) => assignment.value)]);
    }
    case 'UpdateStmt':
      if (statement.tables.length !== 1 || statement.tables[0]?.kind !== 'TableNameRef') return 'multi-table UPDATE';
      if (isView(statement.tables[0].table)) return 'a view';
      return limitBlocker(statement.limit) ?? orderBlocker(statement.orderBy) ?? exprsBlocker([...statement.assignments.map((a) => a.value), statement.where]);
    case 'DeleteStmt':
      if (statement.from) return 'multi-table DELETE';
      if (statement.targets.some(isView)) return 'a view';
      return limitBlocker(statement.limit) ?? orderBlocker(statement.orderBy) ?? exprsBlocker([statement.where]);
    default:
      return 'not a query or a write';
  }
}

function queryBlocker(query: QueryExpr, isView: IsView): string | undefined {
  if (query.with) return 'a WITH clause';
  switch (query.kind) {
    case 'UnionStmt':
      return queryBlocker(query.left, isView) ?? queryBlocker(query.right, isView) ?? limitBlocker(query.limit) ?? orderBlocker(query.orderBy);
    case 'ValuesStmt':
      return 'VALUES';
    case 'SelectStmt':
      if (query.into) return 'SELECT … INTO';
      if (query.windows && query.windows.length > 0) return 'window functions';
      return (
        (query.from ?? []).map((ref) => tableRefBlocker(ref, isView)).find((reason) => reason !== undefined) ??
        limitBlocker(query.limit) ??
        orderBlocker(query.orderBy) ??
        exprsBlocker([
          ...query.items.map((item) => (item.kind === 'SelectExprItem' ? item.expr : undefined)),
          query.where,
          ...(query.groupBy ?? []),
          query.having,
        ])
      );
  }
}

function tableRefBlocker(ref: TableRef, isView: IsView): string | undefined {
  switch (ref.kind) {
    case 'TableNameRef':
      return isView(ref.table) ? 'a view' : undefined;
    case 'DerivedTableRef':
      return 'a derived table';
    case 'JsonTableRef':
      return 'a table function';
    case 'JoinRef':
      return tableRefBlocker(ref.left, isView) ?? tableRefBlocker(ref.right, isView) ?? exprsBlocker([ref.on]);
  }
}

/** LIMIT ? sizes operators while planning (TiDB caches such plans only since v6.6, behind a switch). */
function limitBlocker(limit: Limit | undefined): string | undefined {
  if (!limit) return undefined;
  return [limit.count, limit.offset].some((expr) => expr !== undefined && expr.kind !== 'NumberLiteralExpr') ? 'LIMIT with a parameter' : undefined;
}

function orderBlocker(orderBy: readonly OrderItem[] | undefined): string | undefined {
  return exprsBlocker((orderBy ?? []).map((item) => item.expr));
}

function exprsBlocker(exprs: readonly (Expr | undefined)[]): string | undefined {
  for (const expr of exprs) {
    if (!expr) continue;
    const reason = exprBlocker(expr);
    if (reason) return reason;
  }
  return undefined;
}

function exprBlocker(expr: Expr): string | undefined {
  let reason: string | undefined;
  forEachExpr(expr, (node) => {
    reason ??= nodeBlocker(node);
    return reason === undefined;
  });
  return reason;
}

function nodeBlocker(node: Expr): string | undefined {
  switch (node.kind) {
    case 'SubqueryExpr':
    case 'ExistsExpr':
    case 'InSubqueryExpr':
    case 'QuantifiedCompareExpr':
      return 'a subquery';
    case 'UserVarExpr':
    case 'AssignExpr':
      return 'a user variable';
    case 'SysVarExpr':
      return 'a system variable';
    case 'MatchExpr':
      return 'MATCH … AGAINST';
    case 'FuncCallExpr':
      if (node.over) return 'window functions';
      if (node.db !== undefined || !DETERMINISTIC_FUNCTIONS.has(node.name.toUpperCase())) return `function ${node.name.toUpperCase()}`;
      return (node.orderBy ?? []).map((item) => exprBlocker(item.expr)).find((found) => found !== undefined);
    default:
      return undefined;
  }
}
