// String-building functions: SUBSTRING, SUBSTRING_INDEX, LEFT, RIGHT, TRIM, LPAD, RPAD, REPEAT, REVERSE, REPLACE, SPACE.
// https://dev.mysql.com/doc/refman/8.0/en/string-functions.html
import { toInteger } from '../../types/index.js';
import type { BuiltinFunction } from './builtin-function.js';
import { strictCall } from './fold-call.js';
import { charsOf, fitsPacket, fromWorkText, stringResultType, toCount, workText } from './string-args.js';

/** SUBSTRING(str, pos[, len]): 1-based character positions, negative `pos` counts from the end, pos 0 is ''. */
const substringFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 3,
  compile: (args, { session }) =>
    strictCall(args, stringResultType(args[0]!.type.length, args[0]!.type), ([str, pos, len]) => {
      const isBinary = Buffer.isBuffer(str);
      const chars = charsOf(workText(str!, isBinary));
      const position = toCount(toInteger(pos!, session.warnings)!);
      const start = position > 0 ? position - 1 : chars.length + position;
      if (position === 0 || start < 0 || start >= chars.length) return fromWorkText('', isBinary);
      const count = len === undefined ? chars.length : toCount(toInteger(len, session.warnings)!);
      if (count <= 0) return fromWorkText('', isBinary);
      return fromWorkText(chars.slice(start, start + count).join(''), isBinary);
    }),
};

/**
 * SUBSTRING_INDEX(str, delim, count): the part of str before the count-th delim (from the right when count is
 * negative); delim matches case-sensitively.
 */
const substringIndexFunction: BuiltinFunction = {
  minArgs: 3,
  maxArgs: 3,
  compile: (args, { session }) =>
    strictCall(args, stringResultType(args[0]!.type.length, args[0]!.type), ([str, delim, countValue]) => {
      const isBinary = Buffer.isBuffer(str);
      const text = workText(str!, isBinary);
      const delimiter = workText(delim!, isBinary);
      const count = toCount(toInteger(countValue!, session.warnings)!);
      if (delimiter === '' || count === 0) return fromWorkText('', isBinary);
      const parts = text.split(delimiter);
      const kept = count > 0 ? parts.slice(0, count) : parts.slice(Math.max(parts.length + count, 0));
      return fromWorkText(kept.join(delimiter), isBinary);
    }),
};

/**
 * LEFT(str, len) and RIGHT(str, len): a non-positive length gives ''. With a constant length the result is at most
 * that long (MySQL types `LEFT(text_col, 10)` VARCHAR(10)).
 */
function edgeFunction(isLeft: boolean): BuiltinFunction {
  return {
    minArgs: 2,
    maxArgs: 2,
    compile: (args, { session }) =>
      strictCall(args, stringResultType(atMost(args[0]!.type.length, args[1]!.constantValue), args[0]!.type), ([str, len]) => {
        const isBinary = Buffer.isBuffer(str);
        const chars = charsOf(workText(str!, isBinary));
        const count = Math.min(toCount(toInteger(len!, session.warnings)!), chars.length);
        if (count <= 0) return fromWorkText('', isBinary);
        return fromWorkText((isLeft ? chars.slice(0, count) : chars.slice(chars.length - count)).join(''), isBinary);
      }),
  };
}

type TrimMode = 'LEADING' | 'TRAILING' | 'BOTH';

function trimText(text: string, remove: string, mode: TrimMode): string {
  if (remove === '') return text;
  let start = 0;
  let end = text.length;
  if (mode !== 'TRAILING') while (text.startsWith(remove, start)) start += remove.length;
  if (mode !== 'LEADING') while (end - remove.length >= start && text.startsWith(remove, end - remove.length)) end -= remove.length;
  return text.slice(start, end);
}

/**
 * TRIM([BOTH|LEADING|TRAILING] [remstr] FROM str): the parser passes [str] or [str, remstr] and the mode in
 * `call.trimMode`. Removes whole repetitions of remstr (default one space), case-sensitively as MySQL does.
 */
const trimFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 2,
  compile: (args, _context, call) => {
    const mode: TrimMode = call.trimMode ?? 'BOTH';
    return strictCall(args, stringResultType(args[0]!.type.length, args[0]!.type), ([str, remstr]) => {
      const isBinary = Buffer.isBuffer(str);
      return fromWorkText(trimText(workText(str!, isBinary), remstr === undefined ? ' ' : workText(remstr, isBinary), mode), isBinary);
    });
  },
};

/** LTRIM/RTRIM remove spaces only (not tabs or newlines). */
function spaceTrimFunction(mode: TrimMode): BuiltinFunction {
  return {
    minArgs: 1,
    maxArgs: 1,
    compile: (args) =>
      strictCall(args, stringResultType(args[0]!.type.length, args[0]!.type), ([str]) => {
        const isBinary = Buffer.isBuffer(str);
        return fromWorkText(trimText(workText(str!, isBinary), ' ', mode), isBinary);
      }),
  };
}

/** `length` (negative: unknown), or a constant count below it (a negative count: 0). */
function atMost(length: number, count: unknown): number {
  if (typeof count !== 'bigint') return length;
  const bound = Math.max(toCount(count), 0);
  return length < 0 ? bound : Math.min(length, bound);
}

/** LPAD/RPAD(str, len, padstr): a longer str is cut to len; a negative len, or padding with '', gives NULL. */
function padFunction(isLeft: boolean): BuiltinFunction {
  return {
    minArgs: 3,
    maxArgs: 3,
    compile: (args, { session }, call) => {
      const constantLength = args[1]!.constantValue;
      const length = typeof constantLength === 'bigint' ? toCount(constantLength) : args[0]!.type.length;
      return strictCall(args, stringResultType(length, args[0]!.type), ([str, len, pad]) => {
        const isBinary = Buffer.isBuffer(str) || Buffer.isBuffer(pad);
        const chars = charsOf(workText(str!, isBinary));
        const target = toCount(toInteger(len!, session.warnings)!);
        if (target < 0) return null;
        if (chars.length >= target) return fromWorkText(chars.slice(0, target).join(''), isBinary);
        const padChars = charsOf(workText(pad!, isBinary));
        if (padChars.length === 0) return null;
        if (!fitsPacket(target, call.name, session)) return null;
        const needed = target - chars.length;
        const filler: string[] = [];
        while (filler.length < needed) filler.push(...padChars.slice(0, needed - filler.length));
        const text = isLeft ? [...filler, ...chars] : [...chars, ...filler];
        return fromWorkText(text.join(''), isBinary);
      });
    },
  };
}

const repeatFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args, { session }) =>
    strictCall(args, stringResultType(args[0]!.type.length, args[0]!.type), ([str, countValue]) => {
      const isBinary = Buffer.isBuffer(str);
      const text = workText(str!, isBinary);
      const count = toCount(toInteger(countValue!, session.warnings)!);
      if (count <= 0 || text === '') return fromWorkText('', isBinary);
      if (!fitsPacket(Buffer.byteLength(text, isBinary ? 'latin1' : 'utf8') * count, 'repeat', session)) return null;
      return fromWorkText(text.repeat(count), isBinary);
    }),
};

const reverseFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: (args) =>
    strictCall(args, stringResultType(args[0]!.type.length, args[0]!.type), ([str]) => {
      const isBinary = Buffer.isBuffer(str);
      return fromWorkText(charsOf(workText(str!, isBinary)).reverse().join(''), isBinary);
    }),
};

/** REPLACE(str, from, to): case-sensitive, every occurrence; an empty `from` changes nothing. */
const replaceFunction: BuiltinFunction = {
  minArgs: 3,
  maxArgs: 3,
  compile: (args) =>
    strictCall(args, stringResultType(args[0]!.type.length, args[0]!.type), ([str, from, to]) => {
      const isBinary = Buffer.isBuffer(str);
      const text = workText(str!, isBinary);
      const search = workText(from!, isBinary);
      return fromWorkText(search === '' ? text : text.split(search).join(workText(to!, isBinary)), isBinary);
    }),
};

const spaceFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: (args, { session }) => {
    const constant = args[0]!.constantValue;
    return strictCall(args, stringResultType(typeof constant === 'bigint' ? toCount(constant) : 255), ([countValue]) => {
      const count = toCount(toInteger(countValue!, session.warnings)!);
      if (count <= 0) return '';
      return fitsPacket(count, 'space', session) ? ' '.repeat(count) : null;
    });
  },
};

export const substringFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['SUBSTRING', substringFunction],
  ['SUBSTR', substringFunction],
  ['MID', substringFunction],
  ['SUBSTRING_INDEX', substringIndexFunction],
  ['LEFT', edgeFunction(true)],
  ['RIGHT', edgeFunction(false)],
  ['TRIM', trimFunction],
  ['LTRIM', spaceTrimFunction('LEADING')],
  ['RTRIM', spaceTrimFunction('TRAILING')],
  ['LPAD', padFunction(true)],
  ['RPAD', padFunction(false)],
  ['REPEAT', repeatFunction],
  ['REVERSE', reverseFunction],
  ['REPLACE', replaceFunction],
  ['SPACE', spaceFunction],
]);
