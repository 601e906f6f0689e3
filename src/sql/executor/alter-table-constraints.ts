// The constraint side of ALTER TABLE: adding, dropping and (un)enforcing CHECK and FOREIGN KEY constraints, and what
// a column or index change may not break (generated columns, CHECKs, foreign keys that depend on it).
import {
  mysqlError,
  ER_ALTER_CONSTRAINT_ENFORCEMENT_NOT_SUPPORTED,
  ER_CANT_DROP_FIELD_OR_KEY,
  ER_CHECK_CONSTRAINT_NOT_FOUND,
  ER_CONSTRAINT_NOT_FOUND,
  ER_DEPENDENT_BY_CHECK_CONSTRAINT,
  ER_CANNOT_DROP_COLUMN_FUNCTIONAL_INDEX,
  ER_DEPENDENT_BY_DEFAULT_GENERATED_VALUE,
  ER_DEPENDENT_BY_GENERATED_COLUMN,
  ER_DROP_INDEX_FK,
  ER_FK_COLUMN_CANNOT_DROP,
  ER_FK_COLUMN_CANNOT_DROP_CHILD,
  ER_FK_INCOMPATIBLE_COLUMNS,
  ER_MULTIPLE_CONSTRAINTS_WITH_SAME_NAME,
} from '../../errors/index.js';
import type { AlterTableAction } from '../ast/index.js';
import type { Catalog, ColumnInfo, TableInfo } from '../catalog/index.js';
import { referencingKeys } from '../constraints/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { addIndex, dropIndex } from './alter-table-draft.js';
import type { Draft, DraftIndex } from './alter-table-draft.js';
import { buildCheckConstraints, checkNamesInDatabase } from './check-constraint-definition.js';
import { isCompatible, planForeignKeys } from './foreign-key-definition.js';
import { columnsReadBy, validateGeneratedColumns } from './generated-column-definition.js';
import { validateExpressionDefaults } from './expression-default-definition.js';
import { checkVisibleColumn } from './check-visible-column.js';

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The table an ALTER works on, and where the catalog is. */
export interface AlterScope {
  readonly table: TableInfo;
  readonly databaseName: string;
  readonly catalog: Catalog;
  readonly session: ExecutionContext;
}

/**
 * Applies a constraint action to the draft: ADD CHECK / FOREIGN KEY (built after all column actions), DROP FOREIGN
 * KEY (1091), DROP CHECK (3821), DROP CONSTRAINT of any kind (3940; 3939 when the name is ambiguous), ALTER CHECK |
 * CONSTRAINT … [NOT] ENFORCED (3821/3940; 3941 for keys). Returns false for any other action.
 */
export function applyConstraintAction(draft: Draft, action: AlterTableAction): boolean {
  switch (action.kind) {
    case 'AddConstraint':
      if (action.constraint.kind === 'CheckConstraint') draft.addedChecks.push({ check: action.constraint });
      else if (action.constraint.kind === 'ForeignKeyDef') draft.addedForeignKeys.push(action.constraint);
      else return false;
      return true;
    case 'DropForeignKey': {
      const fk = draft.foreignKeys.find((candidate) => same(candidate.name, action.name));
      if (!fk) throw mysqlError(ER_CANT_DROP_FIELD_OR_KEY, action.name);
      draft.foreignKeys = draft.foreignKeys.filter((candidate) => candidate !== fk);
      return true;
    }
    case 'DropCheck':
      if (!dropCheck(draft, action.name)) throw mysqlError(ER_CHECK_CONSTRAINT_NOT_FOUND, action.name);
      return true;
    case 'DropConstraint': {
      const kinds = constraintKinds(draft, action.name);
      if (kinds.length === 0) throw mysqlError(ER_CONSTRAINT_NOT_FOUND, action.name);
      if (kinds.length > 1) throw mysqlError(ER_MULTIPLE_CONSTRAINTS_WITH_SAME_NAME, action.name, `DROP ${kinds.join('/')}`);
      if (kinds[0] === 'CHECK') dropCheck(draft, action.name);
      else if (kinds[0] === 'FOREIGN KEY') draft.foreignKeys = draft.foreignKeys.filter((fk) => !same(fk.name, action.name));
      else {
        const index = draft.indexes.find((candidate) => same(candidate.info.name, action.name))!;
        // The primary key goes as DROP PRIMARY KEY does: the table's own actions rekey the rows.
        if (index.info.isPrimary) return false;
        dropIndex(draft, index);
      }
      return true;
    }
    case 'AlterCheckEnforcement': {
      const check = draft.checks.find((candidate) => same(candidate.name, action.name));
      if (!check) {
        if (action.word === 'CHECK') throw mysqlError(ER_CHECK_CONSTRAINT_NOT_FOUND, action.name);
        if (constraintKinds(draft, action.name).length > 0) throw mysqlError(ER_ALTER_CONSTRAINT_ENFORCEMENT_NOT_SUPPORTED, action.name);
        throw mysqlError(ER_CONSTRAINT_NOT_FOUND, action.name);
      }
      draft.checks = draft.checks.map((candidate) => (candidate === check ? { ...check, isEnforced: action.isEnforced } : candidate));
      if (action.isEnforced && !check.isEnforced) draft.checksToValidate.add(check.name.toLowerCase());
      return true;
    }
    default:
      return false;
  }
}

function dropCheck(draft: Draft, name: string): boolean {
  const before = draft.checks.length;
  draft.checks = draft.checks.filter((check) => !same(check.name, name));
  return draft.checks.length < before;
}

/** The kinds of constraint named `name` (MySQL's DROP CONSTRAINT looks at all of them). */
function constraintKinds(draft: Draft, name: string): string[] {
  const kinds: string[] = [];
  if (draft.indexes.some((index) => (index.info.isUnique || index.info.isPrimary) && same(index.info.name, name))) kinds.push(draft.indexes.find((index) => same(index.info.name, name))!.info.isPrimary ? 'PRIMARY' : 'UNIQUE');
  if (draft.foreignKeys.some((fk) => same(fk.name, name))) kinds.push('FOREIGN KEY');
  if (draft.checks.some((check) => same(check.name, name))) kinds.push('CHECK');
  return kinds;
}

/**
 * What dropping `column` may not break: a generated column reading it (3108), a CHECK reading it (3959), the table's
 * own foreign key on it (1828), another table's (or its own) foreign key referencing it (1829).
 */
export function checkColumnDrop(draft: Draft, column: ColumnInfo, scope: AlterScope): void {
  checkColumnDependents(draft, column, scope.table.name);
  const fk = draft.foreignKeys.find((candidate) => candidate.columns.some((name) => same(name, column.name)));
  if (fk) throw mysqlError(ER_FK_COLUMN_CANNOT_DROP, column.name, fk.name);
  const child = referencingKeys(scope.catalog, scope.databaseName, scope.table.name).find((key) => key.fk.refColumns.some((name) => same(name, column.name)));
  if (child) throw mysqlError(ER_FK_COLUMN_CANNOT_DROP_CHILD, column.name, child.fk.name, child.child.name);
}

/**
 * A column read by a generated column (3108), a functional index (3755), an expression default (3766) or a CHECK
 * constraint (3959) can be neither dropped nor renamed.
 */
function checkColumnDependents(draft: Draft, column: ColumnInfo, tableName: string): void {
  const name = column.name.toLowerCase();
  const generated = draft.columns.find((other) => other.id !== column.id && other.generated && columnsReadBy(other.generated.expr).has(name));
  if (generated?.isFunctionalKeyPart === true) throw mysqlError(ER_CANNOT_DROP_COLUMN_FUNCTIONAL_INDEX, column.name);
  if (generated) throw mysqlError(ER_DEPENDENT_BY_GENERATED_COLUMN, column.name);
  const readsIt = (other: ColumnInfo): boolean => other.id !== column.id && other.defaultValue.kind === 'expression' && columnsReadBy(other.defaultValue.expr).has(name);
  if (draft.columns.some(readsIt)) throw mysqlError(ER_DEPENDENT_BY_DEFAULT_GENERATED_VALUE, column.name, tableName);
  const check = draft.checks.find((candidate) => columnsReadBy(candidate.expr).has(name));
  if (check) throw mysqlError(ER_DEPENDENT_BY_CHECK_CONSTRAINT, check.name, column.name);
}

/**
 * Renames a column in the constraints that name it: the table's foreign keys (child side), and the foreign keys
 * that reference it (the table's own, and other tables', kept in `draft.children`), as MySQL does; a generated
 * column, expression default or CHECK reading it forbids the rename (3108, 3766, 3959).
 */
export function renameColumnInConstraints(draft: Draft, column: ColumnInfo, newName: string, scope: AlterScope): void {
  if (same(column.name, newName)) return;
  checkColumnDependents(draft, column, scope.table.name);
  const rename = (names: readonly string[]): string[] => names.map((name) => (same(name, column.name) ? newName : name));
  const isSelf = (database: string, table: string): boolean => same(database, scope.databaseName) && same(table, scope.table.name);
  draft.foreignKeys = draft.foreignKeys.map((fk) => ({
    ...fk,
    columns: rename(fk.columns),
    ...(isSelf(fk.refDatabase, fk.refTable) && { refColumns: rename(fk.refColumns) }),
  }));
  for (const key of referencingKeys(scope.catalog, scope.databaseName, scope.table.name)) {
    if (key.child.id === scope.table.id) continue;
    const child = draft.children.get(key.child.id) ?? key.child;
    const foreignKeys = (child.foreignKeys ?? []).map((fk) => (isSelf(fk.refDatabase, fk.refTable) ? { ...fk, refColumns: rename(fk.refColumns) } : fk));
    draft.children.set(child.id, { ...child, foreignKeys });
  }
}

/**
 * 1553 when a foreign key would be left without an index that starts with its columns: the table's own keys after
 * `dropped` goes, and the keys of other tables that reference this one.
 */
export function checkIndexDrop(draft: Draft, dropped: DraftIndex, scope: AlterScope): void {
  const remaining = draft.indexes.filter((index) => index !== dropped);
  const namesOf = (index: DraftIndex): string[] => index.columnIds.map((id) => draft.columns.find((column) => column.id === id)?.name ?? '');
  const isServed = (columns: readonly string[]): boolean => remaining.some((index) => columns.every((name, i) => same(namesOf(index)[i] ?? '', name)));
  const needs = (columns: readonly string[]): boolean => columns.every((name, i) => same(namesOf(dropped)[i] ?? '', name));
  for (const fk of draft.foreignKeys) if (needs(fk.columns) && !isServed(fk.columns)) throw mysqlError(ER_DROP_INDEX_FK, dropped.info.name);
  for (const key of referencingKeys(scope.catalog, scope.databaseName, scope.table.name)) {
    if (needs(key.fk.refColumns) && !isServed(key.fk.refColumns)) throw mysqlError(ER_DROP_INDEX_FK, dropped.info.name);
  }
}

/**
 * After every action: plans the added foreign keys (adding the indexes they need), builds the added CHECKs, and
 * checks the generated columns and every foreign key whose columns' types the statement may have changed (3780).
 */
export function finishConstraints(draft: Draft, scope: AlterScope): void {
  const { table, databaseName, catalog, session } = scope;
  const name = draft.renameTo?.name ?? table.name;
  if (draft.addedForeignKeys.length > 0) {
    const nameOf = (id: number): string => draft.columns.find((column) => column.id === id)?.name ?? '';
    const planned = planForeignKeys(
      draft.addedForeignKeys,
      {
        databaseName,
        name: table.name,
        columns: draft.columns,
        indexColumns: draft.indexes.map((index) => index.columnIds.map(nameOf)),
        indexNames: new Set(draft.indexes.map((index) => index.info.name)),
        foreignKeys: draft.foreignKeys,
      },
      catalog,
      session.isForeignKeyChecks ?? true,
    );
    for (const index of planned.newIndexes) {
      const ids = index.columns.map((column) => draft.columns.find((candidate) => same(candidate.name, column))!.id);
      addIndex(draft, { id: 0, name: index.name, isUnique: false, isPrimary: false }, ids);
    }
    draft.foreignKeys.push(...planned.foreignKeys);
    if (session.isForeignKeyChecks ?? true) for (const fk of planned.foreignKeys) draft.foreignKeysToValidate.add(fk.name.toLowerCase());
  }
  if (draft.addedChecks.length > 0) {
    const added = buildCheckConstraints(draft.addedChecks, { name, columns: draft.columns, checks: draft.checks, foreignKeys: draft.foreignKeys }, checkNamesInDatabase(catalog, databaseName, table.name), session);
    draft.checks.push(...added);
    for (const check of added) if (check.isEnforced) draft.checksToValidate.add(check.name.toLowerCase());
  }
  const indexes = draft.indexes.map((index) => ({ isPrimary: index.info.isPrimary, columnOffsets: index.columnIds.map((id) => draft.columns.findIndex((column) => column.id === id)) }));
  const placed = draft.columns.map((column, offset) => ({ ...column, offset }));
  validateGeneratedColumns(placed, indexes, session);
  validateExpressionDefaults(placed, session);
  checkVisibleColumn(placed);
  checkKeyTypes(draft, scope);
}

/** 3780 when a column change left a foreign key (the table's own, or one referencing it) with incompatible columns. */
function checkKeyTypes(draft: Draft, scope: AlterScope): void {
  const column = (name: string): ColumnInfo | undefined => draft.columns.find((candidate) => same(candidate.name, name));
  for (const fk of draft.foreignKeys) {
    const isSelf = same(fk.refDatabase, scope.databaseName) && same(fk.refTable, scope.table.name);
    const parent = isSelf ? undefined : scope.catalog.findTable(fk.refDatabase, fk.refTable);
    fk.columns.forEach((name, i) => {
      const childColumn = column(name);
      const refName = fk.refColumns[i] ?? '';
      const parentColumn = isSelf ? column(refName) : parent?.columns.find((candidate) => same(candidate.name, refName));
      if (childColumn && parentColumn && !isCompatible(childColumn, parentColumn)) throw mysqlError(ER_FK_INCOMPATIBLE_COLUMNS, childColumn.name, parentColumn.name, fk.name);
    });
  }
  for (const key of referencingKeys(scope.catalog, scope.databaseName, scope.table.name)) {
    if (key.child.id === scope.table.id) continue;
    const child = draft.children.get(key.child.id) ?? key.child;
    const fk = (child.foreignKeys ?? []).find((candidate) => same(candidate.name, key.fk.name)) ?? key.fk;
    fk.refColumns.forEach((refName, i) => {
      const parentColumn = column(refName);
      const childColumn = child.columns.find((candidate) => same(candidate.name, fk.columns[i] ?? ''));
      if (childColumn && parentColumn && !isCompatible(childColumn, parentColumn)) throw mysqlError(ER_FK_INCOMPATIBLE_COLUMNS, childColumn.name, parentColumn.name, fk.name);
    });
  }
}
