// String functions used daily: CONCAT, CONCAT_WS, LENGTH, CHAR_LENGTH, UPPER, LOWER, FORMAT, QUOTE.
import { Decimal } from 'decimal.js';
import { mysqlError, ER_UNKNOWN_LOCALE } from '../../../errors/index.js';
import { TypeKind, bitAsString, encodeUtf8Lossless, fieldType, toDouble, toInteger, toText } from '../../types/index.js';
import { BINARY_COLLATION } from '../../collation/index.js';
import type { SqlValue, WarningSink } from '../../types/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { BIGINT_TYPE, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { foldCall } from './fold-call.js';
import { DEFAULT_NUMBER_LOCALE, findNumberLocale, groupDigits } from './number-locales.js';
import type { NumberLocale } from './number-locales.js';

const totalLength = (args: readonly CompiledExpr[]): number => args.reduce((sum, arg) => sum + Math.max(arg.type.length, 0), 0);

function unary(apply: (text: string, value: SqlValue) => SqlValue, type = varcharType(255)): BuiltinFunction {
  return {
    minArgs: 1,
    maxArgs: 1,
    compile: ([arg]) => ({
      type: type.kind === 'varchar' ? { ...type, length: Math.max(arg!.type.length, 0) } : type,
      isNullable: arg!.isNullable,
      evaluate: (row) => {
        const value = arg!.evaluate(row);
        return value === null ? null : apply(toText(value) ?? '', value);
      },
    }),
  };
}

const lengthFunction: BuiltinFunction = unary(
  (text, value) => BigInt(Buffer.isBuffer(value) ? value.length : Buffer.byteLength(text, 'utf8')),
  BIGINT_TYPE,
);
// A binary string counts bytes and has no letter case, as in MySQL.
const charLengthFunction: BuiltinFunction = unary((text, value) => BigInt(Buffer.isBuffer(value) ? value.length : [...text].length), BIGINT_TYPE);
const upperFunction: BuiltinFunction = unary((text, value) => (Buffer.isBuffer(value) ? value : text.toUpperCase()));
const lowerFunction: BuiltinFunction = unary((text, value) => (Buffer.isBuffer(value) ? value : text.toLowerCase()));

/** FORMAT's digits argument is clamped to DECIMAL's maximum scale. */
const FORMAT_MAX_DECIMALS = 30;

/**
 * FORMAT(x, d[, locale]): x rounded half away from zero to d decimals, written with the locale's decimal point,
 * thousands separator and grouping (en_US '1,234.57' by default; an unknown locale is en_US with warning 1649).
 */
const formatFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 3,
  compile: ([numberArg, digitsArg, localeArg], { session }) =>
    foldCall([numberArg!, digitsArg!, ...(localeArg ? [localeArg] : [])], varcharType(Math.max(numberArg!.type.length, 1) + FORMAT_MAX_DECIMALS + 10), ([value, digitsValue, localeValue]) => {
      if (value === null || value === undefined || digitsValue === null || digitsValue === undefined) return null;
      const locale = numberLocale(localeValue ?? null, session.warnings);
      const digits = Number(BigInt.asIntN(32, toInteger(digitsValue, session.warnings)!));
      const places = Math.min(Math.max(digits, 0), FORMAT_MAX_DECIMALS);
      const exact = typeof value === 'bigint' ? new Decimal(value.toString()) : value instanceof Decimal ? value : new Decimal(String(toDouble(value, session.warnings)));
      const rounded = exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
      const [integral = '0', fraction] = rounded.abs().toFixed(places).split('.');
      const sign = exact.isNegative() && !rounded.isZero() ? '-' : '';
      return `${sign}${groupDigits(integral, locale)}${fraction === undefined ? '' : `${locale.decimalPoint}${fraction}`}`;
    }),
};

function numberLocale(value: SqlValue, warnings: WarningSink): NumberLocale {
  if (value === null) return DEFAULT_NUMBER_LOCALE;
  const name = toText(value) ?? '';
  const locale = findNumberLocale(name);
  if (locale) return locale;
  warnings.warn(mysqlError(ER_UNKNOWN_LOCALE, name));
  return DEFAULT_NUMBER_LOCALE;
}

/** What QUOTE() writes for the characters it escapes (NUL and Ctrl-Z as \\0 and \\Z). */
const QUOTE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\\\'],
  ["'", "\\'"],
  ['\0', '\\0'],
  ['\x1a', '\\Z'],
]);

/** QUOTE(str): a single-quoted SQL literal with \\, ', NUL and Ctrl-Z escaped; QUOTE(NULL) is the word NULL. */
const quoteFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([arg]) =>
    foldCall([arg!], varcharType(Math.max(arg!.type.length, 2) * 2 + 2), ([value]) => {
      if (value === null || value === undefined) return 'NULL';
      const escaped = Array.from(toText(value) ?? '', (char) => QUOTE_ESCAPES.get(char) ?? char).join('');
      return `'${escaped}'`;
    }, false),
};

/** CONCAT with a binary string among its arguments: a binary string, each argument's bytes (raw ones kept), as MySQL. */
function concatBytes(args: readonly CompiledExpr[]): CompiledExpr {
  return {
    type: fieldType(TypeKind.VarBinary, { length: totalLength(args) }),
    isNullable: true,
    evaluate: (row) => {
      const parts: Buffer[] = [];
      for (const arg of args) {
        const value = bitAsString(arg.evaluate(row), arg.type);
        if (value === null) return null;
        parts.push(Buffer.isBuffer(value) ? value : encodeUtf8Lossless(toText(value) ?? ''));
      }
      return Buffer.concat(parts);
    },
  };
}

export const stringFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['CONCAT', { minArgs: 1, maxArgs: Infinity, compile: (args) => (args.some((arg) => arg.type.collation === BINARY_COLLATION) ? concatBytes(args) : {
    type: varcharType(totalLength(args)),
    isNullable: true,
    evaluate: (row) => {
      let result = '';
      for (const arg of args) {
        const value = arg.evaluate(row);
        if (value === null) return null;
        result += toText(bitAsString(value, arg.type));
      }
      return result;
    },
  }) }],
  ['CONCAT_WS', { minArgs: 2, maxArgs: Infinity, compile: ([separator, ...args]) => ({
    type: varcharType(totalLength(args)),
    isNullable: true,
    evaluate: (row) => {
      const glue = separator!.evaluate(row);
      if (glue === null) return null;
      const parts: string[] = [];
      for (const arg of args) {
        const value = arg.evaluate(row);
        if (value !== null) parts.push(toText(value) ?? '');
      }
      return parts.join(toText(glue) ?? '');
    },
  }) }],
  ['LENGTH', lengthFunction],
  ['OCTET_LENGTH', lengthFunction],
  ['CHAR_LENGTH', charLengthFunction],
  ['CHARACTER_LENGTH', charLengthFunction],
  ['UPPER', upperFunction],
  ['UCASE', upperFunction],
  ['LOWER', lowerFunction],
  ['LCASE', lowerFunction],
  ['FORMAT', formatFunction],
  ['QUOTE', quoteFunction],
]);
