// findSequence: the sequence a NEXTVAL/SETVAL/ALTER names, with MySQL's and TiDB's errors when it is not one.
import { mysqlError, ER_NO_SUCH_TABLE, ER_NOT_SEQUENCE } from '../../errors/index.js';
import type { Catalog } from './catalog.js';
import type { TableInfo } from './schema-model.js';
import { sequenceBounds } from './sequence-allocator.js';
import type { SequenceRef } from './sequence-allocator.js';

/** The sequence `name` names: 1146 when nothing has that name, 4138 when a table or view has. */
export function findSequence(catalog: Catalog, database: string, name: string): SequenceRef & { readonly table: TableInfo } {
  const table = catalog.findTable(database, name);
  if (!table) throw mysqlError(ER_NO_SUCH_TABLE, database, name);
  if (!table.sequence) throw mysqlError(ER_NOT_SEQUENCE, database, name);
  return { id: table.id, database, name: table.name, bounds: sequenceBounds(table.sequence), table };
}

