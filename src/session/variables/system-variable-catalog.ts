// SystemVariableCatalog: every variable definition by name, each given a storage slot (aliases share their target's).
import { ER_UNKNOWN_SYSTEM_VARIABLE, mysqlError } from '../../errors/index.js';
import { charsetVariables } from './catalog/charset-variables.js';
import { connectionVariables } from './catalog/connection-variables.js';
import { observabilityVariables } from './catalog/observability-variables.js';
import { serverVariables } from './catalog/server-variables.js';
import { sessionStateVariables } from './catalog/session-state-variables.js';
import { sqlVariables } from './catalog/sql-variables.js';
import { tlsVariables } from './catalog/tls-variables.js';
import { transactionVariables } from './catalog/transaction-variables.js';
import type { SystemVariableDefinition } from './system-variable.js';

/** One name in the catalog. An alias entry has the alias's name and the target's fields, slot and canonical name. */
export interface CatalogEntry {
  readonly definition: SystemVariableDefinition;
  /** Index of the value in GlobalVariables / SessionVariables storage. */
  readonly slot: number;
  /** The target's name for an alias, else the entry's own name; change listeners are keyed by it. */
  readonly canonicalName: string;
}

/** An immutable set of variable definitions, looked up case-insensitively. */
export class SystemVariableCatalog {
  /** All entries (aliases included), sorted by name as SHOW VARIABLES lists them. */
  readonly entries: readonly CatalogEntry[];
  /** The number of storage slots (variables minus aliases). */
  readonly slotCount: number;
  readonly #byName: ReadonlyMap<string, CatalogEntry>;
  readonly #slotEntries: readonly CatalogEntry[];

  /** Builds the catalog; throws a plain Error (a programming mistake) on duplicate names or a dangling alias. */
  constructor(definitions: readonly SystemVariableDefinition[]) {
    const byName = new Map<string, CatalogEntry>();
    const slotEntries: CatalogEntry[] = [];
    for (const definition of definitions) {
      if (definition.aliasOf !== undefined) continue;
      const entry: CatalogEntry = { definition, slot: slotEntries.length, canonicalName: definition.name };
      addEntry(byName, entry);
      slotEntries.push(entry);
    }
    for (const alias of definitions) {
      if (alias.aliasOf === undefined) continue;
      const target = byName.get(alias.aliasOf);
      if (target === undefined) throw new Error(`system variable alias ${alias.name} names unknown ${alias.aliasOf}`);
      const definition: SystemVariableDefinition = {
        ...target.definition,
        name: alias.name,
        aliasOf: target.canonicalName,
      };
      addEntry(byName, { definition, slot: target.slot, canonicalName: target.canonicalName });
    }
    this.#byName = byName;
    this.#slotEntries = slotEntries;
    this.slotCount = slotEntries.length;
    this.entries = [...byName.values()].sort((a, b) => compareNames(a.definition.name, b.definition.name));
  }

  /** The entry for `name` in any case, or undefined. */
  lookup(name: string): CatalogEntry | undefined {
    return this.#byName.get(name.toLowerCase());
  }

  /** The entry for `name`; throws ER_UNKNOWN_SYSTEM_VARIABLE (1193) quoting `name` as written. */
  require(name: string): CatalogEntry {
    const entry = this.lookup(name);
    if (entry === undefined) throw mysqlError(ER_UNKNOWN_SYSTEM_VARIABLE, name);
    return entry;
  }

  /** The storage slot of a variable the calling code depends on; a plain Error if the catalog lacks it. */
  slotOf(name: string): number {
    const entry = this.lookup(name);
    if (entry === undefined) throw new Error(`system variable catalog has no ${name}`);
    return entry.slot;
  }

  /** The canonical (non-alias) entry owning `slot`. */
  entryOfSlot(slot: number): CatalogEntry {
    const entry = this.#slotEntries[slot];
    if (entry === undefined) throw new Error(`no system variable in slot ${slot}`);
    return entry;
  }
}

function addEntry(byName: Map<string, CatalogEntry>, entry: CatalogEntry): void {
  const key = entry.definition.name.toLowerCase();
  if (key !== entry.definition.name)
    throw new Error(`system variable name ${entry.definition.name} must be lower case`);
  if (byName.has(key)) throw new Error(`duplicate system variable ${key}`);
  byName.set(key, entry);
}

/** Orders names by code unit, as MySQL's SHOW VARIABLES orders its (lower-case ASCII) names. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every variable TidalDB knows, by family; see the family files for the choices that differ from MySQL. */
export const defaultCatalog = new SystemVariableCatalog([
  ...charsetVariables,
  ...connectionVariables,
  ...observabilityVariables,
  ...serverVariables,
  ...sessionStateVariables,
  ...sqlVariables,
  ...tlsVariables,
  ...transactionVariables,
]);
