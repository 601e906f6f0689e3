// Expression and query nodes: one file because expressions hold subqueries and queries hold expressions.
import type { CastType } from './data-type.js';
import type { TableName, TableRef } from './table-ref.js';

/**
 * Every statement node carries the source text it was parsed from (trimmed, without the `;`), because the server
 * logs it, echoes it (SHOW PROCESSLIST) and names result columns from it.
 */
export interface StmtBase {
  /** The statement's source text; for nested queries the text of the nested part. */
  readonly text: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Literals

/**
 * A numeric literal kept as source text: `int` is digits only (any length; sign is a UnaryExpr), `decimal` has a
 * point, `float` has an exponent (MySQL types it DOUBLE).
 */
export interface NumberLiteralExpr {
  readonly kind: 'NumberLiteralExpr';
  readonly numberKind: 'int' | 'decimal' | 'float';
  readonly text: string;
}

/** A string literal, escapes decoded, adjacent literals concatenated. */
export interface StringLiteralExpr {
  readonly kind: 'StringLiteralExpr';
  readonly value: string;
  /** Character set introducer without the underscore, lower-cased (`_binary'x'` → `binary`, N'x' → `utf8mb3`). */
  readonly charset?: string;
  /** `N'…'` national string. */
  readonly isNational?: boolean;
  /**
   * Set only for a SET value written as a bare word (`SET sql_mode = ANSI`, `SET x = ON`): MySQL takes the word
   * as the string value. Printed unquoted.
   */
  readonly isBareWord?: boolean;
}

/** `X'0A'` / `0x0A`: `hex` holds the digits as written. `0x` form may have an odd digit count. */
export interface HexLiteralExpr {
  readonly kind: 'HexLiteralExpr';
  readonly hex: string;
  readonly form: 'x' | '0x';
  readonly charset?: string;
}

/** `b'101'` / `0b101`: `bits` holds the digits as written. */
export interface BitLiteralExpr {
  readonly kind: 'BitLiteralExpr';
  readonly bits: string;
  readonly form: 'b' | '0b';
  readonly charset?: string;
}

export interface NullLiteralExpr {
  readonly kind: 'NullLiteralExpr';
}

/** TRUE / FALSE (MySQL's 1 / 0). */
export interface BoolLiteralExpr {
  readonly kind: 'BoolLiteralExpr';
  readonly value: boolean;
}

/** `DATE 'YYYY-MM-DD'`, `TIME '…'`, `TIMESTAMP '…'` (also ODBC `{d '…'}`, `{t …}`, `{ts …}`). */
export interface TemporalLiteralExpr {
  readonly kind: 'TemporalLiteralExpr';
  readonly type: 'DATE' | 'TIME' | 'TIMESTAMP';
  readonly value: string;
}

// ---------------------------------------------------------------------------------------------------------------
// References and variables

/** `col`, `t.col`, `db.t.col`. Names are as written (unquoted); case rules are the resolver's business. */
export interface ColumnRefExpr {
  readonly kind: 'ColumnRefExpr';
  readonly db?: string;
  readonly table?: string;
  readonly column: string;
}

/** `@name` user variable. */
export interface UserVarExpr {
  readonly kind: 'UserVarExpr';
  readonly name: string;
}

/** Scope written on a system variable; undefined means MySQL's default (session if it exists, else global). */
export type VarScope = 'GLOBAL' | 'SESSION' | 'PERSIST' | 'PERSIST_ONLY';

/** `@@name`, `@@global.name`, `@@session.name` (`@@local.` is folded to SESSION). Name lower-cased. */
export interface SysVarExpr {
  readonly kind: 'SysVarExpr';
  readonly name: string;
  readonly scope?: VarScope;
}

/** `?` placeholder; `index` counts from 0 in the order of appearance within the top-level statement. */
export interface ParamExpr {
  readonly kind: 'ParamExpr';
  readonly index: number;
}

/** `DEFAULT` (in VALUES / SET) or `DEFAULT(col)`. */
export interface DefaultExpr {
  readonly kind: 'DefaultExpr';
  readonly column?: ColumnRefExpr;
}

// ---------------------------------------------------------------------------------------------------------------
// Operators

/**
 * Prefix operators. `!` and `NOT` mean the same but bind differently (`!a = b` is `(!a) = b`), so both are kept.
 * `BINARY x` is MySQL's (deprecated) cast to binary string.
 */
export type UnaryOp = '-' | '+' | '~' | '!' | 'NOT' | 'BINARY';

export interface UnaryExpr {
  readonly kind: 'UnaryExpr';
  readonly op: UnaryOp;
  readonly operand: Expr;
}

/**
 * Binary operators, canonicalised: `||`→`OR` (unless PIPES_AS_CONCAT, then CONCAT()), `&&`→`AND`, `!=`→`<>`,
 * `MOD`→`%`.
 */
export type BinaryOp =
  | 'OR'
  | 'XOR'
  | 'AND'
  | '='
  | '<=>'
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '|'
  | '&'
  | '<<'
  | '>>'
  | '+'
  | '-'
  | '*'
  | '/'
  | 'DIV'
  | '%'
  | '^';

/** The comparison operators, usable with ANY/ALL. */
export type CompareOp = '=' | '<=>' | '<>' | '<' | '<=' | '>' | '>=';

export interface BinaryExpr {
  readonly kind: 'BinaryExpr';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** `x IS [NOT] NULL|TRUE|FALSE|UNKNOWN`. */
export interface IsExpr {
  readonly kind: 'IsExpr';
  readonly operand: Expr;
  readonly isNot: boolean;
  readonly test: 'NULL' | 'TRUE' | 'FALSE' | 'UNKNOWN';
}

/** `x [NOT] LIKE pattern [ESCAPE e]`. */
export interface LikeExpr {
  readonly kind: 'LikeExpr';
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly escape?: Expr;
  readonly isNot: boolean;
}

/** `x [NOT] REGEXP pattern` (RLIKE is the same). */
export interface RegexpExpr {
  readonly kind: 'RegexpExpr';
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly isNot: boolean;
}

/** `x [NOT] IN (a, b, …)`. */
export interface InListExpr {
  readonly kind: 'InListExpr';
  readonly operand: Expr;
  readonly list: readonly Expr[];
  readonly isNot: boolean;
}

/** `x [NOT] IN (SELECT …)`. */
export interface InSubqueryExpr {
  readonly kind: 'InSubqueryExpr';
  readonly operand: Expr;
  readonly query: QueryExpr;
  readonly isNot: boolean;
}

/** `x [NOT] BETWEEN low AND high`. */
export interface BetweenExpr {
  readonly kind: 'BetweenExpr';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly isNot: boolean;
}

/** `x op ANY|ALL (SELECT …)`; SOME is folded to ANY. */
export interface QuantifiedCompareExpr {
  readonly kind: 'QuantifiedCompareExpr';
  readonly op: CompareOp;
  readonly left: Expr;
  readonly quantifier: 'ANY' | 'ALL';
  readonly query: QueryExpr;
}

/** `x COLLATE name`; collation lower-cased. */
export interface CollateExpr {
  readonly kind: 'CollateExpr';
  readonly operand: Expr;
  readonly collation: string;
}

/** `@name := value` (assignment inside an expression). */
export interface AssignExpr {
  readonly kind: 'AssignExpr';
  readonly target: UserVarExpr;
  readonly value: Expr;
}

/** `col->'$.path'` (JSON_EXTRACT) and `col->>'$.path'` (JSON_UNQUOTE(JSON_EXTRACT)). */
export interface JsonPathExpr {
  readonly kind: 'JsonPathExpr';
  readonly operand: ColumnRefExpr;
  readonly path: string;
  readonly isUnquote: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Functions and special forms

/**
 * A function call. `name` is upper-cased (function names are case-insensitive); `db` is set for `db.func()`.
 * Special syntaxes become ordinary argument lists: EXTRACT(unit FROM d) → [IntervalUnitExpr, d],
 * POSITION(a IN b) → [a, b], SUBSTRING(s FROM p FOR n) → [s, p, n], TIMESTAMPADD(unit, …) → [IntervalUnitExpr, …],
 * TRIM([mode] [r] FROM s) → [s, r] with `trimMode`.
 * Aggregates are ordinary calls here (`COUNT(*)` has `isStar`); the planner knows which names aggregate.
 * Functions MySQL allows without parentheses (CURRENT_DATE, CURRENT_USER, …) have `hasNoParens`.
 */
export interface FuncCallExpr {
  readonly kind: 'FuncCallExpr';
  readonly name: string;
  readonly db?: string;
  readonly args: readonly Expr[];
  readonly isDistinct?: boolean;
  readonly isStar?: boolean;
  readonly hasNoParens?: boolean;
  /** GROUP_CONCAT(… ORDER BY …). */
  readonly orderBy?: readonly OrderItem[];
  /** GROUP_CONCAT(… SEPARATOR '…'). */
  readonly separator?: string;
  /** `… OVER (…)` / `… OVER w` window specification. */
  readonly over?: WindowSpec;
  /** NTH_VALUE(…) FROM FIRST|LAST. */
  readonly fromFirstLast?: 'FIRST' | 'LAST';
  /** LAG/LEAD/FIRST_VALUE/LAST_VALUE/NTH_VALUE(…) RESPECT|IGNORE NULLS. */
  readonly nullTreatment?: 'RESPECT NULLS' | 'IGNORE NULLS';
  /** TRIM(LEADING|TRAILING|BOTH … FROM …); args are [str] or [str, remstr]. */
  readonly trimMode?: 'LEADING' | 'TRAILING' | 'BOTH';
  /** CHAR(… USING charset), lower-cased. */
  readonly usingCharset?: string;
  /** JSON_VALUE(doc, path RETURNING type … ON EMPTY … ON ERROR). */
  readonly jsonValue?: JsonValueClauses;
}

/** What JSON_VALUE answers when its path selects nothing (ON EMPTY) or the value does not fit (ON ERROR). */
export type JsonValueResponse = { readonly kind: 'NULL' | 'ERROR' } | { readonly kind: 'DEFAULT'; readonly value: Expr };

/** JSON_VALUE's clauses after the path. */
export interface JsonValueClauses {
  readonly returning?: CastType;
  readonly onEmpty?: JsonValueResponse;
  readonly onError?: JsonValueResponse;
}

/**
 * A window: a named reference (`OVER w`), or an inline spec that may start with the name of a window it refines
 * (`OVER (w ORDER BY …)`, `WINDOW w2 AS (w1 …)`).
 */
export interface WindowSpec {
  readonly name?: string;
  readonly partitionBy?: readonly Expr[];
  readonly orderBy?: readonly OrderItem[];
  readonly frame?: WindowFrame;
}

/**
 * `ROWS|RANGE|GROUPS {start | BETWEEN start AND end} [EXCLUDE …]`. `end` is absent for the short form
 * (`ROWS 2 PRECEDING`), whose end is CURRENT ROW.
 */
export interface WindowFrame {
  readonly units: 'ROWS' | 'RANGE' | 'GROUPS';
  readonly start: FrameBound;
  readonly end?: FrameBound;
  readonly exclude?: 'CURRENT ROW' | 'GROUP' | 'TIES' | 'NO OTHERS';
}

/**
 * One end of a frame. An offset is a number literal or `?` (`value`), or `INTERVAL expr unit` (an IntervalExpr),
 * as MySQL's grammar allows.
 */
export type FrameBound =
  | { readonly kind: 'UNBOUNDED PRECEDING' | 'UNBOUNDED FOLLOWING' | 'CURRENT ROW' }
  | { readonly kind: 'PRECEDING' | 'FOLLOWING'; readonly value: Expr };

/** `CAST(x AS type)` or `CONVERT(x, type)`. */
export interface CastExpr {
  readonly kind: 'CastExpr';
  readonly operand: Expr;
  readonly type: CastType;
  readonly form: 'CAST' | 'CONVERT';
}

/** `CONVERT(x USING charset)`; charset lower-cased. */
export interface ConvertUsingExpr {
  readonly kind: 'ConvertUsingExpr';
  readonly operand: Expr;
  readonly charset: string;
}

/** `CASE [operand] WHEN … THEN … [ELSE …] END`. */
export interface CaseExpr {
  readonly kind: 'CaseExpr';
  readonly operand?: Expr;
  readonly whens: readonly CaseWhen[];
  readonly else?: Expr;
}

export interface CaseWhen {
  readonly when: Expr;
  readonly then: Expr;
}

/** Units of INTERVAL, as MySQL names them. */
export type IntervalUnit =
  | 'MICROSECOND'
  | 'SECOND'
  | 'MINUTE'
  | 'HOUR'
  | 'DAY'
  | 'WEEK'
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR'
  | 'SECOND_MICROSECOND'
  | 'MINUTE_MICROSECOND'
  | 'MINUTE_SECOND'
  | 'HOUR_MICROSECOND'
  | 'HOUR_SECOND'
  | 'HOUR_MINUTE'
  | 'DAY_MICROSECOND'
  | 'DAY_SECOND'
  | 'DAY_MINUTE'
  | 'DAY_HOUR'
  | 'YEAR_MONTH';

/**
 * `INTERVAL expr unit`. Appears as an operand of `+`/`-` (date arithmetic) and as an argument of DATE_ADD etc.,
 * and in EXTRACT-like functions the unit alone is a `IntervalUnitExpr`.
 */
export interface IntervalExpr {
  readonly kind: 'IntervalExpr';
  readonly value: Expr;
  readonly unit: IntervalUnit;
}

/** A bare unit keyword as a function argument: `EXTRACT(YEAR FROM d)`, `TIMESTAMPDIFF(DAY, a, b)`. */
export interface IntervalUnitExpr {
  readonly kind: 'IntervalUnitExpr';
  readonly unit: IntervalUnit;
}

/** `EXISTS (SELECT …)`. */
export interface ExistsExpr {
  readonly kind: 'ExistsExpr';
  readonly query: QueryExpr;
}

/** A scalar (or row) subquery used as a value: `(SELECT …)`. */
export interface SubqueryExpr {
  readonly kind: 'SubqueryExpr';
  readonly query: QueryExpr;
}

/** Row constructor `(a, b)` or `ROW(a, b)`; always ≥ 2 items except with ROW(). */
export interface RowExpr {
  readonly kind: 'RowExpr';
  readonly items: readonly Expr[];
  readonly hasRowKeyword?: boolean;
}

/** `MATCH (cols) AGAINST (expr [modifier])`. */
export interface MatchExpr {
  readonly kind: 'MatchExpr';
  readonly columns: readonly ColumnRefExpr[];
  readonly against: Expr;
  readonly modifier?:
    | 'IN NATURAL LANGUAGE MODE'
    | 'IN NATURAL LANGUAGE MODE WITH QUERY EXPANSION'
    | 'IN BOOLEAN MODE'
    | 'WITH QUERY EXPANSION';
}

/** Every expression node. */
export type Expr =
  | NumberLiteralExpr
  | StringLiteralExpr
  | HexLiteralExpr
  | BitLiteralExpr
  | NullLiteralExpr
  | BoolLiteralExpr
  | TemporalLiteralExpr
  | ColumnRefExpr
  | UserVarExpr
  | SysVarExpr
  | ParamExpr
  | DefaultExpr
  | UnaryExpr
  | BinaryExpr
  | IsExpr
  | LikeExpr
  | RegexpExpr
  | InListExpr
  | InSubqueryExpr
  | BetweenExpr
  | QuantifiedCompareExpr
  | CollateExpr
  | AssignExpr
  | JsonPathExpr
  | FuncCallExpr
  | CastExpr
  | ConvertUsingExpr
  | CaseExpr
  | IntervalExpr
  | IntervalUnitExpr
  | ExistsExpr
  | SubqueryExpr
  | RowExpr
  | MatchExpr;

// ---------------------------------------------------------------------------------------------------------------
// Queries

/** `expr [ASC|DESC]`; `direction` is undefined when not written (ascending). */
export interface OrderItem {
  readonly expr: Expr;
  readonly direction?: 'ASC' | 'DESC';
}

/** `LIMIT count [OFFSET offset]` / `LIMIT offset, count`; values are literals, `?` or (in routines) names. */
export interface Limit {
  readonly count: Expr;
  readonly offset?: Expr;
}

/** One select-list entry. */
export type SelectItem = SelectExprItem | SelectStarItem;

/** `expr [[AS] alias]`. `text` is the expression's source text: MySQL names an un-aliased column with it. */
export interface SelectExprItem {
  readonly kind: 'SelectExprItem';
  readonly expr: Expr;
  readonly alias?: string;
  readonly text: string;
}

/** `*`, `t.*`, `db.t.*`. */
export interface SelectStarItem {
  readonly kind: 'SelectStarItem';
  readonly db?: string;
  readonly table?: string;
}

/** Row locking clause of a SELECT. */
export interface LockClause {
  readonly mode: 'FOR UPDATE' | 'FOR SHARE' | 'LOCK IN SHARE MODE';
  readonly tables?: readonly TableName[];
  readonly wait?: 'NOWAIT' | 'SKIP LOCKED';
}

/** A `WITH` clause's common table expression. */
export interface CommonTableExpr {
  readonly name: string;
  readonly columns?: readonly string[];
  readonly query: QueryExpr;
}

export interface WithClause {
  readonly isRecursive: boolean;
  readonly ctes: readonly CommonTableExpr[];
}

/** `WINDOW w AS (…)` definitions. */
export interface NamedWindow {
  readonly name: string;
  readonly spec: WindowSpec;
}

/**
 * One SELECT query block. `from` is the comma list (each entry may be a join tree); undefined for SELECT without
 * FROM, and `isFromDual` marks `FROM DUAL`.
 */
export interface SelectStmt extends StmtBase {
  readonly kind: 'SelectStmt';
  readonly with?: WithClause;
  readonly isDistinct: boolean;
  /** Query modifiers in source order, upper-cased: SQL_CALC_FOUND_ROWS, SQL_NO_CACHE, STRAIGHT_JOIN, HIGH_PRIORITY… */
  readonly modifiers?: readonly string[];
  readonly items: readonly SelectItem[];
  readonly from?: readonly TableRef[];
  readonly isFromDual?: boolean;
  readonly where?: Expr;
  readonly groupBy?: readonly Expr[];
  readonly withRollup?: boolean;
  readonly having?: Expr;
  readonly windows?: readonly NamedWindow[];
  readonly orderBy?: readonly OrderItem[];
  readonly limit?: Limit;
  readonly lock?: LockClause;
  /** `INTO @a, @b` / `INTO OUTFILE` is rejected; only user variables are kept. */
  readonly into?: readonly UserVarExpr[];
}

/**
 * `left UNION|EXCEPT|INTERSECT [ALL|DISTINCT] right`, left-associative; `orderBy`/`limit` apply to the whole
 * result. `isAll` false means DISTINCT (the default).
 */
export interface UnionStmt extends StmtBase {
  readonly kind: 'UnionStmt';
  readonly with?: WithClause;
  readonly op: 'UNION' | 'EXCEPT' | 'INTERSECT';
  readonly isAll: boolean;
  readonly left: QueryExpr;
  readonly right: QueryExpr;
  readonly orderBy?: readonly OrderItem[];
  readonly limit?: Limit;
}

/** `VALUES ROW(…), ROW(…)` / `TABLE t` as a query (MySQL 8.0.19+). */
export interface ValuesStmt extends StmtBase {
  readonly kind: 'ValuesStmt';
  readonly with?: WithClause;
  readonly rows: readonly (readonly Expr[])[];
  readonly orderBy?: readonly OrderItem[];
  readonly limit?: Limit;
}

/** Anything that yields rows: a query block, a set operation, or a VALUES table constructor. */
export type QueryExpr = SelectStmt | UnionStmt | ValuesStmt;
