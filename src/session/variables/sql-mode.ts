// sql_mode: MySQL 8's mode names in bit order, the combination modes, validation and the flags hot paths read.
import { ER_UNSUPPORTED_SQL_MODE, mysqlError } from '../../errors/index.js';
import { classifyValue } from './assigned-value.js';
import { formatSet, parseSet } from './normalize-value.js';
import type { AssignedValue, NormalizeContext } from './system-variable.js';

/**
 * Every sql_mode member in MySQL 8.0's bit order (sql/system_variables.h): bit i is `1n << i`. The NOT_USED_*
 * placeholders are the modes 8.0 removed (POSTGRESQL … MYSQL40, NO_AUTO_CREATE_USER): their names parse, then fail
 * with ER_UNSUPPORTED_SQL_MODE, as in MySQL.
 */
export const SQL_MODE_NAMES = [
  'REAL_AS_FLOAT',
  'PIPES_AS_CONCAT',
  'ANSI_QUOTES',
  'IGNORE_SPACE',
  'NOT_USED',
  'ONLY_FULL_GROUP_BY',
  'NO_UNSIGNED_SUBTRACTION',
  'NO_DIR_IN_CREATE',
  'NOT_USED_9',
  'NOT_USED_10',
  'NOT_USED_11',
  'NOT_USED_12',
  'NOT_USED_13',
  'NOT_USED_14',
  'NOT_USED_15',
  'NOT_USED_16',
  'NOT_USED_17',
  'NOT_USED_18',
  'ANSI',
  'NO_AUTO_VALUE_ON_ZERO',
  'NO_BACKSLASH_ESCAPES',
  'STRICT_TRANS_TABLES',
  'STRICT_ALL_TABLES',
  'NO_ZERO_IN_DATE',
  'NO_ZERO_DATE',
  'ALLOW_INVALID_DATES',
  'ERROR_FOR_DIVISION_BY_ZERO',
  'TRADITIONAL',
  'NOT_USED_29',
  'HIGH_NOT_PRECEDENCE',
  'NO_ENGINE_SUBSTITUTION',
  'PAD_CHAR_TO_FULL_LENGTH',
  'TIME_TRUNCATE_FRACTIONAL',
] as const;

/** One sql_mode member name. */
export type SqlModeName = (typeof SQL_MODE_NAMES)[number];

/** The bit of each sql_mode member, e.g. `SqlMode.STRICT_TRANS_TABLES`. */
export const SqlMode = Object.fromEntries(SQL_MODE_NAMES.map((name, index) => [name, 1n << BigInt(index)])) as Readonly<
  Record<SqlModeName, bigint>
>;

/** What the combination modes switch on besides their own bit (MySQL 8.0's expand_sql_mode). */
const combinationMembers: ReadonlyArray<readonly [bigint, bigint]> = [
  [
    SqlMode.ANSI,
    SqlMode.REAL_AS_FLOAT |
      SqlMode.PIPES_AS_CONCAT |
      SqlMode.ANSI_QUOTES |
      SqlMode.IGNORE_SPACE |
      SqlMode.ONLY_FULL_GROUP_BY,
  ],
  [
    SqlMode.TRADITIONAL,
    SqlMode.STRICT_TRANS_TABLES |
      SqlMode.STRICT_ALL_TABLES |
      SqlMode.NO_ZERO_IN_DATE |
      SqlMode.NO_ZERO_DATE |
      SqlMode.ERROR_FOR_DIVISION_BY_ZERO |
      SqlMode.NO_ENGINE_SUBSTITUTION,
  ],
];

/** The bits of modes MySQL 8.0 removed: bits 8-17 (the old DB2/MSSQL/... modes) and 28 (NO_AUTO_CREATE_USER). */
const REMOVED_MODE_BITS = 0x1003ff00n;

/** MySQL 8.0's default sql_mode (and TiDB's). */
export const DEFAULT_SQL_MODE_BITS =
  SqlMode.ONLY_FULL_GROUP_BY |
  SqlMode.STRICT_TRANS_TABLES |
  SqlMode.NO_ZERO_IN_DATE |
  SqlMode.NO_ZERO_DATE |
  SqlMode.ERROR_FOR_DIVISION_BY_ZERO |
  SqlMode.NO_ENGINE_SUBSTITUTION;

/** Adds the members of any combination mode (ANSI, TRADITIONAL) present in `bits`, keeping the combination's own bit. */
export function expandSqlMode(bits: bigint): bigint {
  let expanded = bits;
  for (const [combination, members] of combinationMembers) {
    if ((bits & combination) !== 0n) expanded |= members;
  }
  return expanded;
}

/** The canonical `@@sql_mode` text of `bits`: member names in bit order, comma-separated. */
export function formatSqlMode(bits: bigint): string {
  return formatSet(SQL_MODE_NAMES, bits);
}

/** The bitmask of a canonical `@@sql_mode` text (as stored); unknown names are ignored. */
export function sqlModeBitsOf(text: string): bigint {
  let bits = 0n;
  for (const name of text.split(',')) {
    const index = SQL_MODE_NAMES.indexOf(name as SqlModeName);
    if (index >= 0) bits |= 1n << BigInt(index);
  }
  return bits;
}

/**
 * Checks a `SET sql_mode` value: a list of names or a bitmask (1231 for an unknown name or bit), refusing removed
 * modes with ER_UNSUPPORTED_SQL_MODE (3899), and returns the canonical text with combination modes expanded.
 */
export function normalizeSqlMode(input: AssignedValue, context: NormalizeContext): string {
  const bits = parseSet(SQL_MODE_NAMES, classifyValue(input), context.name);
  const removed = bits & REMOVED_MODE_BITS;
  if (removed !== 0n) throw mysqlError(ER_UNSUPPORTED_SQL_MODE, removed.toString(16).padStart(8, '0'));
  return formatSqlMode(expandSqlMode(bits));
}

/** The sql_mode flags code paths consult per row or per statement, decoded once when sql_mode changes. */
export interface SqlModeFlags {
  readonly bits: bigint;
  readonly isRealAsFloat: boolean;
  readonly isPipesAsConcat: boolean;
  readonly isAnsiQuotes: boolean;
  readonly isIgnoreSpace: boolean;
  readonly isOnlyFullGroupBy: boolean;
  readonly isNoUnsignedSubtraction: boolean;
  readonly isNoAutoValueOnZero: boolean;
  readonly isNoBackslashEscapes: boolean;
  readonly isStrictTransTables: boolean;
  readonly isStrictAllTables: boolean;
  /** STRICT_TRANS_TABLES or STRICT_ALL_TABLES: "strict mode" in the manual's wording. */
  readonly isStrict: boolean;
  readonly isNoZeroInDate: boolean;
  readonly isNoZeroDate: boolean;
  readonly isAllowInvalidDates: boolean;
  readonly isErrorForDivisionByZero: boolean;
  readonly isHighNotPrecedence: boolean;
  readonly isNoEngineSubstitution: boolean;
  readonly isPadCharToFullLength: boolean;
  readonly isTimeTruncateFractional: boolean;
}

/** Decodes `bits` into flags; call when sql_mode changes, never per query. */
export function sqlModeFlags(bits: bigint): SqlModeFlags {
  const has = (mode: bigint): boolean => (bits & mode) !== 0n;
  return Object.freeze({
    bits,
    isRealAsFloat: has(SqlMode.REAL_AS_FLOAT),
    isPipesAsConcat: has(SqlMode.PIPES_AS_CONCAT),
    isAnsiQuotes: has(SqlMode.ANSI_QUOTES),
    isIgnoreSpace: has(SqlMode.IGNORE_SPACE),
    isOnlyFullGroupBy: has(SqlMode.ONLY_FULL_GROUP_BY),
    isNoUnsignedSubtraction: has(SqlMode.NO_UNSIGNED_SUBTRACTION),
    isNoAutoValueOnZero: has(SqlMode.NO_AUTO_VALUE_ON_ZERO),
    isNoBackslashEscapes: has(SqlMode.NO_BACKSLASH_ESCAPES),
    isStrictTransTables: has(SqlMode.STRICT_TRANS_TABLES),
    isStrictAllTables: has(SqlMode.STRICT_ALL_TABLES),
    isStrict: has(SqlMode.STRICT_TRANS_TABLES | SqlMode.STRICT_ALL_TABLES),
    isNoZeroInDate: has(SqlMode.NO_ZERO_IN_DATE),
    isNoZeroDate: has(SqlMode.NO_ZERO_DATE),
    isAllowInvalidDates: has(SqlMode.ALLOW_INVALID_DATES),
    isErrorForDivisionByZero: has(SqlMode.ERROR_FOR_DIVISION_BY_ZERO),
    isHighNotPrecedence: has(SqlMode.HIGH_NOT_PRECEDENCE),
    isNoEngineSubstitution: has(SqlMode.NO_ENGINE_SUBSTITUTION),
    isPadCharToFullLength: has(SqlMode.PAD_CHAR_TO_FULL_LENGTH),
    isTimeTruncateFractional: has(SqlMode.TIME_TRUNCATE_FRACTIONAL),
  });
}
