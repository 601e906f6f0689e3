// The shape of one system variable: its scope, type, default, bounds and the hooks that compute or check its value.
import type { MySqlError } from '../../errors/index.js';
import type { ServerFacts } from './server-facts.js';

/** Where a variable lives: only in the server, only in each session, or in both (sessions copy the global at start). */
export type VariableScope = 'global' | 'session' | 'both';

/** How a variable's value is checked on SET and shown by SHOW VARIABLES. */
export type VariableType = 'bool' | 'int' | 'uint' | 'string' | 'enum' | 'set' | 'float';

/**
 * A variable's value exactly as `SELECT @@name` returns it: integers and booleans as bigint (booleans are 1n/0n),
 * floats as number, strings (also enum and set members) as string, NULL as null.
 */
export type VariableValue = bigint | number | string | null;

/** The `DEFAULT` keyword in `SET x = DEFAULT`: the session gets the global value, the global the compiled default. */
export const DEFAULT_VALUE: unique symbol = Symbol('DEFAULT');

/**
 * A value as the SET statement evaluated it. bigint (and an integral number, and a boolean) is MySQL's INT_RESULT,
 * a non-integral number REAL/DECIMAL, a string STRING_RESULT (also identifiers such as `ON` or `ANSI`), null NULL.
 */
export type SetValue = string | bigint | number | boolean | null | typeof DEFAULT_VALUE;

/** A value that is not `DEFAULT`: what a normaliser receives. */
export type AssignedValue = Exclude<SetValue, typeof DEFAULT_VALUE>;

/** The qualifier of `@@global.x` / `@@session.x` (or `SET GLOBAL` / `SET SESSION`); undefined means none was written. */
export type ScopeQualifier = 'global' | 'session' | undefined;

/** Where warnings raised while setting a variable go; structurally the SQL layer's WarningSink. */
export interface WarningCollector {
  /** Records `warning` at level Warning, for SHOW WARNINGS. */
  warn(warning: MySqlError): void;
}

/** Session-provided values for the few variables that mirror session state (`@@warning_count`, `@@timestamp`). */
export interface SessionFacts {
  /** Warnings, errors and notes of the last statement that produced any, as `@@warning_count` reports. */
  warningCount(): number;
  /** Errors of the last statement, as `@@error_count` reports. */
  errorCount(): number;
  /** The current statement's start time in seconds since the epoch; `@@timestamp` when not SET. Defaults to now. */
  statementTime?(): number;
  /** The last prepared-statement execution reused its cached plan (`@@last_plan_from_cache`). */
  lastPlanFromCache?(): boolean;
}

/** What a variable's dynamic value may depend on; read at every query, so a TLS reload shows at once. */
export interface DynamicContext {
  readonly server: ServerFacts;
  /** Undefined when a global value is read outside any session. */
  readonly session: SessionFacts | undefined;
}

/** What a normaliser may consult while checking a SET value. */
export interface NormalizeContext {
  /** The variable's name as the statement used it (an alias keeps its own name in messages, as in MySQL). */
  readonly name: string;
  /** The scope being assigned. */
  readonly scope: 'global' | 'session';
  /** The assigning session's sql_mode has STRICT_ALL_TABLES: out-of-range integers then fail instead of warning. */
  readonly isStrictAllTables: boolean;
  /** The value being replaced, for a variable set part by part (optimizer_switch's flags). */
  readonly current?: VariableValue;
  readonly warnings: WarningCollector;
  readonly server: ServerFacts;
}

/**
 * One system variable. Definitions are data; GlobalVariables and SessionVariables hold the values.
 * See https://dev.mysql.com/doc/refman/8.0/en/server-system-variables.html for MySQL's list.
 */
export interface SystemVariableDefinition {
  /** Lower-case name, as `SHOW VARIABLES` lists it. */
  readonly name: string;
  readonly scope: VariableScope;
  readonly type: VariableType;
  /** The compiled default, in `SELECT @@` form; `SET GLOBAL x = DEFAULT` restores it. */
  readonly defaultValue: VariableValue;
  /** Inclusive bounds of an int/uint variable; out-of-range values are clamped with warning 1292. */
  readonly min?: bigint;
  readonly max?: bigint;
  /** An int/uint value is rounded down to a multiple of this (max_allowed_packet: 1024), with warning 1292. */
  readonly blockSize?: bigint;
  /** Inclusive bounds of a float variable. */
  readonly floatMin?: number;
  readonly floatMax?: number;
  /** Members of an enum (by index) or a set (by bit), in canonical spelling and order. */
  readonly values?: readonly string[];
  /** No SET at all: error 1238 "is a read only variable". */
  readonly isReadOnly?: boolean;
  /** SET SESSION is refused with 1621 and SET GLOBAL allowed, as MySQL 8 does for max_allowed_packet. */
  readonly isSessionReadOnly?: boolean;
  /** SET x = NULL is accepted (character_set_results); otherwise NULL is error 1231. */
  readonly isNullable?: boolean;
  /** This name is another name for that variable: they share one value (tx_isolation → transaction_isolation). */
  readonly aliasOf?: string;
  /**
   * Computes the value at each read from the server or session instead of (or from) the stored value: `version`,
   * `have_ssl`, `warning_count`, `timestamp` (stored 0 means "now").
   */
  readonly dynamicValue?: (context: DynamicContext, stored: VariableValue) => VariableValue;
  /** Replaces the type's standard check, for values with their own rules (sql_mode, charsets, time_zone). */
  readonly normalize?: (input: AssignedValue, context: NormalizeContext) => VariableValue;
  /**
   * Variables that change with this one in the same scope, as MySQL ties character_set_connection to
   * collation_connection. Returns [name, value] pairs stored without further checks.
   */
  readonly companions?: (value: VariableValue) => ReadonlyArray<readonly [string, VariableValue]>;
}

/** Fields a definition builder may add beyond name, scope, type and default. */
export type DefinitionExtras = Omit<Partial<SystemVariableDefinition>, 'name' | 'scope' | 'type' | 'defaultValue'>;

/** One change of a variable's value, passed to change listeners after the value is stored. */
export interface VariableChange {
  /** The variable's canonical name (an alias reports its target). */
  readonly name: string;
  readonly scope: 'global' | 'session';
  readonly oldValue: VariableValue;
  readonly newValue: VariableValue;
}

/** Called after a variable changed; may not throw (the value is already stored). */
export type VariableChangeListener = (change: VariableChange) => void;
