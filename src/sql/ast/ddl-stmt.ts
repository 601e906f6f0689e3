// Data definition statement nodes: databases, tables, indexes, views.
import type { DataType } from './data-type.js';
import type { Expr, QueryExpr, StmtBase } from './query.js';
import type { TableName } from './table-ref.js';

/** `[DEFAULT] CHARACTER SET x` / `[DEFAULT] COLLATE y` / `ENCRYPTION 'Y'` of CREATE/ALTER DATABASE; lower-cased. */
export interface DatabaseOptions {
  readonly charset?: string;
  readonly collate?: string;
  readonly encryption?: string;
}

export interface CreateDatabaseStmt extends StmtBase {
  readonly kind: 'CreateDatabaseStmt';
  readonly ifNotExists: boolean;
  readonly name: string;
  readonly options: DatabaseOptions;
}

export interface AlterDatabaseStmt extends StmtBase {
  readonly kind: 'AlterDatabaseStmt';
  readonly name?: string;
  readonly options: DatabaseOptions;
}

export interface DropDatabaseStmt extends StmtBase {
  readonly kind: 'DropDatabaseStmt';
  readonly ifExists: boolean;
  readonly name: string;
}

/** `REFERENCES t (cols) [ON DELETE …] [ON UPDATE …]`. */
export interface ForeignKeyReference {
  readonly table: TableName;
  readonly columns: readonly string[];
  readonly match?: 'FULL' | 'PARTIAL' | 'SIMPLE';
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
}

export type ReferentialAction = 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'NO ACTION' | 'SET DEFAULT';

/** A column definition; attributes are gathered into fields whatever order they were written in. */
export interface ColumnDef {
  readonly name: string;
  readonly type: DataType;
  /** true for NULL, false for NOT NULL, undefined when not written. */
  readonly nullable?: boolean;
  readonly default?: Expr;
  /** The default was written in parentheses, `DEFAULT (expr)`: MySQL 8.0.13's expression default. */
  readonly isDefaultExpression?: boolean;
  readonly onUpdate?: Expr;
  readonly isAutoIncrement?: boolean;
  /** TiDB's `AUTO_RANDOM[(shard_bits[, range_bits])]`; undefined numbers were not written. */
  readonly autoRandom?: { readonly shardBits?: number; readonly rangeBits?: number };
  /** `PRIMARY KEY` or bare `KEY` on the column. */
  readonly isPrimaryKey?: boolean;
  /** `UNIQUE [KEY]` on the column. */
  readonly isUnique?: boolean;
  readonly comment?: string;
  /** `[GENERATED ALWAYS] AS (expr) [VIRTUAL|STORED]`. */
  readonly generated?: { readonly expr: Expr; readonly isStored: boolean };
  readonly visibility?: 'VISIBLE' | 'INVISIBLE';
  readonly columnFormat?: 'FIXED' | 'DYNAMIC' | 'DEFAULT';
  readonly storage?: 'DISK' | 'MEMORY';
  readonly srid?: number;
  readonly check?: CheckConstraint;
  readonly references?: ForeignKeyReference;
}

/** One key part: a column with optional prefix length, or a functional key part `(expr)`; optional direction. */
export interface IndexPart {
  readonly column?: string;
  readonly expr?: Expr;
  readonly length?: number;
  readonly direction?: 'ASC' | 'DESC';
}

/** Index options kept for printing and later use. */
export interface IndexOptions {
  readonly using?: 'BTREE' | 'HASH';
  readonly comment?: string;
  readonly keyBlockSize?: number;
  readonly visibility?: 'VISIBLE' | 'INVISIBLE';
  readonly parser?: string;
}

/** PRIMARY KEY / UNIQUE / INDEX / FULLTEXT / SPATIAL definitions inside CREATE/ALTER TABLE. */
export interface IndexDef {
  readonly kind: 'IndexDef';
  readonly indexType: 'PRIMARY' | 'UNIQUE' | 'INDEX' | 'FULLTEXT' | 'SPATIAL';
  /** Index name (`UNIQUE KEY uk (a)`); for PRIMARY always undefined. */
  readonly name?: string;
  /** `CONSTRAINT [symbol]` before PRIMARY KEY / UNIQUE. */
  readonly constraintName?: string;
  readonly parts: readonly IndexPart[];
  readonly options?: IndexOptions;
}

export interface ForeignKeyDef {
  readonly kind: 'ForeignKeyDef';
  readonly constraintName?: string;
  readonly indexName?: string;
  readonly columns: readonly string[];
  readonly references: ForeignKeyReference;
}

export interface CheckConstraint {
  readonly kind: 'CheckConstraint';
  readonly constraintName?: string;
  readonly expr: Expr;
  /** undefined when not written (enforced). */
  readonly isEnforced?: boolean;
  /** In CREATE TABLE: how many column definitions come before this table-level CHECK (not printed). */
  readonly columnsBefore?: number;
}

export type TableConstraint = IndexDef | ForeignKeyDef | CheckConstraint;

/**
 * One table option, name canonical upper-case: ENGINE, CHARSET (for [DEFAULT] CHARACTER SET/CHARSET), COLLATE,
 * AUTO_INCREMENT, COMMENT, ROW_FORMAT, KEY_BLOCK_SIZE, … `value` is the text as given (strings decoded).
 */
export interface TableOption {
  readonly name: string;
  readonly value: string;
}

/**
 * CREATE TABLE in its three forms: with a definition list (plus optional `AS query`), `LIKE other`, or only
 * `AS query` (then `columns` is empty).
 */
export interface CreateTableStmt extends StmtBase {
  readonly kind: 'CreateTableStmt';
  readonly isTemporary: boolean;
  readonly ifNotExists: boolean;
  readonly table: TableName;
  readonly columns: readonly ColumnDef[];
  readonly constraints: readonly TableConstraint[];
  readonly options: readonly TableOption[];
  readonly like?: TableName;
  readonly query?: QueryExpr;
  /** IGNORE / REPLACE before `AS query`. */
  readonly duplicateHandling?: 'IGNORE' | 'REPLACE';
  /** PARTITION BY … kept as canonical text. */
  readonly partitionText?: string;
}

export interface DropTableStmt extends StmtBase {
  readonly kind: 'DropTableStmt';
  readonly isTemporary: boolean;
  readonly ifExists: boolean;
  readonly tables: readonly TableName[];
  readonly behavior?: 'RESTRICT' | 'CASCADE';
}

export interface CreateIndexStmt extends StmtBase {
  readonly kind: 'CreateIndexStmt';
  readonly indexType: 'INDEX' | 'UNIQUE' | 'FULLTEXT' | 'SPATIAL';
  readonly ifNotExists?: boolean;
  readonly name: string;
  readonly table: TableName;
  readonly parts: readonly IndexPart[];
  readonly options?: IndexOptions;
}

export interface DropIndexStmt extends StmtBase {
  readonly kind: 'DropIndexStmt';
  readonly ifExists?: boolean;
  readonly name: string;
  readonly table: TableName;
}

/** Where ADD/MODIFY/CHANGE COLUMN puts the column. */
export type ColumnPosition = { readonly kind: 'FIRST' } | { readonly kind: 'AFTER'; readonly column: string };

/** One ALTER TABLE action. */
export type AlterTableAction =
  | { readonly kind: 'AddColumn'; readonly columns: readonly ColumnDef[]; readonly position?: ColumnPosition }
  | { readonly kind: 'AddConstraint'; readonly constraint: TableConstraint }
  | { readonly kind: 'DropColumn'; readonly name: string; readonly ifExists?: boolean }
  | { readonly kind: 'DropIndex'; readonly name: string; readonly ifExists?: boolean }
  | { readonly kind: 'DropPrimaryKey' }
  | { readonly kind: 'DropForeignKey'; readonly name: string }
  | { readonly kind: 'DropCheck'; readonly name: string }
  | { readonly kind: 'DropConstraint'; readonly name: string }
  | { readonly kind: 'AlterCheckEnforcement'; readonly name: string; readonly isEnforced: boolean; readonly word: 'CHECK' | 'CONSTRAINT' }
  | { readonly kind: 'ModifyColumn'; readonly column: ColumnDef; readonly position?: ColumnPosition }
  | {
      readonly kind: 'ChangeColumn';
      readonly oldName: string;
      readonly column: ColumnDef;
      readonly position?: ColumnPosition;
    }
  | { readonly kind: 'RenameColumn'; readonly oldName: string; readonly newName: string }
  | { readonly kind: 'RenameIndex'; readonly oldName: string; readonly newName: string }
  | { readonly kind: 'RenameTable'; readonly to: TableName }
  | { readonly kind: 'AlterColumnDefault'; readonly name: string; readonly default?: Expr; readonly isDefaultExpression?: boolean }
  | { readonly kind: 'AlterColumnVisibility'; readonly name: string; readonly visibility: 'VISIBLE' | 'INVISIBLE' }
  | { readonly kind: 'AlterIndexVisibility'; readonly name: string; readonly visibility: 'VISIBLE' | 'INVISIBLE' }
  | { readonly kind: 'TableOptions'; readonly options: readonly TableOption[] }
  | { readonly kind: 'ConvertCharset'; readonly charset: string; readonly collate?: string }
  | { readonly kind: 'AlgorithmOption'; readonly name: 'ALGORITHM' | 'LOCK'; readonly value: string }
  | { readonly kind: 'EnableKeys'; readonly isEnable: boolean }
  | { readonly kind: 'OrderBy'; readonly columns: readonly string[] }
  | { readonly kind: 'Force' };

export interface AlterTableStmt extends StmtBase {
  readonly kind: 'AlterTableStmt';
  readonly table: TableName;
  readonly actions: readonly AlterTableAction[];
}

export interface RenameTableStmt extends StmtBase {
  readonly kind: 'RenameTableStmt';
  readonly pairs: readonly { readonly from: TableName; readonly to: TableName }[];
}

export interface TruncateTableStmt extends StmtBase {
  readonly kind: 'TruncateTableStmt';
  readonly table: TableName;
}

/** `CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] VIEW v [(cols)] AS query [WITH … CHECK OPTION]`. */
export interface CreateViewStmt extends StmtBase {
  readonly kind: 'CreateViewStmt';
  readonly orReplace: boolean;
  readonly algorithm?: 'UNDEFINED' | 'MERGE' | 'TEMPTABLE';
  readonly definer?: UserSpec;
  readonly security?: 'DEFINER' | 'INVOKER';
  readonly name: TableName;
  readonly columns?: readonly string[];
  readonly query: QueryExpr;
  /** Source text of the query part, which MySQL stores as the view body. */
  readonly queryText: string;
  readonly checkOption?: 'CASCADED' | 'LOCAL';
  /** ALTER VIEW uses the same node with `isAlter`. */
  readonly isAlter?: boolean;
}

/** `DROP TRIGGER [IF EXISTS] [db.]name`. */
export interface DropTriggerStmt extends StmtBase {
  readonly kind: 'DropTriggerStmt';
  readonly ifExists: boolean;
  readonly name: TableName;
}

export interface DropViewStmt extends StmtBase {
  readonly kind: 'DropViewStmt';
  readonly ifExists: boolean;
  readonly names: readonly TableName[];
  readonly behavior?: 'RESTRICT' | 'CASCADE';
}

/** `'user'@'host'`, `CURRENT_USER`, `CURRENT_USER()`. Host defaults to '%' when omitted (kept undefined here). */
export type UserSpec =
  { readonly kind: 'user'; readonly user: string; readonly host?: string } | { readonly kind: 'currentUser' };
