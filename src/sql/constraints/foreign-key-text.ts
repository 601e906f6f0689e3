// How MySQL writes a foreign key: in SHOW CREATE TABLE and inside the 1451/1452 messages.
import type { ForeignKeyInfo } from '../catalog/index.js';

function quote(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

/**
 * `CONSTRAINT `fk` FOREIGN KEY (`a`, `b`) REFERENCES [`db`.]`parent` (`x`, `y`) [ON DELETE …] [ON UPDATE …]`, the
 * parent's database written only when it is not the child's; NO ACTION (also the rule of a key that names none)
 * is not written, as MySQL 8.0's SHOW CREATE TABLE does.
 */
export function foreignKeyClause(fk: ForeignKeyInfo, childDatabase: string): string {
  const parent = fk.refDatabase.toLowerCase() === childDatabase.toLowerCase() ? quote(fk.refTable) : `${quote(fk.refDatabase)}.${quote(fk.refTable)}`;
  let text = `CONSTRAINT ${quote(fk.name)} FOREIGN KEY (${fk.columns.map(quote).join(', ')}) REFERENCES ${parent} (${fk.refColumns.map(quote).join(', ')})`;
  if (fk.onDelete !== 'NO ACTION') text += ` ON DELETE ${fk.onDelete}`;
  if (fk.onUpdate !== 'NO ACTION') text += ` ON UPDATE ${fk.onUpdate}`;
  return text;
}

/** The part in parentheses of 1451/1452/1701: `` `db`.`child`, CONSTRAINT … ``. */
export function foreignKeyErrorDetail(fk: ForeignKeyInfo, childDatabase: string, childTable: string): string {
  return `${quote(childDatabase)}.${quote(childTable)}, ${foreignKeyClause(fk, childDatabase)}`;
}
