// Session state variables: time zone, timestamp, insert ids and the diagnostics counts the session reports.
import { classifyValue, wrongType, wrongValue } from '../assigned-value.js';
import { SYSTEM_TIME_ZONE, normalizeTimeZone } from '../time-zone-value.js';
import type { AssignedValue, DynamicContext, SystemVariableDefinition, VariableValue } from '../system-variable.js';
import { aliasVar, boolVar, uintVar } from './define-variable.js';

const UINT64_MAX = 18446744073709551615n;
/** MySQL 8.0.11's largest settable @@timestamp (TIMESTAMP_MAX_VALUE, 2038-01-19). */
const TIMESTAMP_MAX = 2147483647;
const MILLISECONDS_PER_SECOND = 1000;

/** SET timestamp: a number of seconds in [0, TIMESTAMP_MAX]; 0 (or DEFAULT) returns to the clock. */
function normalizeTimestamp(input: AssignedValue, name: string): number {
  const value = classifyValue(input);
  if (value.kind !== 'int' && value.kind !== 'real') throw wrongType(name);
  const seconds = Number(value.value);
  if (seconds < 0 || seconds > TIMESTAMP_MAX) throw wrongValue(name, String(value.value));
  return seconds;
}

/** @@timestamp: the SET value, or the statement's start time while it is 0. */
function readTimestamp(context: DynamicContext, stored: VariableValue): VariableValue {
  if (stored !== 0) return stored;
  return context.session?.statementTime?.() ?? Date.now() / MILLISECONDS_PER_SECOND;
}

/** A read-only session count supplied by the session (the diagnostics area's warning/error counts). */
function countVar(name: string, read: (context: DynamicContext) => number): SystemVariableDefinition {
  return {
    name,
    scope: 'session',
    type: 'uint',
    defaultValue: 0n,
    isReadOnly: true,
    dynamicValue: (context) => BigInt(read(context)),
  };
}

/**
 * Variables that mirror per-session state. last_insert_id and insert_id are written by the executor through
 * SessionVariables.assignInternal; warning_count and error_count come from the session's SessionFacts.
 */
export const sessionStateVariables: readonly SystemVariableDefinition[] = [
  countVar('error_count', (context) => context.session?.errorCount() ?? 0),
  aliasVar('identity', 'last_insert_id'),
  // TiDB's: whether the last execution of a prepared statement reused its cached plan.
  boolVar('last_plan_from_cache', 'session', false, {
    isReadOnly: true,
    dynamicValue: (context) => (context.session?.lastPlanFromCache?.() === true ? 1n : 0n),
  }),
  uintVar('insert_id', 'session', 0n, 0n, UINT64_MAX),
  uintVar('last_insert_id', 'session', 0n, 0n, UINT64_MAX),
  {
    name: 'time_zone',
    scope: 'both',
    type: 'string',
    defaultValue: SYSTEM_TIME_ZONE,
    normalize: (input, context) => normalizeTimeZone(input, context.name),
  },
  {
    name: 'timestamp',
    scope: 'session',
    type: 'float',
    defaultValue: 0,
    normalize: (input, context) => normalizeTimestamp(input, context.name),
    dynamicValue: readTimestamp,
  },
  countVar('warning_count', (context) => context.session?.warningCount() ?? 0),
];
