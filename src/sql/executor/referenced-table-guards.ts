// What DROP TABLE and TRUNCATE TABLE may not do to a table other tables' foreign keys reference.
import { mysqlError, ER_FK_CANNOT_DROP_PARENT, ER_TRUNCATE_ILLEGAL_FK } from '../../errors/index.js';
import type { Catalog, ForeignKeyInfo } from '../catalog/index.js';
import { referencingKeys } from '../constraints/index.js';
import type { ExecutionContext } from '../execution-context.js';

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * DROP TABLE of a table another table's foreign key references fails with 3730 (unless that table is dropped by
 * the same statement, or foreign_key_checks = 0, as in MySQL); a self-reference does not count.
 */
export function checkDropReferenced(catalog: Catalog, dropped: readonly { readonly databaseName: string; readonly name: string }[], session: ExecutionContext): void {
  if (!(session.isForeignKeyChecks ?? true)) return;
  const isDropped = (database: string, table: string): boolean => dropped.some((name) => sameName(name.databaseName, database) && sameName(name.name, table));
  for (const { databaseName, name } of dropped) {
    const table = catalog.findTable(databaseName, name);
    if (!table) continue;
    const blocking = referencingKeys(catalog, databaseName, table.name).find((key) => !isDropped(key.childDatabase, key.child.name));
    if (blocking) throw mysqlError(ER_FK_CANNOT_DROP_PARENT, table.name, blocking.fk.name, blocking.child.name);
  }
}

/** TRUNCATE of a table another table's foreign key references fails with 1701 (unless foreign_key_checks = 0). */
export function checkTruncateReferenced(catalog: Catalog, databaseName: string, tableName: string, session: ExecutionContext): void {
  if (!(session.isForeignKeyChecks ?? true)) return;
  const key = referencingKeys(catalog, databaseName, tableName).find((candidate) => !(sameName(candidate.childDatabase, databaseName) && sameName(candidate.child.name, tableName)));
  if (key) throw mysqlError(ER_TRUNCATE_ILLEGAL_FK, truncateDetail(key.fk, key.childDatabase, key.child.name));
}

/** MySQL's text for 1701: the parent always with its database, and no ON DELETE / ON UPDATE rules. */
function truncateDetail(fk: ForeignKeyInfo, childDatabase: string, childTable: string): string {
  const quote = (name: string): string => '`' + name.replaceAll('`', '``') + '`';
  const columns = (names: readonly string[]): string => names.map(quote).join(', ');
  return `${quote(childDatabase)}.${quote(childTable)}, CONSTRAINT ${quote(fk.name)} FOREIGN KEY (${columns(fk.columns)}) REFERENCES ${quote(fk.refDatabase)}.${quote(fk.refTable)} (${columns(fk.refColumns)})`;
}
