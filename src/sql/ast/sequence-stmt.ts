// Sequence statement nodes (TiDB's, modelled on MariaDB's): CREATE/ALTER/DROP SEQUENCE.
// https://docs.pingcap.com/tidb/stable/sql-statement-create-sequence
import type { StmtBase } from './query.js';
import type { TableName } from './table-ref.js';

/**
 * The options a CREATE/ALTER SEQUENCE states, in the order written; a `null` bound is NO MINVALUE / NO MAXVALUE, a
 * `null` cache is NOCACHE. ALTER may also RESTART [WITH n] (`restart`: the value, or 'start' for the START value).
 */
export interface SequenceOptions {
  readonly increment?: bigint;
  readonly minValue?: bigint | null;
  readonly maxValue?: bigint | null;
  readonly start?: bigint;
  readonly cache?: bigint | null;
  readonly isCycle?: boolean;
  readonly comment?: string;
  readonly restart?: bigint | 'start';
}

/** `CREATE [TEMPORARY] SEQUENCE [IF NOT EXISTS] name [options]`. */
export interface CreateSequenceStmt extends StmtBase {
  readonly kind: 'CreateSequenceStmt';
  readonly name: TableName;
  readonly ifNotExists: boolean;
  readonly options: SequenceOptions;
}

/** `ALTER SEQUENCE name options`. */
export interface AlterSequenceStmt extends StmtBase {
  readonly kind: 'AlterSequenceStmt';
  readonly name: TableName;
  readonly options: SequenceOptions;
}

/** `DROP SEQUENCE [IF EXISTS] name, …`. */
export interface DropSequenceStmt extends StmtBase {
  readonly kind: 'DropSequenceStmt';
  readonly names: readonly TableName[];
  readonly ifExists: boolean;
}
