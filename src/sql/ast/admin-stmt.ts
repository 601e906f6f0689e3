// Administrative and utility statement nodes that drivers and tools send.
import type { Expr, StmtBase, UserVarExpr } from './query.js';
import type { TableName } from './table-ref.js';

export interface UseStmt extends StmtBase {
  readonly kind: 'UseStmt';
  readonly db: string;
}

/** `KILL [QUERY|CONNECTION] id`; CONNECTION is the default. */
export interface KillStmt extends StmtBase {
  readonly kind: 'KillStmt';
  readonly isQuery: boolean;
  readonly id: Expr;
}

/**
 * `FLUSH [NO_WRITE_TO_BINLOG|LOCAL] option, …` / `FLUSH TABLES [t, …] [WITH READ LOCK|FOR EXPORT]`.
 * Options are upper-cased canonical words (PRIVILEGES, STATUS, LOGS, BINARY LOGS, HOSTS, TABLES, …).
 */
export interface FlushStmt extends StmtBase {
  readonly kind: 'FlushStmt';
  readonly isLocal: boolean;
  readonly options: readonly string[];
  readonly tables?: readonly TableName[];
  readonly tablesMode?: 'WITH READ LOCK' | 'FOR EXPORT';
}

export interface LockTablesStmt extends StmtBase {
  readonly kind: 'LockTablesStmt';
  readonly tables: readonly {
    readonly table: TableName;
    readonly alias?: string;
    readonly mode: 'READ' | 'READ LOCAL' | 'WRITE' | 'LOW_PRIORITY WRITE';
  }[];
}

export interface UnlockTablesStmt extends StmtBase {
  readonly kind: 'UnlockTablesStmt';
}

/** `ALTER INSTANCE RELOAD TLS [FOR CHANNEL c] [NO ROLLBACK ON ERROR]` and other ALTER INSTANCE actions. */
export interface AlterInstanceStmt extends StmtBase {
  readonly kind: 'AlterInstanceStmt';
  readonly action: 'RELOAD TLS' | 'ROTATE INNODB MASTER KEY' | 'ENABLE INNODB REDO_LOG' | 'DISABLE INNODB REDO_LOG';
  readonly channel?: string;
  readonly noRollbackOnError: boolean;
}

export interface DoStmt extends StmtBase {
  readonly kind: 'DoStmt';
  readonly exprs: readonly Expr[];
}

/**
 * `CHECK TABLE t [, …] [FOR UPGRADE | QUICK | FAST | MEDIUM | EXTENDED | CHANGED]`: verifies each table's indexes
 * against its rows (TiDB's ADMIN CHECK TABLE); the option is accepted and does not change what is checked.
 */
export interface CheckTableStmt extends StmtBase {
  readonly kind: 'CheckTableStmt';
  readonly tables: readonly TableName[];
  readonly option?: string;
}

/** `ANALYZE [NO_WRITE_TO_BINLOG | LOCAL] TABLE t [, …]`: computes each table's statistics for the planner. */
export interface AnalyzeTableStmt extends StmtBase {
  readonly kind: 'AnalyzeTableStmt';
  readonly tables: readonly TableName[];
  readonly option?: 'NO_WRITE_TO_BINLOG' | 'LOCAL';
}

/**
 * `OPTIMIZE | REPAIR [NO_WRITE_TO_BINLOG | LOCAL] TABLE t [, …]` (REPAIR's QUICK, EXTENDED, USE_FRM are accepted):
 * MySQL's answers for InnoDB tables.
 */
export interface OptimizeTableStmt extends StmtBase {
  readonly kind: 'OptimizeTableStmt';
  readonly op: 'optimize' | 'repair';
  readonly tables: readonly TableName[];
  readonly option?: 'NO_WRITE_TO_BINLOG' | 'LOCAL';
}

/** `CHECKSUM TABLE t [, …] [QUICK | EXTENDED]`: a checksum of each table's rows. */
export interface ChecksumTableStmt extends StmtBase {
  readonly kind: 'ChecksumTableStmt';
  readonly tables: readonly TableName[];
  readonly option?: 'QUICK' | 'EXTENDED';
}

/** `PREPARE name FROM 'text'` or `FROM @var`. */
export interface PrepareStmt extends StmtBase {
  readonly kind: 'PrepareStmt';
  readonly name: string;
  readonly source:
    { readonly kind: 'text'; readonly text: string } | { readonly kind: 'var'; readonly variable: UserVarExpr };
}

export interface ExecuteStmt extends StmtBase {
  readonly kind: 'ExecuteStmt';
  readonly name: string;
  readonly using: readonly UserVarExpr[];
}

/** `DEALLOCATE PREPARE name` / `DROP PREPARE name`. */
export interface DeallocateStmt extends StmtBase {
  readonly kind: 'DeallocateStmt';
  readonly name: string;
}
