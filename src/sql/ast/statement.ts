// The Statement union: every top-level statement node the parser produces.
import type { QueryExpr, StmtBase } from './query.js';
import type { DeleteStmt, InsertStmt, UpdateStmt } from './dml-stmt.js';
import type { LoadDataStmt } from './load-data-stmt.js';
import type {
  AlterDatabaseStmt,
  AlterTableStmt,
  CreateDatabaseStmt,
  CreateIndexStmt,
  CreateTableStmt,
  CreateViewStmt,
  DropDatabaseStmt,
  DropIndexStmt,
  DropTableStmt,
  DropTriggerStmt,
  DropViewStmt,
  RenameTableStmt,
  TruncateTableStmt,
} from './ddl-stmt.js';
import type { BeginStmt, CommitStmt, ReleaseSavepointStmt, RollbackStmt, SavepointStmt } from './transaction-stmt.js';
import type { SetStmt, SetTransactionStmt } from './set-stmt.js';
import type { DescribeStmt, ShowStmt } from './show-stmt.js';
import type {
  AlterInstanceStmt,
  AnalyzeTableStmt,
  CheckTableStmt,
  ChecksumTableStmt,
  OptimizeTableStmt,
  DeallocateStmt,
  DoStmt,
  ExecuteStmt,
  FlushStmt,
  KillStmt,
  LockTablesStmt,
  PrepareStmt,
  UnlockTablesStmt,
  UseStmt,
} from './admin-stmt.js';
import type {
  AlterUserStmt,
  CreateUserStmt,
  DropUserStmt,
  GrantStmt,
  RenameUserStmt,
  RevokeStmt,
  SetPasswordStmt,
} from './account-stmt.js';
import type { AlterSequenceStmt, CreateSequenceStmt, DropSequenceStmt } from './sequence-stmt.js';
import type { CreateRoleStmt, DropRoleStmt, GrantRoleStmt, RevokeRoleStmt, SetDefaultRoleStmt, SetRoleStmt } from './role-stmt.js';

/** The statements EXPLAIN accepts. */
export type ExplainableStmt = QueryExpr | InsertStmt | UpdateStmt | DeleteStmt;

/** `EXPLAIN [ANALYZE] [FORMAT=TRADITIONAL|JSON|TREE] stmt` (DESCRIBE/DESC are synonyms). */
export interface ExplainStmt extends StmtBase {
  readonly kind: 'ExplainStmt';
  readonly isAnalyze: boolean;
  readonly format?: string;
  readonly stmt: ExplainableStmt;
}

/** Every statement; switch on `kind`. */
export type Statement =
  | QueryExpr
  | InsertStmt
  | UpdateStmt
  | DeleteStmt
  | LoadDataStmt
  | CreateDatabaseStmt
  | AlterDatabaseStmt
  | DropDatabaseStmt
  | UseStmt
  | CreateTableStmt
  | DropTableStmt
  | CreateIndexStmt
  | DropIndexStmt
  | AlterTableStmt
  | RenameTableStmt
  | TruncateTableStmt
  | CreateViewStmt
  | DropViewStmt
  | DropTriggerStmt
  | BeginStmt
  | CommitStmt
  | RollbackStmt
  | SavepointStmt
  | ReleaseSavepointStmt
  | SetStmt
  | SetTransactionStmt
  | ShowStmt
  | DescribeStmt
  | ExplainStmt
  | KillStmt
  | FlushStmt
  | LockTablesStmt
  | UnlockTablesStmt
  | AlterInstanceStmt
  | DoStmt
  | CheckTableStmt
  | AnalyzeTableStmt
  | OptimizeTableStmt
  | ChecksumTableStmt
  | PrepareStmt
  | ExecuteStmt
  | DeallocateStmt
  | CreateUserStmt
  | AlterUserStmt
  | DropUserStmt
  | RenameUserStmt
  | SetPasswordStmt
  | GrantStmt
  | RevokeStmt
  | CreateRoleStmt
  | DropRoleStmt
  | GrantRoleStmt
  | RevokeRoleStmt
  | SetRoleStmt
  | SetDefaultRoleStmt
  | CreateSequenceStmt
  | AlterSequenceStmt
  | DropSequenceStmt;

/** The `kind` tags of all statements. */
export type StatementKind = Statement['kind'];
