// Functions that build strings from codes, bits and pieces: CHAR(… [USING charset]), INSERT, EXPORT_SET, MAKE_SET,
// BIT_LENGTH, SOUNDEX.
// https://dev.mysql.com/doc/refman/8.0/en/string-functions.html
import { mysqlError, ER_INVALID_CHARACTER_STRING, ER_UNKNOWN_CHARACTER_SET } from '../../../errors/index.js';
import { TypeKind, fieldType, toInteger, toText } from '../../types/index.js';
import type { SqlValue, WarningSink } from '../../types/index.js';
import { BIGINT_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { foldCall, strictCall } from './fold-call.js';

const MAX_SET_BITS = 64;
const SOUNDEX_MIN_LENGTH = 4;
/** SOUNDEX digit of each letter A–Z (MySQL's soundex_map): vowels, H, W and Y are 0. */
const SOUNDEX_CODES = '01230120022455012623010202';
const BITS_PER_BYTE = 8n;
const ASCII_UPPER_A = 65;

/** Text of `bytes` in a character set, or undefined when they are not valid in it. */
type Decoder = (bytes: Buffer) => string | undefined;

/** UTF-8 (utf8mb4, utf8mb3): undefined for bytes that do not round-trip. */
const utf8: Decoder = (bytes) => {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
};

/** Left-pads with zero bytes to a multiple of `unit`, as MySQL aligns the bytes of a UCS-2/UTF-16/UTF-32 string. */
const aligned = (bytes: Buffer, unit: number): Buffer => (bytes.length % unit === 0 ? bytes : Buffer.concat([Buffer.alloc(unit - (bytes.length % unit)), bytes]));

/** Big-endian UTF-16 (MySQL's utf16 and ucs2): CHAR(65 USING utf16) is 'A'. */
const utf16: Decoder = (bytes) => {
  const swapped = Buffer.from(aligned(bytes, 2));
  return swapped.swap16().toString('utf16le');
};

const utf32: Decoder = (bytes) => {
  const padded = aligned(bytes, 4);
  const codePoints: number[] = [];
  for (let i = 0; i < padded.length; i += 4) codePoints.push(padded.readUInt32BE(i));
  return codePoints.every((cp) => cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) ? String.fromCodePoint(...codePoints) : undefined;
};

/** The character sets CHAR(… USING …) decodes with, by MySQL name; binary keeps the bytes. */
const DECODERS: ReadonlyMap<string, Decoder | 'binary'> = new Map<string, Decoder | 'binary'>([
  ['utf8mb4', utf8],
  ['utf8mb3', utf8],
  ['utf8', utf8],
  ['ascii', (bytes) => bytes.toString('latin1')],
  ['latin1', (bytes) => bytes.toString('latin1')],
  ['utf16', utf16],
  ['ucs2', utf16],
  ['utf16le', (bytes) => aligned(bytes, 2).toString('utf16le')],
  ['utf32', utf32],
  ['binary', 'binary'],
]);

/** The bytes of one CHAR() argument: the integer's big-endian bytes without leading zeros (CHAR(256) = CHAR(1, 0)). */
function codeBytes(code: bigint): number[] {
  let n = BigInt.asUintN(32, code);
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(n & 0xffn));
    n >>= BITS_PER_BYTE;
  } while (n > 0n);
  return bytes;
}

/** A CHAR() argument as an integer; a hex literal (a binary string) is the number its bytes spell, as MySQL reads it. */
function codeOf(value: Exclude<SqlValue, null>, warnings: WarningSink): bigint {
  if (Buffer.isBuffer(value)) return value.length === 0 ? 0n : BigInt(`0x${value.toString('hex')}`);
  return toInteger(value, warnings)!;
}

/**
 * CHAR(N, … [USING charset]): the bytes of the integers (NULLs skipped), a binary string, or text of `charset`
 * (bytes that are not valid in it give NULL with warning 1300).
 */
const charFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: Infinity,
  compile: (args, { session }, call) => {
    const charset = call.usingCharset?.toLowerCase() ?? 'binary';
    const decoder = DECODERS.get(charset);
    if (decoder === undefined) throw mysqlError(ER_UNKNOWN_CHARACTER_SET, charset);
    const type = decoder === 'binary' ? fieldType(TypeKind.VarBinary, { length: args.length * 4 }) : varcharType(args.length);
    return foldCall(args, type, (values) => {
      const bytes = Buffer.from(values.flatMap((value) => (value === null || value === undefined ? [] : codeBytes(codeOf(value, session.warnings)))));
      if (decoder === 'binary') return bytes;
      const text = decoder(bytes);
      if (text === undefined) session.warnings.warn(mysqlError(ER_INVALID_CHARACTER_STRING, charset, bytes.toString('hex').toUpperCase()));
      return text ?? null;
    });
  },
};

/** INSERT(str, pos, len, newstr): str with len characters from pos replaced; pos outside the string leaves it whole. */
const insertFunction: BuiltinFunction = {
  minArgs: 4,
  maxArgs: 4,
  compile: (args, { session }) =>
    strictCall(args, varcharType(Math.max(args[0]!.type.length, 0) + Math.max(args[3]!.type.length, 0)), ([text, position, length, replacement]) => {
      const chars = Array.from(toText(text!) ?? '');
      const pos = toInteger(position!, session.warnings)!;
      const len = toInteger(length!, session.warnings)!;
      if (pos < 1n || pos > BigInt(chars.length)) return chars.join('');
      const start = Number(pos) - 1;
      const end = len < 0n || BigInt(start) + len > BigInt(chars.length) ? chars.length : start + Number(len);
      return chars.slice(0, start).join('') + (toText(replacement!) ?? '') + chars.slice(end).join('');
    }),
};

/** EXPORT_SET(bits, on, off[, separator[, number_of_bits]]): on/off per bit from the lowest, 64 bits at most. */
const exportSetFunction: BuiltinFunction = {
  minArgs: 3,
  maxArgs: 5,
  compile: (args, { session }) =>
    strictCall(args, varcharType(255), ([bits, on, off, separator, count]) => {
      const mask = BigInt.asUintN(64, toInteger(bits!, session.warnings)!);
      const requested = count === undefined ? BigInt(MAX_SET_BITS) : toInteger(count, session.warnings)!;
      const width = requested < 0n || requested > BigInt(MAX_SET_BITS) ? MAX_SET_BITS : Number(requested);
      const onText = toText(on!) ?? '';
      const offText = toText(off!) ?? '';
      const parts: string[] = [];
      for (let bit = 0; bit < width; bit++) parts.push((mask >> BigInt(bit)) & 1n ? onText : offText);
      return parts.join(separator === undefined ? ',' : (toText(separator) ?? ''));
    }),
};

/** MAKE_SET(bits, str1, str2, …): the strings whose bits are set, NULLs left out, joined with commas. */
const makeSetFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: Infinity,
  compile: (args, { session }) =>
    foldCall(args, varcharType(255), ([bits, ...strings]) => {
      if (bits === null || bits === undefined) return null;
      const mask = BigInt.asUintN(64, toInteger(bits, session.warnings)!);
      const chosen = strings.filter((value, i): value is Exclude<SqlValue, null> => value !== null && ((mask >> BigInt(i)) & 1n) === 1n);
      return chosen.map((value) => toText(value) ?? '').join(',');
    }),
};

/**
 * SOUNDEX(str), as MySQL computes it: letters only; the first kept (ASCII ones upper-cased), then each letter's digit
 * unless it is 0 or repeats the last digit written (vowels do not separate repeats); padded to four, never cut.
 */
export function soundex(text: string): string {
  const letters = Array.from(text).filter((char) => /\p{L}/u.test(char));
  const [first, ...rest] = letters;
  if (first === undefined) return '';
  const code = (char: string): string => (/^[A-Za-z]$/.test(char) ? SOUNDEX_CODES[char.toUpperCase().charCodeAt(0) - ASCII_UPPER_A]! : '0');
  let result = /^[a-z]$/.test(first) ? first.toUpperCase() : first;
  let last = code(first);
  for (const char of rest) {
    const digit = code(char);
    if (digit === '0' || digit === last) continue;
    result += digit;
    last = digit;
  }
  return result.padEnd(SOUNDEX_MIN_LENGTH, '0');
}

export const stringComposeFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['CHAR', charFunction],
  ['INSERT', insertFunction],
  ['EXPORT_SET', exportSetFunction],
  ['MAKE_SET', makeSetFunction],
  ['BIT_LENGTH', { minArgs: 1, maxArgs: 1, compile: (args) => strictCall(args, BIGINT_TYPE, ([value]) => BigInt(Buffer.isBuffer(value) ? value.length : Buffer.byteLength(toText(value!) ?? '', 'utf8')) * BITS_PER_BYTE) }],
  ['SOUNDEX', { minArgs: 1, maxArgs: 1, compile: (args) => strictCall(args, varcharType(Math.max(args[0]!.type.length, SOUNDEX_MIN_LENGTH)), ([value]) => soundex(toText(value!) ?? '')) }],
]);
