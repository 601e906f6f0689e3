// SessionVariables: one session's values over the shared globals: @@ reads, SET, SHOW VARIABLES and typed hot getters.
import { ER_COLLATION_CHARSET_MISMATCH, mysqlError } from '../../errors/index.js';
import { charsetOf, defaultCollationOf, normalizeCharset, normalizeCollation } from './charsets.js';
import type { GlobalVariables } from './global-variables.js';
import { optionalLikeMatcher } from './like-pattern.js';
import { normalizeValue } from './normalize-value.js';
import { hotSlotsOf } from './session-hot-slots.js';
import type { HotSlots } from './session-hot-slots.js';
import { sqlModeBitsOf, sqlModeFlags } from './sql-mode.js';
import type { SqlModeFlags } from './sql-mode.js';
import type { CatalogEntry } from './system-variable-catalog.js';
import { DEFAULT_VALUE } from './system-variable.js';
import type {
  ScopeQualifier,
  SessionFacts,
  SetValue,
  VariableChangeListener,
  VariableValue,
  WarningCollector,
} from './system-variable.js';
import type { IsolationLevel, TxnMode } from './catalog/transaction-variables.js';
import { checkReadable, checkSettable, formatForShow } from './variable-access.js';
import type { ShowRow } from './variable-access.js';

const discardWarnings: WarningCollector = { warn: () => undefined };

/** The sql_mode text decoded last and its (immutable) flags: nearly every session starts from the same one. */
let lastDecodedSqlMode: { readonly text: string; readonly flags: SqlModeFlags } | undefined;

/**
 * The variables of one session. Session values start as a copy of the globals (MySQL semantics: a later SET GLOBAL
 * does not reach an open session); GLOBAL-only variables are read through to GlobalVariables.
 * Hot getters (isAutocommit, sqlMode, maxAllowedPacket, …) read a stored slot, never parse.
 */
export class SessionVariables {
  readonly globals: GlobalVariables;
  readonly #session: SessionFacts | undefined;
  readonly #slots: HotSlots;
  readonly #listeners = new Map<string, Set<VariableChangeListener>>();
  #values: VariableValue[];
  #sqlMode: SqlModeFlags;
  #changeCount = 0;
  /** SET GLOBAL assignments not yet told to the server's other processes (see takeGlobalChanges). */
  #globalChanges: Array<readonly [string, SetValue]> = [];

  /** Starts a session from the current globals; `session` supplies @@warning_count, @@error_count and the clock. */
  constructor(globals: GlobalVariables, session?: SessionFacts) {
    this.globals = globals;
    this.#session = session;
    this.#slots = hotSlotsOf(globals.catalog);
    this.#values = this.#initialValues();
    this.#sqlMode = this.#decodeSqlMode();
  }

  /**
   * `@@name`, `@@session.name` (scope 'session') or `@@global.name` (scope 'global'), in SELECT form (booleans 1n/0n).
   * Unknown → 1193; `@@session` of a GLOBAL-only or `@@global` of a SESSION-only variable → 1238.
   */
  get(name: string, scope?: ScopeQualifier): VariableValue {
    const entry = this.globals.catalog.require(name);
    checkReadable(entry.definition, scope);
    return this.#read(entry, scope);
  }

  /** The same value as SHOW VARIABLES prints it (ON/OFF, '' for NULL). */
  getForShow(name: string, scope?: ScopeQualifier): string {
    const entry = this.globals.catalog.require(name);
    checkReadable(entry.definition, scope);
    return formatForShow(entry.definition, this.#read(entry, scope));
  }

  /**
   * `SET [GLOBAL|SESSION] name = value`. No scope means SESSION. Throws 1193/1238/1229/1228/1621 for the name and
   * scope, 1231/1232 (or the variable's own error) for the value; warnings (1292 clamps) go to `warnings`.
   * `DEFAULT_VALUE` gives the session the current global value (the compiled default for SESSION-only variables).
   */
  set(name: string, value: SetValue, scope?: ScopeQualifier, warnings: WarningCollector = discardWarnings): void {
    if (scope === 'global') {
      this.globals.set(name, value, {
        warnings,
        isStrictAllTables: this.#sqlMode.isStrictAllTables,
      });
      this.#globalChanges.push([name, value]);
      return;
    }
    const entry = this.globals.catalog.require(name);
    const { definition } = entry;
    checkSettable(definition, 'session');
    let newValue: VariableValue;
    if (value === DEFAULT_VALUE) {
      newValue = definition.scope === 'session' ? definition.defaultValue : this.globals.storedValue(entry);
    } else {
      newValue = normalizeValue(definition, value, {
        name: definition.name,
        scope: 'session',
        isStrictAllTables: this.#sqlMode.isStrictAllTables,
        current: this.#values[entry.slot] ?? null,
        warnings,
        server: this.globals.facts(),
      });
    }
    this.#store(entry, newValue);
    for (const [companion, companionValue] of definition.companions?.(newValue) ?? []) {
      this.#store(this.globals.catalog.require(companion), companionValue);
    }
  }

  /**
   * SHOW [SESSION|GLOBAL] VARIABLES [LIKE pattern], sorted by name. The session list shows session values and, for
   * GLOBAL-only variables, the global value; the global list leaves out SESSION-only variables.
   */
  list(scope: 'session' | 'global' = 'session', likePattern?: string): ShowRow[] {
    if (scope === 'global') return this.globals.list(likePattern);
    const matches = optionalLikeMatcher(likePattern);
    const rows: ShowRow[] = [];
    for (const entry of this.globals.catalog.entries) {
      if (!matches(entry.definition.name)) continue;
      rows.push([entry.definition.name, formatForShow(entry.definition, this.#read(entry, undefined))]);
    }
    return rows;
  }

  /**
   * Calls `listener` after each session-scope change of `name` (or an alias), e.g. so the session commits when
   * autocommit goes from 0 to 1. Listeners run synchronously inside set(); asynchronous work (a commit) should be
   * recorded there and done once the SET statement finishes. Returns the unsubscribe function.
   */
  onChange(name: string, listener: VariableChangeListener): () => void {
    const key = this.globals.catalog.require(name).canonicalName;
    let listeners = this.#listeners.get(key);
    if (listeners === undefined) {
      listeners = new Set();
      this.#listeners.set(key, listeners);
    }
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /**
   * Stores a server-maintained session value without any check or listener: the executor's last_insert_id after an
   * INSERT, insert_id consumed by an INSERT. Not for user SETs.
   */
  assignInternal(name: string, value: VariableValue): void {
    const entry = this.globals.catalog.require(name);
    this.#values[entry.slot] = value;
    if (entry.slot === this.#slots.sqlMode) this.#sqlMode = this.#decodeSqlMode();
  }

  /**
   * `SET NAMES charset [COLLATE collation]`: character_set_client, _connection and _results become `charset`,
   * collation_connection `collation` (default: the charset's default). 1115/1273 for unknown names, 1253 when the
   * collation is not of the charset.
   */
  setNames(charset: string, collation?: string): void {
    const resolved = normalizeCharset(charset, 'character_set_client', false) ?? charset;
    const resolvedCollation =
      collation === undefined ? defaultCollationOf(resolved) : normalizeCollation(collation, 'collation_connection');
    if (charsetOf(resolvedCollation) !== resolved)
      throw mysqlError(ER_COLLATION_CHARSET_MISMATCH, resolvedCollation, resolved);
    this.#storeByName('character_set_client', resolved);
    this.#storeByName('character_set_results', resolved);
    this.#storeByName('character_set_connection', resolved);
    this.#storeByName('collation_connection', resolvedCollation);
  }

  /** `@@character_set_database`/`@@collation_database`: those of the current database (USE), else the server's. */
  setDatabaseDefaults(charset: string, collation: string): void {
    this.#storeByName('character_set_database', charset);
    this.#storeByName('collation_database', collation);
  }

  /** `SET CHARACTER SET charset`: client and results become `charset`, the connection takes the database's charset. */
  setCharacterSet(charset: string): void {
    const resolved = normalizeCharset(charset, 'character_set_client', false) ?? charset;
    this.#storeByName('character_set_client', resolved);
    this.#storeByName('character_set_results', resolved);
    this.#storeByName('character_set_connection', this.#values[this.#slots.characterSetDatabase] ?? null);
    this.#storeByName('collation_connection', this.#values[this.#slots.collationDatabase] ?? null);
  }

  /** Back to the current globals, as COM_RESET_CONNECTION and COM_CHANGE_USER do; listeners stay registered. */
  reset(): void {
    this.#values = this.#initialValues();
    this.#sqlMode = this.#decodeSqlMode();
  }

  /** `@@autocommit`. */
  get isAutocommit(): boolean {
    return this.#values[this.#slots.autocommit] === 1n;
  }

  /** `@@sql_mode`, decoded. */
  get sqlMode(): SqlModeFlags {
    return this.#sqlMode;
  }

  /** sql_mode has STRICT_TRANS_TABLES or STRICT_ALL_TABLES. */
  get isStrictMode(): boolean {
    return this.#sqlMode.isStrict;
  }

  /** `@@max_allowed_packet` in bytes, for the packet reader/writer. */
  get maxAllowedPacket(): number {
    return this.#number(this.#slots.maxAllowedPacket);
  }

  /** `@@character_set_client`: how the client's statement text is encoded. */
  get characterSetClient(): string {
    return String(this.#values[this.#slots.characterSetClient]);
  }

  /** `@@character_set_connection`. */
  get characterSetConnection(): string {
    return String(this.#values[this.#slots.characterSetConnection]);
  }

  /** `@@character_set_results`; null means "send results without conversion". */
  get characterSetResults(): string | null {
    const value = this.#values[this.#slots.characterSetResults];
    return value === null || value === undefined ? null : String(value);
  }

  /** `@@collation_connection`: the collation of string literals. */
  get collationConnection(): string {
    return String(this.#values[this.#slots.collationConnection]);
  }

  /** `@@collation_database`: the default collation of the current database. */
  get collationDatabase(): string {
    return String(this.#values[this.#slots.collationDatabase]);
  }

  /** `@@time_zone`: SYSTEM, '+hh:mm' or an IANA name. */
  get timeZone(): string {
    return String(this.#values[this.#slots.timeZone]);
  }

  /** `@@transaction_isolation`. */
  get transactionIsolation(): IsolationLevel {
    return this.#values[this.#slots.transactionIsolation] as IsolationLevel;
  }

  /** `@@transaction_read_only`: new transactions are read-only. */
  get isTransactionReadOnly(): boolean {
    return this.#values[this.#slots.transactionReadOnly] === 1n;
  }

  /** `@@tidb_txn_mode`. */
  get txnMode(): TxnMode {
    return this.#values[this.#slots.tidbTxnMode] as TxnMode;
  }

  /** `@@innodb_lock_wait_timeout` in seconds. */
  get lockWaitTimeout(): number {
    return this.#number(this.#slots.innodbLockWaitTimeout);
  }

  /** `@@foreign_key_checks`. */
  get isForeignKeyChecks(): boolean {
    return this.#values[this.#slots.foreignKeyChecks] === 1n;
  }

  /** `@@unique_checks`. */
  get isUniqueChecks(): boolean {
    return this.#values[this.#slots.uniqueChecks] === 1n;
  }

  /** `@@sql_safe_updates`: UPDATE/DELETE without a key in WHERE or a LIMIT fail. */
  get isSqlSafeUpdates(): boolean {
    return this.#values[this.#slots.sqlSafeUpdates] === 1n;
  }

  /** `@@sql_auto_is_null`. */
  get isSqlAutoIsNull(): boolean {
    return this.#values[this.#slots.sqlAutoIsNull] === 1n;
  }

  /** `@@sql_notes`: record Note-level diagnostics. */
  get isSqlNotes(): boolean {
    return this.#values[this.#slots.sqlNotes] === 1n;
  }

  /** `@@sql_select_limit`: the implicit LIMIT of top-level SELECTs (2^64-1 means none). */
  get sqlSelectLimit(): bigint {
    return this.#bigint(this.#slots.sqlSelectLimit);
  }

  /** `@@auto_increment_increment`. */
  get autoIncrementIncrement(): bigint {
    return this.#bigint(this.#slots.autoIncrementIncrement);
  }

  /** `@@auto_increment_offset`. */
  get autoIncrementOffset(): bigint {
    return this.#bigint(this.#slots.autoIncrementOffset);
  }

  /** `@@div_precision_increment`: extra scale of `/` results. */
  get divPrecisionIncrement(): number {
    return this.#number(this.#slots.divPrecisionIncrement);
  }

  /** `@@group_concat_max_len` in bytes. */
  get groupConcatMaxLen(): bigint {
    return this.#bigint(this.#slots.groupConcatMaxLen);
  }

  /** `@@max_execution_time` in milliseconds (0: no limit). */
  get maxExecutionTime(): number {
    return this.#number(this.#slots.maxExecutionTime);
  }

  /** `@@max_error_count`: how many diagnostics SHOW WARNINGS keeps. */
  get maxErrorCount(): number {
    return this.#number(this.#slots.maxErrorCount);
  }

  /** `@@wait_timeout` in seconds: idle time before the server closes the connection. */
  get waitTimeout(): number {
    return this.#number(this.#slots.waitTimeout);
  }

  /** `@@net_read_timeout` in seconds. */
  get netReadTimeout(): number {
    return this.#number(this.#slots.netReadTimeout);
  }

  /** `@@net_write_timeout` in seconds. */
  get netWriteTimeout(): number {
    return this.#number(this.#slots.netWriteTimeout);
  }

  /** `@@last_insert_id`. */
  get lastInsertId(): bigint {
    return this.#bigint(this.#slots.lastInsertId);
  }

  /** `@@insert_id`: the value the next AUTO_INCREMENT insert uses (0: none). */
  get insertId(): bigint {
    return this.#bigint(this.#slots.insertId);
  }

  #read(entry: CatalogEntry, scope: ScopeQualifier): VariableValue {
    const { definition } = entry;
    if (scope === 'global' || definition.scope === 'global') return this.globals.read(entry, this.#session);
    const stored = this.#values[entry.slot] ?? null;
    const { dynamicValue } = definition;
    return dynamicValue === undefined
      ? stored
      : dynamicValue({ server: this.globals.facts(), session: this.#session }, stored);
  }

  /**
   * How many session values SET has stored so far: plans cached for prepared statements were compiled under the
   * values of the moment (sql_mode, collations, div_precision_increment …) and are rebuilt once it moves.
   */
  /** The SET GLOBAL assignments made since the last call, for the server's other processes to apply too. */
  takeGlobalChanges(): Array<readonly [string, SetValue]> {
    const changes = this.#globalChanges;
    if (changes.length > 0) this.#globalChanges = [];
    return changes;
  }

  get changeCount(): number {
    return this.#changeCount;
  }

  #store(entry: CatalogEntry, newValue: VariableValue): void {
    this.#changeCount++;
    const oldValue = this.#values[entry.slot] ?? null;
    this.#values[entry.slot] = newValue;
    if (entry.slot === this.#slots.sqlMode) this.#sqlMode = this.#decodeSqlMode();
    for (const listener of this.#listeners.get(entry.canonicalName) ?? []) {
      listener({ name: entry.canonicalName, scope: 'session', oldValue, newValue });
    }
  }

  #storeByName(name: string, value: VariableValue): void {
    this.#store(this.globals.catalog.require(name), value);
  }

  #initialValues(): VariableValue[] {
    return this.globals.sessionStartValues();
  }

  #decodeSqlMode(): SqlModeFlags {
    const text = String(this.#values[this.#slots.sqlMode] ?? '');
    if (lastDecodedSqlMode?.text !== text) lastDecodedSqlMode = { text, flags: sqlModeFlags(sqlModeBitsOf(text)) };
    return lastDecodedSqlMode.flags;
  }

  #bigint(slot: number): bigint {
    const value = this.#values[slot];
    return typeof value === 'bigint' ? value : 0n;
  }

  #number(slot: number): number {
    return Number(this.#bigint(slot));
  }
}
