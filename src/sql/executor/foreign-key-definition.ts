// planForeignKeys: MySQL's checks and naming of FOREIGN KEY constraints, and the index each needs in the child.
import {
  mysqlError,
  ER_CANNOT_ADD_FOREIGN,
  ER_CANNOT_ADD_FOREIGN_BASE_COL_STORED,
  ER_FK_CANNOT_OPEN_PARENT,
  ER_FK_CANNOT_USE_VIRTUAL_COLUMN,
  ER_FK_COLUMN_NOT_NULL,
  ER_FK_DUP_NAME,
  ER_FK_INCOMPATIBLE_COLUMNS,
  ER_FK_NO_COLUMN_PARENT,
  ER_FK_NO_INDEX_PARENT,
  ER_KEY_COLUMN_DOES_NOT_EXITS,
  ER_TOO_LONG_IDENT,
  ER_WRONG_FK_DEF,
  ER_WRONG_FK_OPTION_FOR_GENERATED_COLUMN,
} from '../../errors/index.js';
import type { ForeignKeyDef, ReferentialAction } from '../ast/index.js';
import type { Catalog, ColumnInfo, ForeignKeyInfo, ReferentialRule } from '../catalog/index.js';
import { columnsReadBy } from './generated-column-definition.js';
import { TypeKind, isBinaryType, isBlobType, isIntegerType, isTextType } from '../types/index.js';
import { highestGeneratedNumber, uniqueIndexName } from './constraint-names.js';

const MAX_IDENTIFIER_LENGTH = 64;

/** The child table as far as its foreign keys are concerned: its columns and the column lists of its indexes. */
export interface ForeignKeyChild {
  readonly databaseName: string;
  readonly name: string;
  readonly columns: readonly ColumnInfo[];
  /** Each index's columns by name (those with a prefix length left out), primary key included. */
  readonly indexColumns: readonly (readonly string[])[];
  readonly indexNames: ReadonlySet<string>;
  readonly foreignKeys: readonly ForeignKeyInfo[];
}

/** The foreign keys to add and the indexes the child needs for them (named as MySQL names them). */
export interface PlannedForeignKeys {
  readonly foreignKeys: ForeignKeyInfo[];
  readonly newIndexes: { readonly name: string; readonly columns: readonly string[] }[];
}

/**
 * Checks and names new foreign keys as MySQL 8.0 with InnoDB does. The name is the CONSTRAINT symbol or
 * `<table>_ibfk_<n>` (numbering on from the table's highest), unique in the database (1826). The parent must
 * exist (1824, unless foreign_key_checks = 0) and have an index whose leading columns are the referenced ones
 * (1822); each pair of columns must be of compatible types (3780: same integer size and sign, same decimal
 * precision, strings of one collation, …). SET NULL needs nullable columns (1830); SET DEFAULT is refused (1215);
 * a virtual column cannot take part (3733), nor a stored generated one in a cascading key (3104), nor a base column
 * of a stored generated column (3192). When no index of the child starts with the key's columns one is added,
 * named after the constraint symbol, else the FOREIGN KEY index name, else the first column.
 * https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html
 */
export function planForeignKeys(defs: readonly ForeignKeyDef[], child: ForeignKeyChild, catalog: Catalog, isChecking: boolean): PlannedForeignKeys {
  const prefix = `${child.name}_ibfk_`;
  let counter = highestGeneratedNumber(child.foreignKeys.map((fk) => fk.name), prefix);
  const taken = foreignKeyNamesInDatabase(catalog, child.databaseName, child.name);
  for (const fk of child.foreignKeys) taken.add(fk.name.toLowerCase());
  const indexColumns = [...child.indexColumns];
  const indexNames = new Set([...child.indexNames].map((name) => name.toLowerCase()));
  const planned: PlannedForeignKeys = { foreignKeys: [], newIndexes: [] };
  for (const def of defs) {
    const name = def.constraintName ?? `${prefix}${++counter}`;
    if (name.length > MAX_IDENTIFIER_LENGTH) throw mysqlError(ER_TOO_LONG_IDENT, name);
    if (taken.has(name.toLowerCase())) throw mysqlError(ER_FK_DUP_NAME, name);
    taken.add(name.toLowerCase());
    const ref = def.references;
    if (ref.columns.length !== def.columns.length) throw mysqlError(ER_WRONG_FK_DEF, name, "Key reference and table reference don't match");
    // MySQL accepts MATCH but then ignores the ON DELETE / ON UPDATE clauses of the key.
    const onDelete = ref.match === undefined ? rule(ref.onDelete) : 'NO ACTION';
    const onUpdate = ref.match === undefined ? rule(ref.onUpdate) : 'NO ACTION';
    if (onDelete === 'SET DEFAULT' || onUpdate === 'SET DEFAULT') throw mysqlError(ER_CANNOT_ADD_FOREIGN);
    const fk: ForeignKeyInfo = {
      name,
      columns: def.columns.map((column) => childColumn(child, column, name, onDelete, onUpdate).name),
      refDatabase: ref.table.db ?? child.databaseName,
      refTable: ref.table.name,
      refColumns: ref.columns,
      onDelete,
      onUpdate,
    };
    checkParent(fk, child, catalog, isChecking, indexColumns);
    if (!indexColumns.some((columns) => startsWith(columns, fk.columns))) {
      const indexName = uniqueIndexName(def.constraintName ?? def.indexName ?? fk.columns[0]!, indexNames);
      indexNames.add(indexName.toLowerCase());
      indexColumns.push(fk.columns);
      planned.newIndexes.push({ name: indexName, columns: fk.columns });
    }
    planned.foreignKeys.push(fk);
  }
  return planned;
}

/** The names of the foreign keys of every table of `databaseName` except `exceptTable` (names are per database). */
function foreignKeyNamesInDatabase(catalog: Catalog, databaseName: string, exceptTable: string): Set<string> {
  const names = new Set<string>();
  if (!catalog.findDatabase(databaseName)) return names;
  for (const table of catalog.listTables(databaseName)) {
    if (table.name.toLowerCase() === exceptTable.toLowerCase()) continue;
    for (const fk of table.foreignKeys ?? []) names.add(fk.name.toLowerCase());
  }
  return names;
}

function rule(action: ReferentialAction | undefined): ReferentialRule {
  return action ?? 'NO ACTION';
}

function childColumn(child: ForeignKeyChild, name: string, fkName: string, onDelete: ReferentialRule, onUpdate: ReferentialRule): ColumnInfo {
  const column = child.columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!column) throw mysqlError(ER_KEY_COLUMN_DOES_NOT_EXITS, name);
  if (column.generated && !column.generated.isStored) throw mysqlError(ER_FK_CANNOT_USE_VIRTUAL_COLUMN, fkName, column.name);
  if (column.generated) {
    const clause = onUpdate === 'CASCADE' ? 'ON UPDATE CASCADE' : onUpdate === 'SET NULL' ? 'ON UPDATE SET NULL' : onDelete === 'SET NULL' ? 'ON DELETE SET NULL' : undefined;
    if (clause) throw mysqlError(ER_WRONG_FK_OPTION_FOR_GENERATED_COLUMN, clause);
  }
  const isCascading = onDelete === 'CASCADE' || onDelete === 'SET NULL' || onUpdate === 'CASCADE' || onUpdate === 'SET NULL';
  if (isCascading && child.columns.some((other) => other.generated?.isStored === true && columnsReadBy(other.generated.expr).has(column.name.toLowerCase()))) {
    throw mysqlError(ER_CANNOT_ADD_FOREIGN_BASE_COL_STORED);
  }
  if ((onDelete === 'SET NULL' || onUpdate === 'SET NULL') && column.isNotNull) throw mysqlError(ER_FK_COLUMN_NOT_NULL, column.name, fkName);
  return column;
}

/** The parent's checks; a missing parent is allowed only with foreign_key_checks = 0. */
function checkParent(fk: ForeignKeyInfo, child: ForeignKeyChild, catalog: Catalog, isChecking: boolean, childIndexColumns: readonly (readonly string[])[]): void {
  const isSelf = fk.refDatabase.toLowerCase() === child.databaseName.toLowerCase() && fk.refTable.toLowerCase() === child.name.toLowerCase();
  const table = isSelf ? undefined : catalog.findTable(fk.refDatabase, fk.refTable);
  if (!isSelf && (!table || table.view)) {
    if (isChecking) throw mysqlError(ER_FK_CANNOT_OPEN_PARENT, fk.refTable);
    return;
  }
  const columns = isSelf ? child.columns : table!.columns;
  const indexColumns = isSelf
    ? childIndexColumns
    : table!.indexes.map((index) => index.columnOffsets.map((offset) => table!.columns[offset]!.name));
  const parentColumns = fk.refColumns.map((name) => {
    const column = columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!column) throw mysqlError(ER_FK_NO_COLUMN_PARENT, name, fk.name, fk.refTable);
    return column;
  });
  fk.columns.forEach((name, i) => {
    const childColumn = child.columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())!;
    if (!isCompatible(childColumn, parentColumns[i]!)) throw mysqlError(ER_FK_INCOMPATIBLE_COLUMNS, childColumn.name, parentColumns[i]!.name, fk.name);
  });
  if (!indexColumns.some((names) => startsWith(names, parentColumns.map((column) => column.name)))) throw mysqlError(ER_FK_NO_INDEX_PARENT, fk.name, fk.refTable);
}

/**
 * InnoDB's rule: the two columns must compare without conversion. Integers of one size and sign, DECIMALs of one
 * precision and scale, the same floating or temporal type, strings (CHAR/VARCHAR) of one collation, binary strings
 * of one kind; never BLOB/TEXT (they cannot be indexed whole).
 */
export function isCompatible(child: ColumnInfo, parent: ColumnInfo): boolean {
  const a = child.type;
  const b = parent.type;
  if (isBlobType(a) || isBlobType(b)) return false;
  if (isIntegerType(a) || isIntegerType(b)) return a.kind === b.kind && Boolean(a.isUnsigned) === Boolean(b.isUnsigned);
  if (a.kind === TypeKind.Decimal || b.kind === TypeKind.Decimal) return a.kind === b.kind && a.length === b.length && a.decimals === b.decimals;
  if (isTextType(a) || isTextType(b)) return isTextType(a) && isTextType(b) && a.collation === b.collation && Boolean(a.valueSet) === Boolean(b.valueSet);
  if (isBinaryType(a) || isBinaryType(b)) return isBinaryType(a) && isBinaryType(b);
  return a.kind === b.kind;
}

function startsWith(columns: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((name, i) => columns[i]?.toLowerCase() === name.toLowerCase());
}

