// CREATE INDEX / DROP INDEX: change a table's indexes, backfilling or deleting their entries in the same transaction.
import {
  mysqlError,
  ER_CANT_DROP_FIELD_OR_KEY,
  ER_DUP_KEYNAME,
  ER_KEY_COLUMN_DOES_NOT_EXITS,
  ER_NOT_SUPPORTED_YET,
} from '../../errors/index.js';
import type { CreateIndexStmt, DropIndexStmt, IndexPart, TableName } from '../ast/index.js';
import type { Catalog, IndexInfo, TableInfo } from '../catalog/index.js';
import { CURRENT_INDEX_KEY_VERSION } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { tableIndexRange } from '../../storage/index.js';
import { OK_NOTHING } from '../statement-result.js';
import type { OkResult } from '../statement-result.js';
import { TableRows } from '../table/table-rows.js';
import { checkKeyPartType } from './key-part-type.js';
import { resolveTable } from './resolve-table.js';
import { draftOf } from './alter-table-draft.js';
import { checkIndexDrop } from './alter-table-constraints.js';
import { descendingParts, indexVisibility } from './create-table-executor.js';

/** The column offsets of index parts, with MySQL's errors for unknown columns and unprefixed BLOB/TEXT keys. */
export function indexColumnOffsets(table: TableInfo, parts: readonly IndexPart[]): number[] {
  return parts.map((part) => {
    if (part.column === undefined) throw mysqlError(ER_NOT_SUPPORTED_YET, 'functional key parts');
    const offset = table.columns.findIndex((column) => column.name.toLowerCase() === part.column!.toLowerCase());
    if (offset < 0) throw mysqlError(ER_KEY_COLUMN_DOES_NOT_EXITS, part.column);
    checkKeyPartType(table.columns[offset]!.type, part.column, part.length);
    return offset;
  });
}

/** True when CREATE INDEX IF NOT EXISTS finds the index there already (and so does nothing). */
export function isSkippedByIfNotExists(ref: TableName, name: string, catalog: Catalog, session: ExecutionContext, ifNotExists: boolean | undefined): boolean {
  return ifNotExists === true && findIndex(ref, name, catalog, session) !== undefined;
}

/** True when the index `name` of `table` has functional key parts (hidden columns that go with it). */
export function isFunctionalIndex(ref: TableName, name: string, catalog: Catalog, session: ExecutionContext): boolean {
  const found = findIndex(ref, name, catalog, session);
  return found !== undefined && found.index.columnOffsets.some((offset) => found.table.columns[offset]?.isFunctionalKeyPart === true);
}

function findIndex(ref: TableName, name: string, catalog: Catalog, session: ExecutionContext): { table: TableInfo; index: IndexInfo } | undefined {
  try {
    const { table } = resolveTable(ref, catalog, session);
    const index = table.indexes.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    return index && { table, index };
  } catch {
    return undefined;
  }
}

/** CREATE [UNIQUE] INDEX name ON t (cols): existing rows are indexed (and checked for duplicates) before commit. */
export async function executeCreateIndex(stmt: CreateIndexStmt, catalog: Catalog, session: ExecutionContext): Promise<OkResult> {
  if (stmt.indexType === 'FULLTEXT' || stmt.indexType === 'SPATIAL') throw mysqlError(ER_NOT_SUPPORTED_YET, `${stmt.indexType} indexes`);
  const { table, databaseName } = resolveTable(stmt.table, catalog, session);
  if (table.indexes.some((index) => index.name.toLowerCase() === stmt.name.toLowerCase())) {
    if (stmt.ifNotExists) return OK_NOTHING;
    throw mysqlError(ER_DUP_KEYNAME, stmt.name);
  }
  const columnOffsets = indexColumnOffsets(table, stmt.parts);
  await catalog.alterTable(databaseName, table.name, async (current, txn) => {
    const index: IndexInfo = {
      id: Math.max(0, ...current.indexes.map((existing) => existing.id)) + 1,
      name: stmt.name,
      columnOffsets,
      isUnique: stmt.indexType === 'UNIQUE',
      isPrimary: false,
      keyVersion: CURRENT_INDEX_KEY_VERSION,
      ...descendingParts(stmt.parts),
      ...indexVisibility(stmt.options, false),
    };
    const next: TableInfo = { ...current, indexes: [...current.indexes, index] };
    const rows = new TableRows(txn, next, undefined, undefined);
    for await (const batch of rows.scan()) {
      for (const { handle, row } of batch) await rows.addIndexEntry(index, handle, row);
    }
    return next;
  });
  return OK_NOTHING;
}

/**
 * DROP INDEX name ON t: the entries go with the definition. The primary key (always named PRIMARY) never gets here:
 * the statement table sends it to ALTER TABLE, whose rebuild rekeys the rows.
 */
export async function executeDropIndex(stmt: DropIndexStmt, catalog: Catalog, session: ExecutionContext): Promise<OkResult> {
  const { table, databaseName } = resolveTable(stmt.table, catalog, session);
  const index = table.indexes.find((candidate) => candidate.name.toLowerCase() === stmt.name.toLowerCase());
  if (!index) {
    if (stmt.ifExists) return OK_NOTHING;
    throw mysqlError(ER_CANT_DROP_FIELD_OR_KEY, stmt.name);
  }
  const draft = draftOf(table);
  checkIndexDrop(draft, draft.indexes.find((candidate) => candidate.info.id === index.id)!, { table, databaseName, catalog, session });
  await catalog.alterTable(databaseName, table.name, async (current, txn) => {
    for await (const batch of txn.scan(tableIndexRange(BigInt(current.id), BigInt(index.id)))) {
      for (const pair of batch) txn.delete(pair.key);
    }
    return { ...current, indexes: current.indexes.filter((candidate) => candidate.id !== index.id) };
  });
  return OK_NOTHING;
}
