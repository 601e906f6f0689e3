// Encoding and hashing functions: HEX, UNHEX, BIN, OCT, CONV, BIT_COUNT, MD5, SHA1/SHA, SHA2, TO_BASE64, FROM_BASE64.
// https://dev.mysql.com/doc/refman/8.0/en/string-functions.html, …/encryption-functions.html
import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';
import { TypeKind, fieldType, toInteger, toText } from '../../types/index.js';
import type { FieldType } from '../../types/index.js';
import { varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { strictCall } from './fold-call.js';
import type { PresentValue } from './fold-call.js';

/** The digest lengths SHA2() accepts; 0 means SHA-256. */
const SHA2_ALGORITHMS: ReadonlyMap<bigint, string> = new Map([
  [0n, 'sha256'],
  [224n, 'sha224'],
  [256n, 'sha256'],
  [384n, 'sha384'],
  [512n, 'sha512'],
]);
const SHA2_MAX_HEX_LENGTH = 128;
/** TO_BASE64 breaks its output into lines of this many characters, as MySQL's base64_encode does. */
const BASE64_LINE_LENGTH = 76;

const bytesOf = (value: PresentValue): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(toText(value) ?? '', 'utf8'));
const binaryType = (length: number): FieldType => fieldType(TypeKind.VarBinary, { length: Math.max(length, 0) });

/** HEX(n) of a number is the hex of its 64-bit two's-complement integer; HEX(str) the hex of its bytes. */
const hexFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([arg], { session }) =>
    strictCall([arg!], varcharType(Math.max(arg!.type.length, 8) * 2), ([value]) => {
      if (typeof value === 'bigint' || typeof value === 'number' || value instanceof Decimal) {
        return BigInt.asUintN(64, toInteger(value, session.warnings)!).toString(16).toUpperCase();
      }
      return bytesOf(value!).toString('hex').toUpperCase();
    }),
};

/** UNHEX(str): the bytes the hex digits spell (a leading 0 is assumed for odd lengths); NULL for non-hex input. */
const unhexFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([arg]) =>
    strictCall([arg!], binaryType(Math.ceil(arg!.type.length / 2)), ([value]) => {
      const text = toText(value!) ?? '';
      if (!/^[0-9a-fA-F]*$/.test(text)) return null;
      return Buffer.from(text.length % 2 === 1 ? `0${text}` : text, 'hex');
    }),
};

/** BIN(n) / OCT(n): the 64-bit integer value of n in base 2 or 8 (CONV(n, 10, base)). */
function radixFunction(radix: number): BuiltinFunction {
  return {
    minArgs: 1,
    maxArgs: 1,
    compile: ([arg], { session }) =>
      strictCall([arg!], varcharType(64), ([value]) => BigInt.asUintN(64, toInteger(value!, session.warnings)!).toString(radix)),
  };
}

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;
const RadixRange = { min: 2, max: 36 } as const;

/**
 * The integer the text spells in `radix` (its longest valid prefix, after an optional sign), clipped to 64 bits:
 * a negative base reads a signed number, a positive one wraps a minus sign to two's complement, as MySQL's CONV.
 */
function parseRadix(text: string, radix: number, isSigned: boolean): bigint {
  const match = /^\s*([+-]?)([0-9a-zA-Z]*)/.exec(text) ?? ['', '', ''];
  let value = 0n;
  for (const char of match[2]) {
    const digit = parseInt(char, 36);
    if (digit >= radix) break;
    value = value * BigInt(radix) + BigInt(digit);
    if (value > UINT64_MAX) {
      value = UINT64_MAX;
      break;
    }
  }
  if (isSigned) {
    const limit = match[1] === '-' ? INT64_MAX + 1n : INT64_MAX;
    const clipped = value > limit ? limit : value;
    return match[1] === '-' ? -clipped : clipped;
  }
  return match[1] === '-' ? BigInt.asUintN(64, -value) : value;
}

/** CONV(n, from_base, to_base): bases ±2…±36 (a negative one is signed); anything else gives NULL. */
const convFunction: BuiltinFunction = {
  minArgs: 3,
  maxArgs: 3,
  compile: ([numberArg, fromArg, toArg], { session }) =>
    strictCall([numberArg!, fromArg!, toArg!], varcharType(64), ([value, fromValue, toValue]) => {
      const from = Number(toInteger(fromValue!, session.warnings));
      const to = Number(toInteger(toValue!, session.warnings));
      const isValid = (base: number): boolean => Math.abs(base) >= RadixRange.min && Math.abs(base) <= RadixRange.max;
      if (!isValid(from) || !isValid(to)) return null;
      // A number is converted from its integer value; strings are read in from_base.
      const isString = typeof value === 'string' || Buffer.isBuffer(value);
      const integer = isString ? parseRadix(toText(value) ?? '', Math.abs(from), from < 0) : toInteger(value!, session.warnings)!;
      const result = to < 0 ? BigInt.asIntN(64, integer) : BigInt.asUintN(64, integer);
      return (result < 0n ? `-${(-result).toString(Math.abs(to))}` : result.toString(Math.abs(to))).toUpperCase();
    }),
};

/** BIT_COUNT(n): the set bits of n as a 64-bit integer, or of a binary string's bytes. */
const bitCountFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: (args, { session }) =>
    strictCall(args, fieldType(TypeKind.BigInt, { length: 2 }), ([value]) => {
      const bits = Buffer.isBuffer(value) ? BigInt(`0x0${value.toString('hex')}`) : BigInt.asUintN(64, toInteger(value!, session.warnings)!);
      return BigInt([...bits.toString(2)].filter((bit) => bit === '1').length);
    }),
};

function digestFunction(algorithm: string, hexLength: number): BuiltinFunction {
  return {
    minArgs: 1,
    maxArgs: 1,
    compile: (args) => strictCall(args, varcharType(hexLength), ([value]) => createHash(algorithm).update(bytesOf(value!)).digest('hex')),
  };
}

/** SHA2(str, bits): bits 224, 256, 384, 512 or 0 (= 256); any other length gives NULL. */
const sha2Function: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: (args, { session }) =>
    strictCall(args, varcharType(SHA2_MAX_HEX_LENGTH), ([value, bits]) => {
      const algorithm = SHA2_ALGORITHMS.get(toInteger(bits!, session.warnings)!);
      return algorithm === undefined ? null : createHash(algorithm).update(bytesOf(value!)).digest('hex');
    }),
};

const toBase64Function: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([arg]) =>
    strictCall([arg!], varcharType(Math.ceil(Math.max(arg!.type.length, 0) / 3) * 4), ([value]) => {
      const encoded = bytesOf(value!).toString('base64');
      const lines: string[] = [];
      for (let i = 0; i < encoded.length; i += BASE64_LINE_LENGTH) lines.push(encoded.slice(i, i + BASE64_LINE_LENGTH));
      return lines.join('\n');
    }),
};

/** FROM_BASE64(str): whitespace is ignored; anything that is not valid base64 gives NULL. */
const fromBase64Function: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([arg]) =>
    strictCall([arg!], binaryType(Math.ceil(Math.max(arg!.type.length, 0) / 4) * 3), ([value]) => {
      const text = (toText(value!) ?? '').replace(/[\s]/g, '');
      if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
      return Buffer.from(text, 'base64');
    }),
};

const sha1Function = digestFunction('sha1', 40);

export const encodingFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['HEX', hexFunction],
  ['UNHEX', unhexFunction],
  ['BIN', radixFunction(2)],
  ['OCT', radixFunction(8)],
  ['CONV', convFunction],
  ['BIT_COUNT', bitCountFunction],
  ['MD5', digestFunction('md5', 32)],
  ['SHA1', sha1Function],
  ['SHA', sha1Function],
  ['SHA2', sha2Function],
  ['TO_BASE64', toBase64Function],
  ['FROM_BASE64', fromBase64Function],
]);
