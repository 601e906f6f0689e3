// referencingKeys: the foreign keys of every table that name a given table as their parent, kept per schema version.
import type { Catalog, ForeignKeyInfo, TableInfo } from '../catalog/index.js';

/** A foreign key that references some table, with the child table that declares it. */
export interface ReferencingKey {
  readonly childDatabase: string;
  readonly child: TableInfo;
  readonly fk: ForeignKeyInfo;
}

const byCatalog = new WeakMap<Catalog, { readonly version: number; readonly keys: Map<string, ReferencingKey[]> }>();
const NONE: readonly ReferencingKey[] = [];

const parentKey = (database: string, table: string): string => `${database.toLowerCase()}\u0000${table.toLowerCase()}`;

/**
 * The foreign keys (of any table, itself included) whose parent is `database`.`table`, in catalog order. The map
 * is rebuilt once per schema version, so a write to a table nothing references costs one lookup.
 */
export function referencingKeys(catalog: Catalog, database: string, table: string): readonly ReferencingKey[] {
  let entry = byCatalog.get(catalog);
  if (entry?.version !== catalog.schemaVersion) {
    entry = { version: catalog.schemaVersion, keys: collect(catalog) };
    byCatalog.set(catalog, entry);
  }
  // Most databases have no foreign keys at all: then no name needs building.
  if (entry.keys.size === 0) return NONE;
  return entry.keys.get(parentKey(database, table)) ?? NONE;
}

function collect(catalog: Catalog): Map<string, ReferencingKey[]> {
  const keys = new Map<string, ReferencingKey[]>();
  for (const database of catalog.listDatabases()) {
    for (const child of catalog.listTables(database.name)) {
      for (const fk of child.foreignKeys ?? []) {
        const key = parentKey(fk.refDatabase, fk.refTable);
        const list = keys.get(key) ?? [];
        list.push({ childDatabase: database.name, child, fk });
        keys.set(key, list);
      }
    }
  }
  return keys;
}
