// The information_schema tables of constraints: TABLE_CONSTRAINTS, KEY_COLUMN_USAGE, REFERENTIAL_CONSTRAINTS and
// CHECK_CONSTRAINTS, from each table's keys, foreign keys and CHECK constraints.
import type { Catalog, ForeignKeyInfo, TableInfo } from '../catalog/index.js';
import { columnOffsetsOf, keyAccess } from '../constraints/index.js';
import type { Row } from '../types/index.js';
import { CATALOG, allTables } from './catalog-tables.js';
import { NAME, TEXT, UINT, columns } from './system-table.js';
import type { SystemTable } from './system-table.js';

export const TABLE_CONSTRAINTS: SystemTable = {
  name: 'TABLE_CONSTRAINTS',
  columns: columns([
    ['CONSTRAINT_CATALOG', NAME], ['CONSTRAINT_SCHEMA', NAME], ['CONSTRAINT_NAME', NAME, true], ['TABLE_SCHEMA', NAME],
    ['TABLE_NAME', NAME], ['CONSTRAINT_TYPE', NAME], ['ENFORCED', NAME],
  ]),
  rows: (context) =>
    allTables(context).flatMap(({ database, table }) => {
      const row = (name: string, type: string, isEnforced = true): Row => [CATALOG, database.name, name, database.name, table.name, type, isEnforced ? 'YES' : 'NO'];
      return [
        ...table.indexes.filter((index) => index.isUnique).map((index) => row(index.name, index.isPrimary ? 'PRIMARY KEY' : 'UNIQUE')),
        ...(table.foreignKeys ?? []).map((fk) => row(fk.name, 'FOREIGN KEY')),
        ...(table.checks ?? []).map((check) => row(check.name, 'CHECK', check.isEnforced)),
      ];
    }),
};

/** The columns of primary keys, unique keys and foreign keys (these with the parent columns they reference). */
export const KEY_COLUMN_USAGE: SystemTable = {
  name: 'KEY_COLUMN_USAGE',
  columns: columns([
    ['CONSTRAINT_CATALOG', NAME], ['CONSTRAINT_SCHEMA', NAME], ['CONSTRAINT_NAME', NAME, true], ['TABLE_CATALOG', NAME],
    ['TABLE_SCHEMA', NAME], ['TABLE_NAME', NAME], ['COLUMN_NAME', NAME, true], ['ORDINAL_POSITION', UINT],
    ['POSITION_IN_UNIQUE_CONSTRAINT', UINT, true], ['REFERENCED_TABLE_SCHEMA', NAME, true],
    ['REFERENCED_TABLE_NAME', NAME, true], ['REFERENCED_COLUMN_NAME', NAME, true],
  ]),
  rows: (context) =>
    allTables(context).flatMap(({ database, table }) => [
      ...table.indexes
        .filter((index) => index.isUnique)
        .flatMap((index) =>
          index.columnOffsets.map((offset, i): Row => [
            CATALOG, database.name, index.name, CATALOG, database.name, table.name, table.columns[offset]!.name, BigInt(i + 1),
            null, null, null, null,
          ]),
        ),
      ...(table.foreignKeys ?? []).flatMap((fk) =>
        fk.columns.map((column, i): Row => [
          CATALOG, database.name, fk.name, CATALOG, database.name, table.name, column, BigInt(i + 1), BigInt(i + 1),
          fk.refDatabase, fk.refTable, fk.refColumns[i] ?? null,
        ]),
      ),
    ]),
};

export const REFERENTIAL_CONSTRAINTS: SystemTable = {
  name: 'REFERENTIAL_CONSTRAINTS',
  columns: columns([
    ['CONSTRAINT_CATALOG', NAME], ['CONSTRAINT_SCHEMA', NAME], ['CONSTRAINT_NAME', NAME, true],
    ['UNIQUE_CONSTRAINT_CATALOG', NAME], ['UNIQUE_CONSTRAINT_SCHEMA', NAME], ['UNIQUE_CONSTRAINT_NAME', NAME, true],
    ['MATCH_OPTION', NAME], ['UPDATE_RULE', NAME], ['DELETE_RULE', NAME], ['TABLE_NAME', NAME], ['REFERENCED_TABLE_NAME', NAME],
  ]),
  rows: (context) =>
    allTables(context).flatMap(({ database, table }) =>
      (table.foreignKeys ?? []).map((fk): Row => [
        CATALOG, database.name, fk.name, CATALOG, fk.refDatabase, referencedIndexName(context.catalog, fk), 'NONE', fk.onUpdate, fk.onDelete,
        table.name, fk.refTable,
      ]),
    ),
};

/** The parent's index the foreign key uses (PRIMARY, a unique key, or any index starting with its columns). */
function referencedIndexName(catalog: Catalog, fk: ForeignKeyInfo): string | null {
  const parent: TableInfo | undefined = catalog.findTable(fk.refDatabase, fk.refTable);
  const offsets = parent && columnOffsetsOf(parent, fk.refColumns);
  const access = parent && offsets ? keyAccess(parent, offsets) : undefined;
  if (!access) return null;
  return access.kind === 'handle' ? 'PRIMARY' : access.index.name;
}

/**
 * CHECK_CLAUSE is the stored expression with quotes and backslashes escaped, as MySQL 8.0 shows it
 * (`(`status` in (_utf8mb4\'a\',_utf8mb4\'b\'))`).
 */
export const CHECK_CONSTRAINTS: SystemTable = {
  name: 'CHECK_CONSTRAINTS',
  columns: columns([['CONSTRAINT_CATALOG', NAME], ['CONSTRAINT_SCHEMA', NAME], ['CONSTRAINT_NAME', NAME], ['CHECK_CLAUSE', TEXT]]),
  rows: (context) =>
    allTables(context).flatMap(({ database, table }) =>
      (table.checks ?? []).map((check): Row => [CATALOG, database.name, check.name, check.expr.replace(/\\/g, '\\\\').replace(/'/g, "\\'")]),
    ),
};
