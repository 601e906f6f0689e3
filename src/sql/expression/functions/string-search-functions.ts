// String search and comparison functions: INSTR, LOCATE, POSITION, FIELD, ELT, FIND_IN_SET, STRCMP, ASCII, ORD.
// https://dev.mysql.com/doc/refman/8.0/en/string-functions.html
import { compareStrings, compareValues, isStringType, toDouble, toInteger, toText } from '../../types/index.js';
import type { CollationName } from '../../types/index.js';
import { collatorFor } from '../../collation/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { BIGINT_TYPE } from '../literal-types.js';
import { comparisonCollation } from '../type-inference.js';
import type { BuiltinFunction } from './builtin-function.js';
import { foldCall, strictCall } from './fold-call.js';
import { charsOf, stringResultType, toCount } from './string-args.js';

/**
 * The 1-based character position of `needle` in `haystack` at or after character `from`, or 0, comparing character
 * by character under the collation. An empty needle is found at `from` while `from` is within the string (+1), as
 * in MySQL.
 */
function locate(needle: string, haystack: string, from: number, collation: CollationName): number {
  const chars = charsOf(haystack);
  if (from < 1 || from > chars.length + 1) return 0;
  const collator = collatorFor(collation);
  if (collator.isExact) {
    const index = haystack.indexOf(needle, chars.slice(0, from - 1).join('').length);
    return index < 0 ? 0 : charsOf(haystack.slice(0, index)).length + 1;
  }
  const keys = chars.map((char) => collator.charKey(char));
  const wanted = charsOf(needle).map((char) => collator.charKey(char));
  for (let start = from - 1; start + wanted.length <= keys.length; start++) {
    if (wanted.every((key, i) => keys[start + i] === key)) return start + 1;
  }
  return 0;
}

/** LOCATE/POSITION (needle first, optional start) or INSTR (haystack first): the needle's position, 0 when absent. */
function searchFunction(minArgs: number, maxArgs: number, needleFirst: boolean): BuiltinFunction {
  return {
    minArgs,
    maxArgs,
    compile: (args, { session }) => {
      const [needleArg, haystackArg] = needleFirst ? [args[0]!, args[1]!] : [args[1]!, args[0]!];
      const collation = comparisonCollation(needleArg.type, haystackArg.type, needleFirst ? 'locate' : 'instr');
      return strictCall(args, BIGINT_TYPE, (values) => {
        const [needle, haystack] = needleFirst ? [values[0]!, values[1]!] : [values[1]!, values[0]!];
        const from = values[2] === undefined ? 1 : toCount(toInteger(values[2], session.warnings)!);
        return BigInt(locate(toText(needle) ?? '', toText(haystack) ?? '', from, collation));
      });
    },
  };
}

/**
 * FIELD(str, str1, str2, …): the 1-based index of the first argument equal to str, 0 when none is (or str is NULL).
 * All-string arguments compare as strings, otherwise as doubles, as MySQL does.
 */
const fieldFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: Infinity,
  compile: (args, { session }) => {
    const isTextual = args.every((arg) => isStringType(arg.type) || arg.type.kind === 'null');
    const collations = args.map((arg) => comparisonCollation(args[0]!.type, arg.type, 'field'));
    const warnings = session.warnings;
    return foldCall(args, BIGINT_TYPE, ([subject, ...candidates]) => {
      if (subject === null || subject === undefined) return 0n;
      for (let i = 0; i < candidates.length; i++) {
        const candidate = candidates[i];
        if (candidate === null || candidate === undefined) continue;
        const isEqual = isTextual
          ? compareStrings(toText(subject) ?? '', toText(candidate) ?? '', collations[i + 1]!) === 0
          : toDouble(subject, warnings) === toDouble(candidate, warnings);
        if (isEqual) return BigInt(i + 1);
      }
      return 0n;
    }, false);
  },
};

/** ELT(n, str1, str2, …): the n-th string, NULL when n is out of range. */
const eltFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: Infinity,
  compile: (args, { session }) => {
    const choices = args.slice(1);
    const type = stringResultType(Math.max(...choices.map((choice) => choice.type.length)), choices[0]!.type);
    return foldCall(args, type, ([indexValue, ...values]) => {
      const index = toInteger(indexValue ?? null, session.warnings);
      if (index === null || index < 1n || index > BigInt(values.length)) return null;
      return values[Number(index) - 1] ?? null;
    });
  },
};

/** FIND_IN_SET(str, strlist): 1-based position of str in the comma-separated list; 0 when absent or str has a comma. */
const findInSetFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args) => {
    const collation = comparisonCollation(args[0]!.type, args[1]!.type, 'find_in_set');
    return strictCall(args, BIGINT_TYPE, ([needleValue, listValue]) => {
      const needle = toText(needleValue!) ?? '';
      const list = toText(listValue!) ?? '';
      if (needle.includes(',') || list === '') return 0n;
      const index = list.split(',').findIndex((item) => compareStrings(item, needle, collation) === 0);
      return BigInt(index + 1);
    });
  },
};

/** STRCMP(a, b): -1, 0 or 1 under the arguments' collation. */
const strcmpFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args: readonly CompiledExpr[], { session }) => {
    const collation = comparisonCollation(args[0]!.type, args[1]!.type, 'strcmp');
    return strictCall(args, BIGINT_TYPE, ([a, b]) => {
      const order = compareValues(toText(a!) ?? '', toText(b!) ?? '', collation, session.warnings);
      return order < 0 ? -1n : order > 0 ? 1n : 0n;
    });
  },
};

const bytesOf = (value: Exclude<Parameters<typeof toText>[0], null>): Buffer =>
  Buffer.isBuffer(value) ? value : Buffer.from(toText(value) ?? '', 'utf8');

/** ASCII(str): the first byte, 0 for ''. */
const asciiFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: (args) => strictCall(args, BIGINT_TYPE, ([value]) => BigInt(bytesOf(value!)[0] ?? 0)),
};

/** ORD(str): the first character's bytes as a big-endian number (its ASCII code for a one-byte character). */
const ordFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: (args) =>
    strictCall(args, BIGINT_TYPE, ([value]) => {
      const first = Buffer.isBuffer(value) ? value.subarray(0, 1) : Buffer.from(charsOf(toText(value!) ?? '')[0] ?? '', 'utf8');
      return first.reduce((code, byte) => code * 256n + BigInt(byte), 0n);
    }),
};

export const stringSearchFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['INSTR', searchFunction(2, 2, false)],
  ['LOCATE', searchFunction(2, 3, true)],
  ['POSITION', searchFunction(2, 2, true)],
  ['FIELD', fieldFunction],
  ['ELT', eltFunction],
  ['FIND_IN_SET', findInSetFunction],
  ['STRCMP', strcmpFunction],
  ['ASCII', asciiFunction],
  ['ORD', ordFunction],
]);
