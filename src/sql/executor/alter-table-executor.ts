// ALTER TABLE: column and index changes applied to the definition, with row rewrites and index (re)builds in one DDL.
import {
  mysqlError,
  ER_BAD_FIELD_ERROR,
  ER_CANT_DROP_FIELD_OR_KEY,
  ER_KEY_DOES_NOT_EXITS,
  ER_DUP_FIELDNAME,
  ER_MULTIPLE_PRI_KEY,
  ER_INVALID_USE_OF_NULL,
  ER_NOT_SUPPORTED_YET,
} from '../../errors/index.js';
import type { AlterTableAction, AlterTableStmt, ColumnDef, ColumnPosition, IndexDef } from '../ast/index.js';
import type { AutoIncrementAllocator, Catalog, ColumnInfo, TableInfo } from '../catalog/index.js';
import { CheckConstraints, ExpressionDefaults, GeneratedColumns, ParentCheck } from '../constraints/index.js';
import type { ExecutionContext } from '../execution-context.js';
import type { KvTransaction } from '../../storage/kv.js';
import { tableIndexRange } from '../../storage/index.js';
import { OK_NOTHING } from '../statement-result.js';
import type { OkResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { coerceToColumn, defaultLiteralValue, isTextType } from '../types/index.js';
import type { Row, SqlValue } from '../types/index.js';

import { buildColumn, buildDefault, descendingParts, indexVisibility } from './create-table-executor.js';
import { uniqueIndexName } from './constraint-names.js';
import { functionalIndex } from './functional-key-parts.js';
import { indexColumnOffsets } from './index-ddl-executor.js';
import { resolveTable } from './resolve-table.js';
import { resolveCollation } from '../expression/column-type-from-ast.js';
import { addIndex, draftOf, dropIndex, findColumn as find, finishDraft as finish, insertAt } from './alter-table-draft.js';
import type { Draft } from './alter-table-draft.js';
import { applyConstraintAction, checkColumnDrop, checkIndexDrop, finishConstraints, renameColumnInConstraints } from './alter-table-constraints.js';
import type { AlterScope } from './alter-table-constraints.js';
import { alteredTimestamp } from '../timezone/timestamp-storage.js';

/** Runs ALTER TABLE; all actions of the statement commit together or not at all. */
export async function executeAlterTable(stmt: AlterTableStmt, catalog: Catalog, session: ExecutionContext, allocator: AutoIncrementAllocator): Promise<OkResult> {
  const { table, databaseName } = resolveTable(stmt.table, catalog, session);
  const draft = draftOf(table);
  const scope: AlterScope = { table, databaseName, catalog, session };
  for (const action of stmt.actions) {
    if (!applyConstraintAction(draft, action)) applyAction(draft, action, scope);
  }
  finishConstraints(draft, scope);
  const hasChanges = draft.rewrite || draft.collation !== undefined || stmt.actions.some((action) => action.kind !== 'RenameTable' && action.kind !== 'TableOptions' && action.kind !== 'AlgorithmOption' && action.kind !== 'Force');
  if (hasChanges) {
    await catalog.alterTable(databaseName, table.name, async (current, txn) => {
      const next = finish(current, draft);
      await applyData(txn, current, next, draft, { ...scope, table: next }, allocator);
      return { table: next, others: [...draft.children.values()] };
    });
  }
  if (draft.renameTo) await catalog.renameTable(databaseName, table.name, draft.renameTo.db ?? databaseName, draft.renameTo.name);
  return OK_NOTHING;
}

/**
 * ADD PRIMARY KEY on existing columns: they become NOT NULL (1138 when a stored row holds NULL) and the key is a
 * unique index over rows keyed as before (TiDB's NONCLUSTERED primary key); rows are rewritten so both are checked.
 */
function addPrimaryKey(draft: Draft, table: TableInfo, constraint: IndexDef): void {
  const current = finish(table, draft);
  const ids = indexColumnOffsets(current, constraint.parts).map((offset) => current.columns[offset]!.id);
  draft.columns = draft.columns.map((column) => (ids.includes(column.id) ? { ...column, isNotNull: true } : column));
  addIndex(draft, { id: 0, name: 'PRIMARY', isUnique: true, isPrimary: true, ...descendingParts(constraint.parts), ...indexVisibility(constraint.options, true) }, ids);
  draft.rewrite = true;
}

/** Drops an index; dropping an integer primary key the rows are keyed by gives every row a new key (a hidden row id). */
function dropKey(draft: Draft, index: Draft['indexes'][number], scope: AlterScope): void {
  checkIndexDrop(draft, index, scope);
  dropIndex(draft, index);
  // A functional index's hidden columns go with it.
  draft.columns = draft.columns.filter((column) => !(column.isFunctionalKeyPart === true && index.columnIds.includes(column.id)));
  if (index.info.isPrimary && scope.table.handleColumnOffset !== undefined) draft.rewrite = true;
}

function applyAction(draft: Draft, action: AlterTableAction, scope: AlterScope): void {
  const { table, session } = scope;
  const collation = table.collation;
  const nextId = (): number => Math.max(table.maxColumnId ?? 0, ...draft.columns.map((c) => c.id), ...table.columns.map((c) => c.id)) + 1;
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
        if (def.check) draft.addedChecks.push({ check: def.check, column: def.name });
        // A generated column's value, and an expression default, must be computed for every existing row.
        if (column.generated || spec.kind === 'expression') draft.rewrite = true;
      }
      return;
    case 'DropColumn': {
      const column = find(draft, action.name);
      if (!column) {
        if (action.ifExists) return;
        throw mysqlError(ER_CANT_DROP_FIELD_OR_KEY, action.name);
      }
      checkColumnDrop(draft, column, scope);
      // As MySQL: the column leaves every index it is part of, and an index left without columns goes. Dropping
      // the column the rows are keyed by (an integer primary key) gives every row a new key (a hidden row id).
      if (table.handleColumnOffset !== undefined && table.columns[table.handleColumnOffset]!.id === column.id) draft.rewrite = true;
      draft.indexes = draft.indexes.flatMap((index) => {
        if (!index.columnIds.includes(column.id)) return [index];
        if (!index.isNew) draft.droppedIndexIds.push(index.info.id);
        const kept = index.columnIds.flatMap((id, i) => (id === column.id ? [] : [{ id, isDescending: index.info.descending?.[i] === true }]));
        if (kept.length === 0) return [];
        // The narrower index is built anew in the same place (a unique one checks its rows again: 1062).
        const { descending: _descending, ...info } = index.info;
        const descending = kept.some((part) => part.isDescending) ? { descending: kept.map((part) => part.isDescending) } : {};
        return [{ info: { ...info, id: 0, ...descending }, columnIds: kept.map((part) => part.id), isNew: true }];
      });
      draft.columns = draft.columns.filter((c) => c.id !== column.id);
      return;
    }
    case 'ModifyColumn':
    case 'ChangeColumn': {
      const oldName = action.kind === 'ChangeColumn' ? action.oldName : action.column.name;
      const old = find(draft, oldName);
      if (!old) throw mysqlError(ER_BAD_FIELD_ERROR, oldName, table.name);
      renameColumnInConstraints(draft, old, action.column.name, scope);
      replaceColumn(draft, old, action.column, action.position, collation, session);
      return;
    }
    case 'RenameColumn': {
      const old = find(draft, action.oldName);
      if (!old) throw mysqlError(ER_BAD_FIELD_ERROR, action.oldName, table.name);
      // RENAME COLUMN a TO A changes only the letters' case: the column found is the one renamed, no duplicate.
      const clash = find(draft, action.newName);
      if (clash && clash.id !== old.id) throw mysqlError(ER_DUP_FIELDNAME, action.newName);
      renameColumnInConstraints(draft, old, action.newName, scope);
      draft.columns = draft.columns.map((c) => (c.id === old.id ? { ...c, name: action.newName } : c));
      return;
    }
    case 'AlterColumnDefault': {
      const old = find(draft, action.name);
      if (!old) throw mysqlError(ER_BAD_FIELD_ERROR, action.name, table.name);
      const defaultValue = action.default ? buildDefault(action.default, old, session, action.isDefaultExpression) : { kind: 'none' as const };
      draft.columns = draft.columns.map((c) => (c.id === old.id ? { ...c, defaultValue } : c));
      return;
    }
    case 'AddConstraint': {
      const constraint = action.constraint;
      if (constraint.kind !== 'IndexDef') return;
      if (constraint.indexType === 'PRIMARY') {
        if (draft.indexes.some((i) => i.info.isPrimary)) throw mysqlError(ER_MULTIPLE_PRI_KEY);
        addPrimaryKey(draft, table, constraint);
        return;
      }
      if (constraint.indexType === 'FULLTEXT' || constraint.indexType === 'SPATIAL') throw mysqlError(ER_NOT_SUPPORTED_YET, `${constraint.indexType} indexes`);
      const taken = new Set(draft.indexes.map((i) => i.info.name.toLowerCase()));
      let lastId = nextId() - 1;
      const { def, hiddenColumns } = functionalIndex(constraint, draft.columns, taken, () => ++lastId, session);
      for (const column of hiddenColumns) insertAt(draft, column, undefined);
      // The hidden columns' values must be computed for every existing row.
      if (hiddenColumns.length > 0) draft.rewrite = true;
      const current = finish(table, draft);
      const offsets = indexColumnOffsets(current, def.parts);
      const name = def.name ?? uniqueIndexName(current.columns[offsets[0]!]!.name, taken);
      addIndex(draft, { id: 0, name, isUnique: def.indexType === 'UNIQUE', isPrimary: false, ...descendingParts(def.parts), ...indexVisibility(def.options, false) }, offsets.map((o) => current.columns[o]!.id));
      return;
    }
    case 'DropIndex': {
      const index = draft.indexes.find((i) => i.info.name.toLowerCase() === action.name.toLowerCase());
      if (!index) {
        if (action.ifExists) return;
        throw mysqlError(ER_CANT_DROP_FIELD_OR_KEY, action.name);
      }
      dropKey(draft, index, scope);
      return;
    }
    // DropConstraint reaches here only for the primary key's constraint (alter-table-constraints.ts does the others).
    case 'DropPrimaryKey':
    case 'DropConstraint': {
      const primary = draft.indexes.find((i) => i.info.isPrimary);
      if (!primary) throw mysqlError(ER_CANT_DROP_FIELD_OR_KEY, 'PRIMARY');
      dropKey(draft, primary, scope);
      return;
    }
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
    case 'AlterCheckEnforcement':
      return;
    case 'AlterIndexVisibility': {
      const index = draft.indexes.find((i) => i.info.name.toLowerCase() === action.name.toLowerCase());
      if (!index) throw mysqlError(ER_KEY_DOES_NOT_EXITS, action.name, table.name);
      const { isInvisible: _was, ...visible } = index.info;
      const info = { ...visible, ...indexVisibility({ visibility: action.visibility }, index.info.isPrimary) };
      draft.indexes = draft.indexes.map((i) => (i === index ? { ...i, info } : i));
      return;
    }
    case 'AlterColumnVisibility': {
      const old = find(draft, action.name);
      if (!old) throw mysqlError(ER_BAD_FIELD_ERROR, action.name, table.name);
      const { isInvisible: _was, ...visible } = old;
      const column: ColumnInfo = action.visibility === 'INVISIBLE' ? { ...visible, isInvisible: true } : visible;
      draft.columns = draft.columns.map((c) => (c.id === old.id ? column : c));
      return;
    }
  }
}

function replaceColumn(draft: Draft, old: ColumnInfo, def: ColumnDef, position: ColumnPosition | undefined, collation: string, session: ExecutionContext): void {
  if (def.name.toLowerCase() !== old.name.toLowerCase() && find(draft, def.name)) throw mysqlError(ER_DUP_FIELDNAME, def.name);
  const built = buildColumn(def, old.id, old.offset, collation, session);
  const isKey = draft.indexes.some((i) => i.info.isPrimary && i.columnIds.includes(old.id));
  const column: ColumnInfo = { ...built, isNotNull: built.isNotNull || isKey, ...(old.originDefault === undefined ? {} : { originDefault: old.originDefault }) };
  const isStorageChanged = JSON.stringify(column.type) !== JSON.stringify(old.type) || column.storesUtc !== old.storesUtc;
  if (isStorageChanged || (column.isNotNull && !old.isNotNull)) draft.rewrite = true;
  if (JSON.stringify(column.generated) !== JSON.stringify(old.generated)) draft.rewrite = true;
  if (def.check) draft.addedChecks.push({ check: def.check, column: def.name });
  draft.columns = draft.columns.filter((c) => c.id !== old.id);
  if (position) insertAt(draft, column, position);
  else {
    const at = Math.min(old.offset, draft.columns.length);
    draft.columns.splice(at, 0, column);
  }
}

/**
 * Deletes dropped indexes' entries, rewrites rows whose column types changed (computing generated columns anew),
 * builds new indexes, and checks the existing rows against added or newly enforced CHECK constraints (3819) and
 * added foreign keys (1452), as MySQL's table copy does.
 */
async function applyData(txn: KvTransaction, current: TableInfo, next: TableInfo, draft: Draft, scope: AlterScope, allocator: AutoIncrementAllocator): Promise<void> {
  const { catalog, databaseName, session } = scope;
  const tableId = BigInt(current.id);
  for (const indexId of draft.droppedIndexIds) {
    for await (const batch of txn.scan(tableIndexRange(tableId, BigInt(indexId)))) for (const pair of batch) txn.delete(pair.key);
  }
  const newIndexes = next.indexes.filter((index) => !current.indexes.some((old) => old.id === index.id));
  const checks = draft.checksToValidate.size > 0 || draft.rewrite ? CheckConstraints.compile(next, databaseName, session) : undefined;
  const parents = (next.foreignKeys ?? [])
    .filter((fk) => draft.foreignKeysToValidate.has(fk.name.toLowerCase()))
    .map((fk) => ParentCheck.create(fk, next, databaseName, catalog, txn, session, undefined));
  if (!draft.rewrite && newIndexes.length === 0 && !checks && parents.length === 0) return;
  const generated = draft.rewrite ? GeneratedColumns.compile(next, databaseName, session) : undefined;
  const expressionDefaults = draft.rewrite ? ExpressionDefaults.compile(next, databaseName, session) : undefined;
  const addedWithExpression = next.columns.filter((column) => expressionDefaults?.has(column) === true && !current.columns.some((c) => c.id === column.id));
  const oldRows = new TableRows(txn, current, undefined, undefined);
  const rows: { handle: bigint; row: Row }[] = [];
  for await (const batch of oldRows.scan()) rows.push(...batch);
  const nextRows = new TableRows(txn, next, undefined, undefined);
  // Rows keyed by a column that goes (or whose primary key goes) take new hidden row ids: every old row leaves first,
  // so a new id can never meet an old key.
  const isRekeyed = current.handleColumnOffset !== undefined && next.handleColumnOffset === undefined;
  if (isRekeyed) for (const { handle, row } of rows) await oldRows.delete(handle, row);
  let rowNumber = 0;
  for (const { handle, row } of rows) {
    rowNumber++;
    const converted: SqlValue[] = next.columns.map((column) => {
      const oldColumn = current.columns.find((c) => c.id === column.id);
      if ((column.generated && draft.rewrite) || addedWithExpression.includes(column)) return null;
      const value = oldColumn ? alteredTimestamp(row[oldColumn.offset] ?? null, oldColumn, column, session) : column.originDefault == null ? null : defaultLiteralValue(column.type, column.originDefault);
      const stored = coerceToColumn(value, column.type, { columnName: column.name, rowNumber, isStrict: session.isStrictMode, warnings: session.warnings });
      if (stored === null && column.isNotNull) throw mysqlError(ER_INVALID_USE_OF_NULL);
      return stored;
    });
    for (const column of addedWithExpression) {
      const stored = coerceToColumn(expressionDefaults!.evaluate(column, converted), column.type, { columnName: column.name, rowNumber, isStrict: session.isStrictMode, warnings: session.warnings });
      if (stored === null && column.isNotNull) throw mysqlError(ER_INVALID_USE_OF_NULL);
      converted[column.offset] = stored;
    }
    generated?.fill(converted, rowNumber, session.isStrictMode);
    checks?.verify(converted);
    for (const parent of parents) await parent.verify(converted);
    if (isRekeyed) {
      await nextRows.insert(await allocator.next(next.id), converted);
    } else if (draft.rewrite) {
      await oldRows.delete(handle, row);
      await nextRows.insert(handle, converted);
    } else {
      for (const index of newIndexes) await nextRows.addIndexEntry(index, handle, converted);
    }
  }
}
