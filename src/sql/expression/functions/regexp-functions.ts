// Regular expressions with MySQL 8.0's ICU semantics: REGEXP/RLIKE, REGEXP_LIKE, REGEXP_INSTR, REGEXP_SUBSTR,
// REGEXP_REPLACE. Case sensitivity follows the arguments' collation unless match_type says otherwise; a constant
// pattern is compiled once per statement (any pattern once per server, through IcuRegExp's cache).
// https://dev.mysql.com/doc/refman/8.0/en/regexp.html
import {
  mysqlError,
  ER_CHARACTER_SET_MISMATCH,
  ER_REGEXP_INDEX_OUTOFBOUNDS_ERROR,
  ER_WRONG_ARGUMENTS,
  ER_WRONG_PARAMETERS_TO_NATIVE_FCT,
} from '../../../errors/index.js';
import { TypeKind, fieldType, isBinaryType, isTextType, toInteger, toText } from '../../types/index.js';
import type { FieldType, SqlValue, WarningSink } from '../../types/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import type { CompileContext } from '../compile-context.js';
import { BIGINT_TYPE, BOOL_RESULT_TYPE, varcharType } from '../literal-types.js';
import { comparisonCollation } from '../type-inference.js';
import type { BuiltinFunction } from './builtin-function.js';
import { foldCall } from './fold-call.js';
import type { IcuFlags } from './regexp/icu-pattern-translator.js';
import { IcuRegExp, codePointLength, codePointPosition, codeUnitIndex, expandReplacement } from './regexp/icu-regexp.js';
import type { IcuMatch } from './regexp/icu-regexp.js';

/** The pattern side of a call: how to get the compiled expression for a row's values. */
interface PatternSource {
  /** Binary strings on both sides: bytes are matched one by one, results stay binary. */
  readonly isBinary: boolean;
  readonly text: (value: Exclude<SqlValue, null>) => string;
  readonly result: (text: string) => SqlValue;
  /** The compiled pattern for this row, or null when the pattern or the match type is NULL. */
  readonly regexp: (pattern: SqlValue, matchType: SqlValue | undefined) => IcuRegExp | null;
}

/** The longest result REGEXP_REPLACE may build, as MySQL's max_allowed_packet-sized buffer. */
const TEXT_RESULT_TYPE = varcharType(65535);
/**
 * regexp_time_limit counts ICU match steps, "typically on the order of milliseconds"; a match that can backtrack
 * badly gets this many milliseconds per step of it (320 ms by default), room enough for a loaded machine.
 */
const MILLISECONDS_PER_TIME_LIMIT_STEP = 10;

/**
 * What the pattern means for these arguments: the default case sensitivity of their collation, byte matching for two
 * binary strings (a binary string with a character string is 3995, as in MySQL 8.0.22+), the match_type flags.
 */
function patternSource(name: string, subject: CompiledExpr, pattern: CompiledExpr, matchType: CompiledExpr | undefined): PatternSource {
  const isBinary = isBinaryType(subject.type) && isBinaryType(pattern.type);
  for (const [a, b] of [[subject.type, pattern.type], [pattern.type, subject.type]] as const) {
    if (isBinaryType(a) && isTextType(b)) throw mysqlError(ER_CHARACTER_SET_MISMATCH, b.collation, 'binary', name);
  }
  const base: IcuFlags = {
    isCaseInsensitive: !isBinary && comparisonCollation(subject.type, pattern.type).endsWith('_ci'),
    isMultiline: false,
    isDotAll: false,
    isFreeSpacing: false,
    isUnixLines: false,
  };
  const text = (value: Exclude<SqlValue, null>): string => (isBinary && Buffer.isBuffer(value) ? value.toString('latin1') : (toText(value) ?? ''));
  const compile = (patternValue: SqlValue, matchTypeValue: SqlValue | undefined): IcuRegExp | null => {
    if (patternValue === null || matchTypeValue === null) return null;
    const flags = matchTypeValue === undefined ? base : applyMatchType(base, toText(matchTypeValue) ?? '', name);
    return IcuRegExp.compile(text(patternValue), flags);
  };
  const isConstant = pattern.constantValue !== undefined && (matchType === undefined || matchType.constantValue !== undefined);
  const constant = isConstant ? compile(pattern.constantValue ?? null, matchType?.constantValue ?? undefined) : undefined;
  return {
    isBinary,
    text,
    result: (value) => (isBinary ? Buffer.from(value, 'latin1') : value),
    regexp: constant !== undefined ? () => constant : compile,
  };
}

/**
 * match_type: c (case-sensitive), i (case-insensitive), m (multiple lines), n (. matches line terminators),
 * u (only \n ends a line); a later c/i wins. Any other letter is 1210.
 */
function applyMatchType(base: IcuFlags, matchType: string, name: string): IcuFlags {
  const flags = { ...base };
  for (const letter of matchType) {
    if (letter === 'c') flags.isCaseInsensitive = false;
    else if (letter === 'i') flags.isCaseInsensitive = true;
    else if (letter === 'm') flags.isMultiline = true;
    else if (letter === 'n') flags.isDotAll = true;
    else if (letter === 'u') flags.isUnixLines = true;
    else throw mysqlError(ER_WRONG_ARGUMENTS, name);
  }
  return flags;
}

/**
 * The UTF-16 index where the search starts: `pos` counts characters from 1; below 1 is 1583, beyond the last
 * character 3686 (an empty subject still takes 1), as MySQL reports them.
 */
function startIndex(subject: string, position: SqlValue | undefined, name: string, warnings: WarningSink): number {
  if (position === undefined) return 0;
  const pos = toInteger(position, warnings)!;
  if (pos < 1n) throw mysqlError(ER_WRONG_PARAMETERS_TO_NATIVE_FCT, name);
  if (pos > BigInt(Math.max(codePointLength(subject), 1))) throw mysqlError(ER_REGEXP_INDEX_OUTOFBOUNDS_ERROR);
  return codeUnitIndex(subject, Number(pos));
}

function occurrenceOf(value: SqlValue | undefined, warnings: WarningSink): number {
  if (value === undefined) return 1;
  const occurrence = toInteger(value, warnings)!;
  return occurrence > 2147483647n ? 2147483647 : Number(occurrence);
}

/** What a call's body needs besides the values: the pattern side, the time limit per match, the warning sink. */
interface RegexpCall {
  readonly source: PatternSource;
  readonly timeLimit: number;
  readonly warnings: WarningSink;
}

/**
 * A regexp function over `args`: `patternIndex`/`matchTypeIndex` say where the pattern and match_type are; `body`
 * sees the subject text, the compiled pattern and the remaining values. NULL in any argument gives NULL.
 */
function regexpFunction(
  name: string,
  minArgs: number,
  maxArgs: number,
  type: (source: PatternSource, args: readonly CompiledExpr[]) => FieldType,
  body: (subject: string, regexp: IcuRegExp, values: readonly SqlValue[], call: RegexpCall) => SqlValue,
): BuiltinFunction {
  return {
    minArgs,
    maxArgs,
    compile: (args, context) => {
      const matchTypeArg = args.length === maxArgs ? args[maxArgs - 1] : undefined;
      const source = patternSource(name, args[0]!, args[1]!, matchTypeArg);
      const timeLimit = Number(toInteger(context.session.systemVariable('regexp_time_limit', 'global'), context.session.warnings) ?? 0n) * MILLISECONDS_PER_TIME_LIMIT_STEP;
      const call: RegexpCall = { source, timeLimit, warnings: context.session.warnings };
      return foldCall(args, type(source, args), (values) => {
        if (values.some((value) => value === null)) return null;
        const regexp = source.regexp(values[1]!, matchTypeArg === undefined ? undefined : values[maxArgs - 1]);
        if (regexp === null) return null;
        return body(source.text(values[0]!), regexp, values, call);
      });
    },
  };
}

const regexpLike = regexpFunction('regexp_like', 2, 3, () => BOOL_RESULT_TYPE, (subject, regexp, _values, { timeLimit }) => (regexp.find(subject, 0, 1, timeLimit) ? 1n : 0n));

/** REGEXP_INSTR(expr, pat[, pos[, occurrence[, return_option[, match_type]]]]): a character position or 0. */
const regexpInstr = regexpFunction('regexp_instr', 2, 6, () => BIGINT_TYPE, (subject, regexp, values, { timeLimit, warnings }) => {
  const from = startIndex(subject, values[2], 'regexp_instr', warnings);
  const returnOption = values[4] === undefined ? 0n : toInteger(values[4], warnings)!;
  if (returnOption !== 0n && returnOption !== 1n) throw mysqlError(ER_WRONG_ARGUMENTS, 'regexp_instr');
  const match = regexp.find(subject, from, occurrenceOf(values[3], warnings), timeLimit);
  if (!match) return 0n;
  return BigInt(codePointPosition(subject, returnOption === 1n ? match.end : match.start));
});

/** REGEXP_SUBSTR(expr, pat[, pos[, occurrence[, match_type]]]): the matched text, or NULL. */
const regexpSubstr = regexpFunction('regexp_substr', 2, 5, (source, args) => resultType(source, args[0]!), (subject, regexp, values, { source, timeLimit, warnings }) => {
  const from = startIndex(subject, values[2], 'regexp_substr', warnings);
  const match = regexp.find(subject, from, occurrenceOf(values[3], warnings), timeLimit);
  return match ? source.result(subject.slice(match.start, match.end)) : null;
});

/**
 * REGEXP_REPLACE(expr, pat, repl[, pos[, occurrence[, match_type]]]): occurrence 0 (the default) replaces every
 * match from pos on, n only the n-th; the text before pos is kept as is.
 */
const regexpReplace = regexpFunction('regexp_replace', 3, 6, (source) => (source.isBinary ? fieldType(TypeKind.LongBlob) : TEXT_RESULT_TYPE), (subject, regexp, values, { source, timeLimit, warnings }) => {
  const from = startIndex(subject, values[3], 'regexp_replace', warnings);
  const occurrence = values[4] === undefined ? 0 : occurrenceOf(values[4], warnings);
  const parts = regexp.parseReplacement(source.text(values[2]!));
  const selected: IcuMatch[] = occurrence <= 0 ? [...regexp.matches(subject, from, timeLimit)] : [regexp.find(subject, from, occurrence, timeLimit)].filter((match) => match !== undefined);
  let result = '';
  let copied = 0;
  for (const match of selected) {
    result += subject.slice(copied, match.start) + expandReplacement(parts, match);
    copied = match.end;
  }
  return source.result(result + subject.slice(copied));
});

function resultType(source: PatternSource, subject: CompiledExpr): FieldType {
  const length = Math.max(subject.type.length, 1);
  return source.isBinary ? fieldType(TypeKind.VarBinary, { length }) : varcharType(length);
}

/** `expr [NOT] REGEXP pat` / RLIKE: REGEXP_LIKE(expr, pat), negated for NOT. */
export function compileRegexpOperator(operand: CompiledExpr, pattern: CompiledExpr, isNot: boolean, context: CompileContext): CompiledExpr {
  const like = regexpLike.compile([operand, pattern], context, { kind: 'FuncCallExpr', name: 'REGEXP_LIKE', args: [] });
  if (!isNot) return like;
  return foldCall([like], BOOL_RESULT_TYPE, ([value]) => (value === null || value === undefined ? null : value === 1n ? 0n : 1n));
}

export const regexpFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['REGEXP_LIKE', regexpLike],
  ['REGEXP_INSTR', regexpInstr],
  ['REGEXP_SUBSTR', regexpSubstr],
  ['REGEXP_REPLACE', regexpReplace],
]);
