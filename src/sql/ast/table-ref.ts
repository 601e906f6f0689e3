// FROM-clause table references: table names, derived tables, joins and JSON_TABLE.
import type { DataType } from './data-type.js';
import type { Expr, QueryExpr } from './query.js';

/** `[db.]name`. */
export interface TableName {
  readonly db?: string;
  readonly name: string;
  /** `db` was not written but supplied by the parser (a view's own database): a CTE of that name still wins. */
  readonly isImplicitDb?: boolean;
}

/** USE/FORCE/IGNORE INDEX hints on a table reference, kept for printing. */
export interface IndexHint {
  readonly type: 'USE' | 'FORCE' | 'IGNORE';
  readonly scope?: 'JOIN' | 'ORDER BY' | 'GROUP BY';
  readonly indexes: readonly string[];
}

/** A base table (or view / CTE) in FROM. */
export interface TableNameRef {
  readonly kind: 'TableNameRef';
  readonly table: TableName;
  readonly alias?: string;
  readonly indexHints?: readonly IndexHint[];
}

/** `(SELECT …) [AS] alias [(cols)]`; `LATERAL` when marked. */
export interface DerivedTableRef {
  readonly kind: 'DerivedTableRef';
  readonly query: QueryExpr;
  readonly alias?: string;
  readonly columns?: readonly string[];
  readonly isLateral?: boolean;
}

/**
 * A join. `CROSS` is also what a comma inside parentheses becomes (`(a, b)` → `a CROSS JOIN b`); `STRAIGHT` is
 * STRAIGHT_JOIN. `INNER`/`CROSS` are the same join in MySQL; both are kept for printing.
 */
export interface JoinRef {
  readonly kind: 'JoinRef';
  readonly joinType: 'INNER' | 'CROSS' | 'LEFT' | 'RIGHT' | 'STRAIGHT';
  readonly isNatural: boolean;
  readonly left: TableRef;
  readonly right: TableRef;
  readonly on?: Expr;
  readonly using?: readonly string[];
}

/** What a JSON_TABLE column answers when its path finds nothing (ON EMPTY) or a value it cannot hold (ON ERROR). */
export type JsonTableResponse = { readonly kind: 'NULL' } | { readonly kind: 'ERROR' } | { readonly kind: 'DEFAULT'; readonly value: string };

/** One entry of a JSON_TABLE COLUMNS list. */
export type JsonTableColumn =
  | { readonly kind: 'ordinality'; readonly name: string }
  | {
      readonly kind: 'path';
      readonly name: string;
      readonly type: DataType;
      readonly path: string;
      readonly onEmpty?: JsonTableResponse;
      readonly onError?: JsonTableResponse;
    }
  | { readonly kind: 'exists'; readonly name: string; readonly type: DataType; readonly path: string }
  | { readonly kind: 'nested'; readonly path: string; readonly columns: readonly JsonTableColumn[] };

/**
 * `JSON_TABLE(expr, path COLUMNS (…)) [AS] alias`: the rows a JSON document yields. `expr` may read the tables
 * before it in FROM (it is implicitly LATERAL).
 */
export interface JsonTableRef {
  readonly kind: 'JsonTableRef';
  readonly expr: Expr;
  readonly path: string;
  readonly columns: readonly JsonTableColumn[];
  readonly alias?: string;
}

export type TableRef = TableNameRef | DerivedTableRef | JoinRef | JsonTableRef;
