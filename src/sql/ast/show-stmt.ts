// SHOW / DESCRIBE / EXPLAIN statement nodes.
import type { Expr, StmtBase } from './query.js';
import type { TableName } from './table-ref.js';
import type { UserSpec } from './ddl-stmt.js';

/** What SHOW shows. */
export type ShowTarget =
  | 'DATABASES'
  | 'TABLES'
  | 'STATUS'
  | 'VARIABLES'
  | 'COLUMNS'
  | 'INDEX'
  | 'CREATE TABLE'
  | 'CREATE VIEW'
  | 'CREATE SEQUENCE'
  | 'CREATE DATABASE'
  | 'WARNINGS'
  | 'ERRORS'
  | 'COUNT WARNINGS'
  | 'COUNT ERRORS'
  | 'PROCESSLIST'
  | 'ENGINES'
  | 'CHARSET'
  | 'COLLATION'
  | 'TABLE STATUS'
  | 'GRANTS'
  | 'CREATE USER'
  | 'TRIGGERS'
  | 'PLUGINS'
  | 'PRIVILEGES'
  | 'OPEN TABLES'
  | 'MASTER STATUS'
  | 'BINARY LOG STATUS'
  | 'BINARY LOGS'
  | 'REPLICAS'
  | 'EVENTS'
  | 'PROCEDURE STATUS'
  | 'FUNCTION STATUS'
  | 'CREATE PROCEDURE'
  | 'CREATE FUNCTION'
  | 'CREATE TRIGGER'
  | 'CREATE EVENT'
  | 'PROFILES'
  | 'ENGINE STATUS';

/**
 * One SHOW statement; only the fields its target uses are set. `table` is the object of COLUMNS / INDEX /
 * CREATE TABLE|VIEW|…; `db` is `FROM|IN db` (or the database of CREATE DATABASE). `like`/`where` filter.
 */
export interface ShowStmt extends StmtBase {
  readonly kind: 'ShowStmt';
  readonly target: ShowTarget;
  readonly isFull?: boolean;
  readonly isExtended?: boolean;
  readonly scope?: 'GLOBAL' | 'SESSION';
  readonly table?: TableName;
  readonly db?: string;
  readonly ifNotExists?: boolean;
  readonly user?: UserSpec;
  /** `SHOW GRANTS FOR user USING role, …`: the roles whose privileges are shown as the account's. */
  readonly usingRoles?: readonly UserSpec[];
  /** `SHOW WARNINGS|ERRORS LIMIT …` / `SHOW ENGINE x STATUS` engine name. */
  readonly limit?: { readonly count: Expr; readonly offset?: Expr };
  readonly engine?: string;
  readonly like?: string;
  readonly where?: Expr;
}

/** `DESCRIBE|DESC|EXPLAIN t [col|'pattern']`. */
export interface DescribeStmt extends StmtBase {
  readonly kind: 'DescribeStmt';
  readonly table: TableName;
  readonly column?: string;
}
