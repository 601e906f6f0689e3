// The persisted schema objects: databases, tables, columns and indexes, as plain JSON-serialisable records.
import type { FieldType } from '../types/index.js';

/** A database (schema). */
export interface DatabaseInfo {
  readonly id: number;
  readonly name: string;
  readonly charset: string;
  readonly collation: string;
}

/** A column's default: a constant's SQL text, or CURRENT_TIMESTAMP. */
export type ColumnDefault =
  | { readonly kind: 'none' }
  | { readonly kind: 'null' }
  | { readonly kind: 'literal'; readonly value: string | null; readonly valueKind: 'text' | 'number' }
  | { readonly kind: 'current-timestamp' };

/** A column of a table. `id` is stable across ALTERs; `offset` is the position in the row. */
export interface ColumnInfo {
  readonly id: number;
  readonly name: string;
  readonly offset: number;
  readonly type: FieldType;
  readonly isNotNull: boolean;
  readonly isAutoIncrement: boolean;
  readonly defaultValue: ColumnDefault;
  readonly onUpdateCurrentTimestamp: boolean;
  readonly comment: string;
  /**
   * For a column added by ALTER TABLE: the value rows written before it existed take (their stored form has no
   * datum for it), as TiDB's OriginDefaultValue. Text of the value, or null.
   */
  readonly originDefault?: string | null;
  /**
   * TIMESTAMP columns: values are stored as UTC wall-clock times and converted by the session's time_zone. Columns
   * created before time zones were supported lack it: they hold the server's SYSTEM wall-clock times, and are
   * converted from that zone instead, so their rows read as before.
   */
  readonly storesUtc?: boolean;
}

/** An index over columns (by offset into the table's columns). The primary key is the index named PRIMARY. */
/** A view's result column: name, type and nullability, as its query gives them. */
export interface ViewColumn {
  readonly name: string;
  readonly type: FieldType;
  readonly isNotNull: boolean;
}

/**
 * The columns a table shows in SHOW COLUMNS and information_schema.COLUMNS: a view's are its query's result columns
 * (no key, no default), as MySQL lists them.
 */
export function shownColumns(table: TableInfo): readonly ColumnInfo[] {
  if (!table.view?.columns) return table.columns;
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
}

/** The key version of indexes built now: text keys are the column collation's sort key (weights). */
export const CURRENT_INDEX_KEY_VERSION = 2;

/** A table. When `handleColumnOffset` is set the single integer primary key is the row handle (TiDB's PKIsHandle). */
export interface TableInfo {
  readonly id: number;
  readonly databaseId: number;
  readonly name: string;
  readonly columns: readonly ColumnInfo[];
  readonly indexes: readonly IndexInfo[];
  readonly handleColumnOffset: number | undefined;
  readonly charset: string;
  readonly collation: string;
  readonly comment: string;
  readonly engine: string;
  readonly createdAt: string;
  /** A session's temporary table (CREATE TEMPORARY TABLE): never stored, seen only by its session. */
  readonly isTemporary?: boolean;
  /**
   * Set for a view: its SELECT as written (re-parsed at use), the column names given in CREATE VIEW v (…), and the
   * options that decide whether and how it can be written through.
   */
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
