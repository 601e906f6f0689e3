// The persisted schema objects: databases, tables, columns and indexes, as plain JSON-serialisable records.
import type { FieldType } from '../types/index.js';
import type { TableStats } from './table-stats.js';

/** A database (schema). */
export interface DatabaseInfo {
  readonly id: number;
  readonly name: string;
  readonly charset: string;
  readonly collation: string;
}

/** A column's default: a constant's SQL text, CURRENT_TIMESTAMP, a sequence, or MySQL 8.0.13's `DEFAULT (expr)`. */
export type ColumnDefault =
  | { readonly kind: 'none' }
  | { readonly kind: 'null' }
  | { readonly kind: 'literal'; readonly value: string | null; readonly valueKind: 'text' | 'number' }
  | { readonly kind: 'current-timestamp' }
  /** `DEFAULT NEXTVAL(seq)` / `DEFAULT NEXT VALUE FOR seq` (TiDB): the sequence's next value per row. */
  | { readonly kind: 'sequence'; readonly database: string; readonly name: string }
  /** `DEFAULT (expr)`: evaluated for every row that takes the default; `expr` as MySQL prints it (see GeneratedColumnInfo). */
  | { readonly kind: 'expression'; readonly expr: string };

/** A column of a table. `id` is stable across ALTERs; `offset` is the position in the row. */
export interface ColumnInfo {
  readonly id: number;
  readonly name: string;
  readonly offset: number;
  readonly type: FieldType;
  readonly isNotNull: boolean;
  readonly isAutoIncrement: boolean;
  /** TiDB's AUTO_RANDOM: generated keys carry `shardBits` random high bits below the sign bit, within `rangeBits`. */
  readonly autoRandom?: { readonly shardBits: number; readonly rangeBits: number };
  readonly defaultValue: ColumnDefault;
  readonly onUpdateCurrentTimestamp: boolean;
  readonly comment: string;
  /**
   * For a column added by ALTER TABLE: the value rows written before it existed take (their stored form has no
   * datum for it), as TiDB's OriginDefaultValue. Text of the value, or null.
   */
  readonly originDefault?: string | null;
  /** Set for a generated column: its expression and whether MySQL would store it (see GeneratedColumnInfo). */
  readonly generated?: GeneratedColumnInfo;
  /**
   * TIMESTAMP columns: values are stored as UTC wall-clock times and converted by the session's time_zone. Columns
   * created before time zones were supported lack it: they hold the server's SYSTEM wall-clock times, and are
   * converted from that zone instead, so their rows read as before.
   */
  readonly storesUtc?: boolean;
  /** MySQL 8.0.23's INVISIBLE column: left out of `SELECT *`, TABLE and an INSERT without a column list, read by name. */
  readonly isInvisible?: boolean;
  /**
   * The hidden VIRTUAL generated column MySQL 8.0.13 makes for a functional key part `(expr)` of an index, named
   * `!hidden!index!part!0`: also INVISIBLE, left out of SHOW COLUMNS and information_schema.COLUMNS, shown only as
   * its index's expression, and dropped with its index.
   */
  readonly isFunctionalKeyPart?: boolean;
}

/**
 * A generated column (`AS (expr) VIRTUAL|STORED`). `expr` is the expression as MySQL prints it (GENERATION_EXPRESSION:
 * backquoted columns, lower-case functions, `_utf8mb4'…'` literals). Both kinds are computed on every write and kept
 * in the row, so reads and indexes need nothing special; `isStored` only says what the user declared.
 */
export interface GeneratedColumnInfo {
  readonly expr: string;
  readonly isStored: boolean;
}

/** A CHECK constraint: its name (unique in the database), its expression as MySQL prints it, and whether it is enforced. */
export interface CheckConstraintInfo {
  readonly name: string;
  readonly expr: string;
  readonly isEnforced: boolean;
}

/** ON DELETE / ON UPDATE of a foreign key; 'NO ACTION' also stands for a rule not written (MySQL's default). */
export type ReferentialRule = 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'NO ACTION' | 'SET DEFAULT';

/**
 * A FOREIGN KEY constraint of the table it is stored in (the child). The parent is named, not held by id, as MySQL's
 * data dictionary does, so that with foreign_key_checks = 0 it may not exist yet (dumps create tables in any order).
 */
export interface ForeignKeyInfo {
  readonly name: string;
  /** The child's columns, by name, in key order. */
  readonly columns: readonly string[];
  readonly refDatabase: string;
  readonly refTable: string;
  readonly refColumns: readonly string[];
  readonly onDelete: ReferentialRule;
  readonly onUpdate: ReferentialRule;
}

/** An index over columns (by offset into the table's columns). The primary key is the index named PRIMARY. */
/** A view's result column: name, type and nullability, as its query gives them. */
export interface ViewColumn {
  readonly name: string;
  readonly type: FieldType;
  readonly isNotNull: boolean;
}

/**
 * The columns a table shows in SHOW COLUMNS, information_schema.COLUMNS and SHOW CREATE TABLE: not the hidden
 * columns of functional key parts; a view's are its query's result columns (no key, no default), as MySQL lists them.
 */
export function shownColumns(table: TableInfo): readonly ColumnInfo[] {
  if (!table.view?.columns) return table.columns.some((column) => column.isFunctionalKeyPart === true) ? table.columns.filter((column) => column.isFunctionalKeyPart !== true) : table.columns;
  return table.view.columns.map((column, offset) => ({
    id: offset + 1,
    name: column.name,
    offset,
    type: column.type,
    isNotNull: column.isNotNull,
    isAutoIncrement: false,
    defaultValue: { kind: 'none' },
    onUpdateCurrentTimestamp: false,
    comment: '',
  }));
}

export interface IndexInfo {
  readonly id: number;
  readonly name: string;
  readonly columnOffsets: readonly number[];
  readonly isUnique: boolean;
  readonly isPrimary: boolean;
  /** Which parts were declared DESC (absent: none), as SHOW CREATE TABLE and SHOW INDEX (Collation 'D') print them. */
  readonly descending?: readonly boolean[];
  /**
   * How text columns are encoded in this index's keys (see table/row-datums.ts `indexDatum`): absent in indexes
   * written before collations had sort keys (version 1), `CURRENT_INDEX_KEY_VERSION` for every index built since.
   */
  readonly keyVersion?: number;
  /**
   * MySQL 8's invisible index (`INVISIBLE`, `ALTER INDEX … INVISIBLE`): kept up to date and still enforcing
   * uniqueness, but the planner does not use it. Absent: visible.
   */
  readonly isInvisible?: boolean;
}

/** The key version of indexes built now: text keys are the column collation's sort key (weights). */
export const CURRENT_INDEX_KEY_VERSION = 2;

/**
 * A sequence's options (TiDB's CREATE SEQUENCE), its numbers as decimal text since the catalog is JSON. The values
 * handed out live in the sequence allocator, not here.
 */
export interface SequenceInfo {
  readonly start: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly increment: string;
  /** How many values a server reserves at once; 0 for NOCACHE (one at a time). */
  readonly cache: string;
  readonly isCycle: boolean;
}

/** A table. When `handleColumnOffset` is set the single integer primary key is the row handle (TiDB's PKIsHandle). */
export interface TableInfo {
  readonly id: number;
  readonly databaseId: number;
  readonly name: string;
  readonly columns: readonly ColumnInfo[];
  /**
   * The highest column id the table has ever had (TiDB's MaxColumnID). Rows keep a dropped column's value under its
   * id, so a new column must never take an old id. Absent: the highest id among `columns`.
   */
  readonly maxColumnId?: number;
  readonly indexes: readonly IndexInfo[];
  readonly handleColumnOffset: number | undefined;
  readonly charset: string;
  readonly collation: string;
  readonly comment: string;
  readonly engine: string;
  readonly createdAt: string;
  /** CHECK constraints, in the order they were defined. */
  readonly checks?: readonly CheckConstraintInfo[];
  /** FOREIGN KEY constraints this table (the child) declares, in the order they were defined. */
  readonly foreignKeys?: readonly ForeignKeyInfo[];
  /** A session's temporary table (CREATE TEMPORARY TABLE): never stored, seen only by its session. */
  readonly isTemporary?: boolean;
  /** Set by ANALYZE TABLE (cleared by TRUNCATE): the planner estimates with it instead of pseudo statistics. */
  readonly stats?: TableStats;
  /**
   * Set for a view: its SELECT as written (re-parsed at use), the column names given in CREATE VIEW v (…), and the
   * options that decide whether and how it can be written through.
   */
  readonly sequence?: SequenceInfo;
  readonly view?: {
    readonly definition: string;
    readonly columnNames?: readonly string[] | undefined;
    readonly checkOption?: 'CASCADED' | 'LOCAL' | undefined;
    readonly algorithm?: 'UNDEFINED' | 'MERGE' | 'TEMPTABLE' | undefined;
    /**
     * The result columns as CREATE/ALTER VIEW planned them, for information_schema.COLUMNS and SHOW COLUMNS (which
     * MySQL works out at each read; absent for views made before they were kept).
     */
    readonly columns?: readonly ViewColumn[] | undefined;
  };
}

/** The fields of a schema object with no columns of its own (a view, a sequence), under catalog ids. */
export function columnlessTable(ids: { readonly databaseId: number; readonly tableId: number }, name: string): Pick<TableInfo, 'id' | 'databaseId' | 'name' | 'columns' | 'indexes' | 'handleColumnOffset' | 'charset' | 'collation'> {
  return { id: ids.tableId, databaseId: ids.databaseId, name, columns: [], indexes: [], handleColumnOffset: undefined, charset: 'utf8mb4', collation: 'utf8mb4_bin' };
}
