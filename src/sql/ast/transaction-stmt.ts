// Transaction control statement nodes.
import type { StmtBase } from './query.js';

/** `BEGIN [WORK]` / `START TRANSACTION [READ ONLY|READ WRITE|WITH CONSISTENT SNAPSHOT, …]`. */
export interface BeginStmt extends StmtBase {
  readonly kind: 'BeginStmt';
  readonly isStartTransaction: boolean;
  readonly accessMode?: 'READ ONLY' | 'READ WRITE';
  readonly withConsistentSnapshot?: boolean;
}

/** `COMMIT [WORK] [AND [NO] CHAIN] [[NO] RELEASE]`. */
export interface CommitStmt extends StmtBase {
  readonly kind: 'CommitStmt';
  readonly chain?: boolean;
  readonly release?: boolean;
}

/** `ROLLBACK [WORK]`, or `ROLLBACK [WORK] TO [SAVEPOINT] name` when `savepoint` is set. */
export interface RollbackStmt extends StmtBase {
  readonly kind: 'RollbackStmt';
  readonly savepoint?: string;
  readonly chain?: boolean;
  readonly release?: boolean;
}

export interface SavepointStmt extends StmtBase {
  readonly kind: 'SavepointStmt';
  readonly name: string;
}

export interface ReleaseSavepointStmt extends StmtBase {
  readonly kind: 'ReleaseSavepointStmt';
  readonly name: string;
}
