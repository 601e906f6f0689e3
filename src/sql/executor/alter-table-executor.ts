// ALTER TABLE: column and index changes applied to the definition, with row rewrites and index (re)builds in one DDL.
import {
  mysqlError,
  ER_BAD_FIELD_ERROR,
  ER_CANT_DROP_FIELD_OR_KEY,
  ER_DUP_FIELDNAME,
  ER_DUP_KEYNAME,
  ER_MULTIPLE_PRI_KEY,
  ER_INVALID_USE_OF_NULL,
  ER_NOT_SUPPORTED_YET,
} from '../../errors/index.js';
import type { AlterTableAction, AlterTableStmt, ColumnDef, ColumnPosition } from '../ast/index.js';
import type { Catalog, ColumnInfo, IndexInfo, TableInfo } from '../catalog/index.js';
import { CURRENT_INDEX_KEY_VERSION } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { KvTransaction } from '../../storage/kv.js';
import { tableIndexRange } from '../../storage/index.js';
import { OK_NOTHING } from '../statement-result.js';
import type { OkResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { coerceToColumn, isTextType } from '../types/index.js';
import type { Row } from '../types/index.js';

import { buildColumn, buildDefault } from './create-table-executor.js';
import { indexColumnOffsets } from './index-ddl-executor.js';
import { resolveTable } from './resolve-table.js';
import { resolveCollation } from '../expression/column-type-from-ast.js';
import { charsetOf } from '../collation/index.js';
import { alteredTimestamp } from '../timezone/timestamp-storage.js';

/** An index while the table is being altered: columns by id, so column moves do not disturb it. */
interface DraftIndex {
  readonly info: Omit<IndexInfo, 'columnOffsets'>;
  readonly columnIds: number[];
  readonly isNew: boolean;
}

/** The table being altered. `rewrite` is set when stored rows must be converted (a column type changed). */
interface Draft {
  columns: ColumnInfo[];
  indexes: DraftIndex[];
  droppedIndexIds: number[];
  rewrite: boolean;
  renameTo: { db?: string | undefined; name: string } | undefined;
  /** The table's new default collation (`[DEFAULT] CHARSET=… COLLATE=…`, CONVERT TO CHARACTER SET). */
  collation?: string;
}

/** Runs ALTER TABLE; all actions of the statement commit together or not at all. */
export async function executeAlterTable(stmt: AlterTableStmt, catalog: Catalog, session: ExecutionContext): Promise<OkResult> {
  const { table, databaseName } = resolveTable(stmt.table, catalog, session);
  const draft: Draft = {
    columns: [...table.columns],
    indexes: table.indexes.map((index) => ({ info: index, columnIds: index.columnOffsets.map((offset) => table.columns[offset]!.id), isNew: false })),
    droppedIndexIds: [],
    rewrite: false,
    renameTo: undefined,
  };
  for (const action of stmt.actions) applyAction(draft, action, table, session);
  const hasChanges = draft.rewrite || draft.collation !== undefined || stmt.actions.some((action) => action.kind !== 'RenameTable' && action.kind !== 'TableOptions' && action.kind !== 'AlgorithmOption' && action.kind !== 'Force');
  if (hasChanges) {
    await catalog.alterTable(databaseName, table.name, async (current, txn) => {
      const next = finish(current, draft);
      await applyData(txn, current, next, draft, session);
      return next;
    });
  }
  if (draft.renameTo) await catalog.renameTable(databaseName, table.name, draft.renameTo.db ?? databaseName, draft.renameTo.name);
  return OK_NOTHING;
}

function applyAction(draft: Draft, action: AlterTableAction, table: TableInfo, session: ExecutionContext): void {
  const collation = table.collation;
  const nextId = (): number => Math.max(0, ...draft.columns.map((c) => c.id), ...table.columns.map((c) => c.id)) + 1;
  switch (action.kind) {
    case 'AddColumn':
      for (const def of action.columns) {
        if (find(draft, def.name)) throw mysqlError(ER_DUP_FIELDNAME, def.name);
        if (def.isAutoIncrement || def.isPrimaryKey) throw mysqlError(ER_NOT_SUPPORTED_YET, 'adding a key column');
        const column = buildColumn(def, nextId(), 0, collation, session);
        const spec = column.defaultValue;
        const originDefault = spec.kind === 'literal' ? spec.value : null;
        insertAt(draft, { ...column, originDefault }, action.position);
        if (def.isUnique) addIndex(draft, { id: 0, name: def.name, isUnique: true, isPrimary: false }, [column.id]);
      }
      return;
    case 'DropColumn': {
      const column = find(draft, action.name);
      if (!column) {
        if (action.ifExists) return;
        throw mysqlError(ER_CANT_DROP_FIELD_OR_KEY, action.name);
      }
      for (const index of draft.indexes.filter((i) => i.columnIds.includes(column.id))) {
        if (index.info.isPrimary || index.columnIds.length > 1) throw mysqlError(ER_NOT_SUPPORTED_YET, 'dropping a column of a multi-column or primary key');
        dropIndex(draft, index);
      }
      draft.columns = draft.columns.filter((c) => c.id !== column.id);
      return;
    }
    case 'ModifyColumn':
    case 'ChangeColumn': {
      const oldName = action.kind === 'ChangeColumn' ? action.oldName : action.column.name;
      const old = find(draft, oldName);
      if (!old) throw mysqlError(ER_BAD_FIELD_ERROR, oldName, table.name);
      replaceColumn(draft, old, action.column, action.position, collation, session);
      return;
    }
    case 'RenameColumn': {
      const old = find(draft, action.oldName);
      if (!old) throw mysqlError(ER_BAD_FIELD_ERROR, action.oldName, table.name);
      if (find(draft, action.newName)) throw mysqlError(ER_DUP_FIELDNAME, action.newName);
      draft.columns = draft.columns.map((c) => (c.id === old.id ? { ...c, name: action.newName } : c));
      return;
    }
    case 'AlterColumnDefault': {
      const old = find(draft, action.name);
      if (!old) throw mysqlError(ER_BAD_FIELD_ERROR, action.name, table.name);
      const defaultValue = action.default ? buildDefault(action.default, old, session) : { kind: 'none' as const };
      draft.columns = draft.columns.map((c) => (c.id === old.id ? { ...c, defaultValue } : c));
      return;
    }
    case 'AddConstraint': {
      const constraint = action.constraint;
      if (constraint.kind !== 'IndexDef') return;
      if (constraint.indexType === 'PRIMARY') {
        if (draft.indexes.some((i) => i.info.isPrimary)) throw mysqlError(ER_MULTIPLE_PRI_KEY);
        throw mysqlError(ER_NOT_SUPPORTED_YET, 'adding a primary key');
      }
      if (constraint.indexType === 'FULLTEXT' || constraint.indexType === 'SPATIAL') throw mysqlError(ER_NOT_SUPPORTED_YET, `${constraint.indexType} indexes`);
      const current = finish(table, draft);
      const offsets = indexColumnOffsets(current, constraint.parts);
      const name = constraint.name ?? current.columns[offsets[0]!]!.name;
      addIndex(draft, { id: 0, name, isUnique: constraint.indexType === 'UNIQUE', isPrimary: false }, offsets.map((o) => current.columns[o]!.id));
      return;
    }
    case 'DropIndex': {
      const index = draft.indexes.find((i) => i.info.name.toLowerCase() === action.name.toLowerCase());
      if (!index) {
        if (action.ifExists) return;
        throw mysqlError(ER_CANT_DROP_FIELD_OR_KEY, action.name);
      }
      if (index.info.isPrimary) throw mysqlError(ER_NOT_SUPPORTED_YET, 'dropping the primary key');
      dropIndex(draft, index);
      return;
    }
    case 'DropPrimaryKey':
      throw mysqlError(ER_NOT_SUPPORTED_YET, 'dropping the primary key');
    case 'RenameIndex': {
      const index = draft.indexes.find((i) => i.info.name.toLowerCase() === action.oldName.toLowerCase());
      if (!index) throw mysqlError(ER_CANT_DROP_FIELD_OR_KEY, action.oldName);
      draft.indexes = draft.indexes.map((i) => (i === index ? { ...i, info: { ...i.info, name: action.newName } } : i));
      return;
    }
    case 'RenameTable':
      draft.renameTo = action.to;
      return;
    case 'TableOptions': {
      const option = (name: string): string | undefined => action.options.find((o) => o.name === name)?.value;
      if (option('CHARSET') !== undefined || option('COLLATE') !== undefined) draft.collation = resolveCollation(option('CHARSET'), option('COLLATE'), table.collation);
      return;
    }
    case 'Force':
      // MySQL rebuilds the table; here that re-encodes every index entry in the current key version.
      draft.rewrite = true;
      return;
    case 'ConvertCharset': {
      const converted = resolveCollation(action.charset, action.collate, table.collation);
      draft.collation = converted;
      draft.columns = draft.columns.map((column) => (isTextType(column.type) ? { ...column, type: { ...column.type, collation: converted } } : column));
      draft.rewrite = true;
      return;
    }
    case 'AlgorithmOption':
    case 'EnableKeys':
    case 'OrderBy':
    case 'DropForeignKey':
    case 'DropCheck':
      return;
    case 'AlterColumnVisibility':
    case 'AlterIndexVisibility':
      throw mysqlError(ER_NOT_SUPPORTED_YET, action.kind);
  }
}

function find(draft: Draft, name: string): ColumnInfo | undefined {
  return draft.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

function insertAt(draft: Draft, column: ColumnInfo, position: ColumnPosition | undefined): void {
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

function replaceColumn(draft: Draft, old: ColumnInfo, def: ColumnDef, position: ColumnPosition | undefined, collation: string, session: ExecutionContext): void {
  if (def.name.toLowerCase() !== old.name.toLowerCase() && find(draft, def.name)) throw mysqlError(ER_DUP_FIELDNAME, def.name);
  const built = buildColumn(def, old.id, old.offset, collation, session);
  const isKey = draft.indexes.some((i) => i.info.isPrimary && i.columnIds.includes(old.id));
  const column: ColumnInfo = { ...built, isNotNull: built.isNotNull || isKey, ...(old.originDefault === undefined ? {} : { originDefault: old.originDefault }) };
  const isStorageChanged = JSON.stringify(column.type) !== JSON.stringify(old.type) || column.storesUtc !== old.storesUtc;
  if (isStorageChanged || (column.isNotNull && !old.isNotNull)) draft.rewrite = true;
  draft.columns = draft.columns.filter((c) => c.id !== old.id);
  if (position) insertAt(draft, column, position);
  else {
    const at = Math.min(old.offset, draft.columns.length);
    draft.columns.splice(at, 0, column);
  }
}

function addIndex(draft: Draft, info: Omit<IndexInfo, 'columnOffsets'>, columnIds: number[]): void {
  if (draft.indexes.some((i) => i.info.name.toLowerCase() === info.name.toLowerCase())) throw mysqlError(ER_DUP_KEYNAME, info.name);
  draft.indexes.push({ info, columnIds, isNew: true });
}

function dropIndex(draft: Draft, index: DraftIndex): void {
  draft.indexes = draft.indexes.filter((i) => i !== index);
  if (!index.isNew) draft.droppedIndexIds.push(index.info.id);
}

/** The final definition: offsets renumbered, indexes mapped back to offsets, new indexes given ids. */
function finish(table: TableInfo, draft: Draft): TableInfo {
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
  const handleColumn = table.handleColumnOffset === undefined ? undefined : table.columns[table.handleColumnOffset]!.id;
  const collation = draft.collation ?? table.collation;
  return { ...table, columns, indexes, collation, charset: charsetOf(collation), handleColumnOffset: handleColumn === undefined ? undefined : offsetOf.get(handleColumn) };
}

/** Deletes dropped indexes' entries, rewrites rows whose column types changed, and builds new indexes. */
async function applyData(txn: KvTransaction, current: TableInfo, next: TableInfo, draft: Draft, session: ExecutionContext): Promise<void> {
  const tableId = BigInt(current.id);
  for (const indexId of draft.droppedIndexIds) {
    for await (const batch of txn.scan(tableIndexRange(tableId, BigInt(indexId)))) for (const pair of batch) txn.delete(pair.key);
  }
  const newIndexes = next.indexes.filter((index) => !current.indexes.some((old) => old.id === index.id));
  if (!draft.rewrite && newIndexes.length === 0) return;
  const oldRows = new TableRows(txn, current, undefined, undefined);
  const rows: { handle: bigint; row: Row }[] = [];
  for await (const batch of oldRows.scan()) rows.push(...batch);
  const nextRows = new TableRows(txn, next, undefined, undefined);
  let rowNumber = 0;
  for (const { handle, row } of rows) {
    rowNumber++;
    const converted: Row = next.columns.map((column) => {
      const oldColumn = current.columns.find((c) => c.id === column.id);
      const value = oldColumn ? alteredTimestamp(row[oldColumn.offset] ?? null, oldColumn, column, session) : column.originDefault ?? null;
      const stored = coerceToColumn(value, column.type, { columnName: column.name, rowNumber, isStrict: session.isStrictMode, warnings: session.warnings });
      if (stored === null && column.isNotNull) throw mysqlError(ER_INVALID_USE_OF_NULL);
      return stored;
    });
    if (draft.rewrite) {
      await oldRows.delete(handle, row);
      await nextRows.insert(handle, converted);
    } else {
      for (const index of newIndexes) await nextRows.addIndexEntry(index, handle, converted);
    }
  }
}
