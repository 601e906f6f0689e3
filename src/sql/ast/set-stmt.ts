// SET statement nodes: variables, NAMES / CHARACTER SET, TRANSACTION characteristics.
import type { Expr, StmtBase, UserVarExpr, VarScope } from './query.js';

/**
 * `[GLOBAL|SESSION|PERSIST|PERSIST_ONLY] name = value` or `@@[scope.]name = value`. LOCAL is folded to SESSION.
 * The value of a system variable may be a bare word (StringLiteralExpr with isBareWord) or DEFAULT (DefaultExpr).
 */
export interface SetSysVar {
  readonly kind: 'SetSysVar';
  /** Variable name lower-cased. */
  readonly name: string;
  readonly scope?: VarScope;
  readonly value: Expr;
}

/** `@name = value` / `@name := value`. */
export interface SetUserVar {
  readonly kind: 'SetUserVar';
  readonly target: UserVarExpr;
  readonly value: Expr;
}

/** `SET NAMES charset [COLLATE c]` / `SET NAMES DEFAULT`; lower-cased, undefined charset means DEFAULT. */
export interface SetNames {
  readonly kind: 'SetNames';
  readonly charset?: string;
  readonly collate?: string;
}

/** `SET CHARACTER SET cs` / `SET CHARSET cs` / `… DEFAULT` (charset undefined). */
export interface SetCharset {
  readonly kind: 'SetCharset';
  readonly charset?: string;
}

export type SetAssignment = SetSysVar | SetUserVar | SetNames | SetCharset;

/** `SET a = 1, @b = 2, NAMES utf8mb4`; the scope keyword carries over to following names as in MySQL. */
export interface SetStmt extends StmtBase {
  readonly kind: 'SetStmt';
  readonly assignments: readonly SetAssignment[];
}

export type IsolationLevel = 'READ UNCOMMITTED' | 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** `SET [GLOBAL|SESSION] TRANSACTION ISOLATION LEVEL … [, READ ONLY|READ WRITE]`; no scope means next transaction. */
export interface SetTransactionStmt extends StmtBase {
  readonly kind: 'SetTransactionStmt';
  readonly scope?: 'GLOBAL' | 'SESSION';
  readonly isolationLevel?: IsolationLevel;
  readonly accessMode?: 'READ ONLY' | 'READ WRITE';
}
