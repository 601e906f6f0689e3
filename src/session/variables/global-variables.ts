// GlobalVariables: the server-wide values every session starts from, SET GLOBAL, and SHOW GLOBAL VARIABLES.
import { optionalLikeMatcher } from './like-pattern.js';
import { normalizeValue } from './normalize-value.js';
import type { ServerFacts } from './server-facts.js';
import { defaultCatalog } from './system-variable-catalog.js';
import type { CatalogEntry, SystemVariableCatalog } from './system-variable-catalog.js';
import { DEFAULT_VALUE } from './system-variable.js';
import type {
  SessionFacts,
  SetValue,
  VariableChangeListener,
  VariableValue,
  WarningCollector,
} from './system-variable.js';
import { checkReadable, checkSettable, formatForShow } from './variable-access.js';
import type { ShowRow } from './variable-access.js';

/** How the server builds its GlobalVariables. */
export interface GlobalVariablesOptions {
  /** Called at every read of a fact variable (`@@version`, `@@ssl_cert`); return the live values. */
  readonly facts: () => ServerFacts;
  /** Defaults to every variable TidalDB knows. */
  readonly catalog?: SystemVariableCatalog;
  /**
   * Start values from the configuration (`sql_mode`, `max_connections`, `require_secure_transport`, …), checked like
   * SET GLOBAL but strictly (an out-of-range number is error 1231, not a clamp) and allowed for read-only variables.
   */
  readonly initialValues?: Readonly<Record<string, SetValue>>;
}

/** How a SET GLOBAL is being made: where warnings go and whether the assigning session is strict. */
export interface GlobalSetOptions {
  readonly warnings?: WarningCollector;
  /** The assigning session's sql_mode has STRICT_ALL_TABLES (clamping then fails with 1231). */
  readonly isStrictAllTables?: boolean;
}

const discardWarnings: WarningCollector = { warn: () => undefined };

/**
 * The global values of all variables. SET GLOBAL changes what new sessions copy (existing sessions keep their
 * session values, as in MySQL) and what every session reads for GLOBAL-only variables.
 */
export class GlobalVariables {
  readonly catalog: SystemVariableCatalog;
  readonly #facts: () => ServerFacts;
  readonly #values: VariableValue[];
  readonly #listeners = new Map<string, Set<VariableChangeListener>>();
  /** What a new session starts from, built once and dropped at every change (sessions are made per connection). */
  #sessionStart: readonly VariableValue[] | undefined;
  readonly #slots: {
    readonly requireSecureTransport: number;
    readonly maxConnections: number;
    readonly maxAllowedPacket: number;
  };

  /** Builds the globals at their defaults, then applies `initialValues`; throws the MySqlError of a bad start value. */
  constructor(options: GlobalVariablesOptions) {
    this.catalog = options.catalog ?? defaultCatalog;
    this.#facts = options.facts;
    this.#values = Array.from(
      { length: this.catalog.slotCount },
      (_, slot) => this.catalog.entryOfSlot(slot).definition.defaultValue,
    );
    this.#slots = {
      requireSecureTransport: this.catalog.slotOf('require_secure_transport'),
      maxConnections: this.catalog.slotOf('max_connections'),
      maxAllowedPacket: this.catalog.slotOf('max_allowed_packet'),
    };
    for (const [name, value] of Object.entries(options.initialValues ?? {})) this.#initialize(name, value);
  }

  /** The live server facts, as the last call of the `facts` getter returned them. */
  facts(): ServerFacts {
    return this.#facts();
  }

  /** `@@global.name`: 1193 for an unknown name, 1238 for a SESSION-only variable. */
  get(name: string, session?: SessionFacts): VariableValue {
    const entry = this.catalog.require(name);
    checkReadable(entry.definition, 'global');
    return this.read(entry, session);
  }

  /** The global value of `name` as SHOW GLOBAL VARIABLES prints it. */
  getForShow(name: string): string {
    const entry = this.catalog.require(name);
    checkReadable(entry.definition, 'global');
    return formatForShow(entry.definition, this.read(entry, undefined));
  }

  /**
   * `SET GLOBAL name = value`: checks scope and value (see checkSettable and normalizeValue), stores the value and
   * its companions, then tells the listeners. `DEFAULT_VALUE` restores the compiled default.
   */
  set(name: string, value: SetValue, options: GlobalSetOptions = {}): void {
    const entry = this.catalog.require(name);
    checkSettable(entry.definition, 'global');
    const newValue =
      value === DEFAULT_VALUE
        ? entry.definition.defaultValue
        : normalizeValue(entry.definition, value, {
            name: entry.definition.name,
            scope: 'global',
            isStrictAllTables: options.isStrictAllTables ?? false,
            current: this.storedValue(entry),
            warnings: options.warnings ?? discardWarnings,
            server: this.#facts(),
          });
    this.#store(entry, newValue);
    for (const [companion, companionValue] of entry.definition.companions?.(newValue) ?? []) {
      this.#store(this.catalog.require(companion), companionValue);
    }
  }

  /** SHOW GLOBAL VARIABLES [LIKE pattern]: every variable with a global value, sorted by name. */
  list(likePattern?: string): ShowRow[] {
    const matches = optionalLikeMatcher(likePattern);
    const rows: ShowRow[] = [];
    for (const entry of this.catalog.entries) {
      const { definition } = entry;
      if (definition.scope === 'session' || !matches(definition.name)) continue;
      rows.push([definition.name, formatForShow(definition, this.read(entry, undefined))]);
    }
    return rows;
  }

  /** Calls `listener` after each SET GLOBAL of `name` (or an alias of it); returns the unsubscribe function. */
  onChange(name: string, listener: VariableChangeListener): () => void {
    const key = this.catalog.require(name).canonicalName;
    let listeners = this.#listeners.get(key);
    if (listeners === undefined) {
      listeners = new Set();
      this.#listeners.set(key, listeners);
    }
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** The global value of an entry, dynamic hooks applied; for SessionVariables, which has done the scope checks. */
  read(entry: CatalogEntry, session: SessionFacts | undefined): VariableValue {
    const stored = this.#values[entry.slot] ?? null;
    const { dynamicValue } = entry.definition;
    return dynamicValue === undefined ? stored : dynamicValue({ server: this.#facts(), session }, stored);
  }

  /** The stored global value of an entry, without dynamic hooks: what `SET SESSION x = DEFAULT` copies. */
  storedValue(entry: CatalogEntry): VariableValue {
    return this.#values[entry.slot] ?? null;
  }

  /** A copy of the stored global values, slot by slot. */
  snapshot(): VariableValue[] {
    return [...this.#values];
  }

  /** A copy of what a new session starts from: the stored global values, SESSION-only variables at their defaults. */
  sessionStartValues(): VariableValue[] {
    if (this.#sessionStart === undefined) {
      const values = this.snapshot();
      for (let slot = 0; slot < this.catalog.slotCount; slot++) {
        const { definition } = this.catalog.entryOfSlot(slot);
        if (definition.scope === 'session') values[slot] = definition.defaultValue;
      }
      this.#sessionStart = values;
    }
    return [...this.#sessionStart];
  }

  /** `require_secure_transport`: refuse plain-text connections. Read by the handshake on every connection. */
  get isSecureTransportRequired(): boolean {
    return this.#values[this.#slots.requireSecureTransport] === 1n;
  }

  /** `max_connections`: how many client connections the server admits. */
  get maxConnections(): number {
    return Number(this.#values[this.#slots.maxConnections]);
  }

  /** `@@global.max_allowed_packet`: the packet limit new connections get. */
  get maxAllowedPacket(): number {
    return Number(this.#values[this.#slots.maxAllowedPacket]);
  }

  #store(entry: CatalogEntry, newValue: VariableValue): void {
    const oldValue = this.#values[entry.slot] ?? null;
    this.#values[entry.slot] = newValue;
    this.#sessionStart = undefined;
    for (const listener of this.#listeners.get(entry.canonicalName) ?? []) {
      listener({ name: entry.canonicalName, scope: 'global', oldValue, newValue });
    }
  }

  #initialize(name: string, value: SetValue): void {
    const entry = this.catalog.require(name);
    const { definition } = entry;
    if (definition.dynamicValue !== undefined)
      throw new Error(`system variable ${definition.name} comes from ServerFacts, not initialValues`);
    if (definition.scope === 'session') throw new Error(`system variable ${definition.name} has no global value`);
    const newValue =
      value === DEFAULT_VALUE
        ? definition.defaultValue
        : normalizeValue(definition, value, {
            name: definition.name,
            scope: 'global',
            isStrictAllTables: true,
            warnings: discardWarnings,
            server: this.#facts(),
          });
    this.#values[entry.slot] = newValue;
    for (const [companion, companionValue] of definition.companions?.(newValue) ?? []) {
      this.#values[this.catalog.require(companion).slot] = companionValue;
    }
    this.#sessionStart = undefined;
  }
}
