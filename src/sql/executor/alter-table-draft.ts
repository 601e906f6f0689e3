// The table an ALTER TABLE is building: columns, indexes and constraints as its actions change them, then finished.
import { mysqlError, ER_BAD_FIELD_ERROR, ER_DUP_KEYNAME } from '../../errors/index.js';
import type { CheckConstraint, ColumnPosition, ForeignKeyDef } from '../ast/index.js';
import type { CheckConstraintInfo, ColumnInfo, ForeignKeyInfo, IndexInfo, TableInfo } from '../catalog/index.js';
import { CURRENT_INDEX_KEY_VERSION } from '../catalog/index.js';
import { charsetOf } from '../collation/index.js';

/** An index while the table is being altered: columns by id, so column moves do not disturb it. */
export interface DraftIndex {
  readonly info: Omit<IndexInfo, 'columnOffsets'>;
  readonly columnIds: number[];
  readonly isNew: boolean;
}

/** The table being altered. `rewrite` is set when stored rows must be converted (a column type changed). */
export interface Draft {
  columns: ColumnInfo[];
  indexes: DraftIndex[];
  droppedIndexIds: number[];
  rewrite: boolean;
  renameTo: { db?: string | undefined; name: string } | undefined;
  /** The table's new default collation (`[DEFAULT] CHARSET=… COLLATE=…`, CONVERT TO CHARACTER SET). */
  collation?: string;
  checks: CheckConstraintInfo[];
  foreignKeys: ForeignKeyInfo[];
  /** CHECK and FOREIGN KEY clauses added by the statement, built once every column action is applied. */
  addedChecks: { readonly check: CheckConstraint; readonly column?: string }[];
  addedForeignKeys: ForeignKeyDef[];
  /** Constraints the existing rows must satisfy once altered: added (or newly enforced) CHECKs, added foreign keys. */
  checksToValidate: Set<string>;
  foreignKeysToValidate: Set<string>;
  /** Other tables whose foreign keys name a renamed column of this one, rewritten. */
  children: Map<number, TableInfo>;
}

/** A new draft of `table`, nothing changed yet. */
export function draftOf(table: TableInfo): Draft {
  return {
    columns: [...table.columns],
    indexes: table.indexes.map((index) => ({ info: index, columnIds: index.columnOffsets.map((offset) => table.columns[offset]!.id), isNew: false })),
    droppedIndexIds: [],
    rewrite: false,
    renameTo: undefined,
    checks: [...(table.checks ?? [])],
    foreignKeys: [...(table.foreignKeys ?? [])],
    addedChecks: [],
    addedForeignKeys: [],
    checksToValidate: new Set(),
    foreignKeysToValidate: new Set(),
    children: new Map(),
  };
}

export function findColumn(draft: Draft, name: string): ColumnInfo | undefined {
  return draft.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

export function insertAt(draft: Draft, column: ColumnInfo, position: ColumnPosition | undefined): void {
  const columns = [...draft.columns];
  if (!position) columns.push(column);
  else if (position.kind === 'FIRST') columns.unshift(column);
  else {
    const at = columns.findIndex((c) => c.name.toLowerCase() === position.column.toLowerCase());
    if (at < 0) throw mysqlError(ER_BAD_FIELD_ERROR, position.column, 'table');
    columns.splice(at + 1, 0, column);
  }
  draft.columns = columns;
}

export function addIndex(draft: Draft, info: Omit<IndexInfo, 'columnOffsets'>, columnIds: number[]): void {
  if (draft.indexes.some((i) => i.info.name.toLowerCase() === info.name.toLowerCase())) throw mysqlError(ER_DUP_KEYNAME, info.name);
  draft.indexes.push({ info, columnIds, isNew: true });
}

export function dropIndex(draft: Draft, index: DraftIndex): void {
  draft.indexes = draft.indexes.filter((i) => i !== index);
  if (!index.isNew) draft.droppedIndexIds.push(index.info.id);
}

/** The final definition: offsets renumbered, indexes mapped back to offsets, new indexes given ids. */
export function finishDraft(table: TableInfo, draft: Draft): TableInfo {
  const columns = draft.columns.map((column, offset) => ({ ...column, offset }));
  const offsetOf = new Map(columns.map((c) => [c.id, c.offset]));
  let nextIndexId = Math.max(0, ...table.indexes.map((i) => i.id), ...draft.droppedIndexIds);
  // A rewrite re-creates every index entry, so every index takes the current key encoding; new indexes always do.
  const indexes: IndexInfo[] = draft.indexes.map((index) => ({
    ...index.info,
    ...(index.isNew || draft.rewrite ? { keyVersion: CURRENT_INDEX_KEY_VERSION } : {}),
    id: index.isNew ? ++nextIndexId : index.info.id,
    columnOffsets: index.columnIds.map((id) => offsetOf.get(id)!),
  }));
  // Rows stay keyed by their integer primary key column while the primary key is still that column alone.
  const keyColumn = table.handleColumnOffset === undefined ? undefined : table.columns[table.handleColumnOffset]!.id;
  const isStillKey = draft.indexes.some((index) => index.info.isPrimary && index.columnIds.length === 1 && index.columnIds[0] === keyColumn);
  const handleColumn = isStillKey ? keyColumn : undefined;
  const collation = draft.collation ?? table.collation;
  const { checks: _checks, foreignKeys: _foreignKeys, ...rest } = table;
  return {
    ...rest,
    columns,
    maxColumnId: Math.max(table.maxColumnId ?? 0, ...table.columns.map((c) => c.id), ...columns.map((c) => c.id)),
    indexes,
    collation,
    charset: charsetOf(collation),
    handleColumnOffset: handleColumn === undefined ? undefined : offsetOf.get(handleColumn),
    ...(draft.checks.length > 0 && { checks: draft.checks }),
    ...(draft.foreignKeys.length > 0 && { foreignKeys: draft.foreignKeys }),
  };
}
