// Exact-capable numeric functions: ABS, SIGN, CEIL, FLOOR, ROUND, TRUNCATE, MOD, GREATEST, LEAST, INTERVAL, CRC32.
// https://dev.mysql.com/doc/refman/8.0/en/mathematical-functions.html
import { Decimal } from 'decimal.js';
import { mysqlError, ER_DATA_OUT_OF_RANGE } from '../../../errors/index.js';
import { formatSql } from '../../parser/index.js';
import { toDecimal, toDouble, toInteger, toText } from '../../types/index.js';
import type { FieldType } from '../../types/index.js';
import { arithmeticDomain, arithmeticResultType, evaluateArithmetic } from '../arithmetic.js';
import { BIGINT_TYPE, UNSIGNED_BIGINT_TYPE, decimalType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { strictCall } from './fold-call.js';
import { crc32 } from './crc32.js';
import { extremumFunction, intervalFunction } from './extremum-functions.js';
import { integerOrDoubleType, numericClass } from './numeric-class.js';

const INT64_MIN = -(1n << 63n);
/** BIGINT holds every integer of up to 18 digits; wider DECIMAL results stay DECIMAL. */
const MAX_BIGINT_SAFE_DIGITS = 18;
/** MySQL clamps the digits argument of ROUND/TRUNCATE/FORMAT to DECIMAL's maximum scale. */
const MAX_DECIMAL_SCALE = 30;

const scaleOf = (type: FieldType): number => Math.max(type.decimals, 0);
const precisionOf = (type: FieldType): number => (type.length > 0 ? type.length : 65);

const absFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([arg], { session }, call) => {
    const type = numericClass(arg!.type) === 'decimal' ? arg!.type : integerOrDoubleType(arg!.type);
    return strictCall([arg!], type, ([value]) => {
      switch (numericClass(type)) {
        case 'integer': {
          const integer = toInteger(value!, session.warnings)!;
          if (integer === INT64_MIN && !type.isUnsigned) throw mysqlError(ER_DATA_OUT_OF_RANGE, 'BIGINT', formatSql(call));
          return integer < 0n ? -integer : integer;
        }
        case 'decimal':
          return toDecimal(value!, session.warnings)!.abs();
        case 'double':
          return Math.abs(toDouble(value!, session.warnings)!);
      }
    });
  },
};

const signFunction: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([arg], { session }) =>
    strictCall([arg!], BIGINT_TYPE, ([value]) => {
      if (typeof value === 'bigint') return value > 0n ? 1n : value < 0n ? -1n : 0n;
      if (value instanceof Decimal) return BigInt(value.comparedTo(0));
      const number = toDouble(value!, session.warnings)!;
      return number > 0 ? 1n : number < 0 ? -1n : 0n;
    }),
};

/** CEIL/FLOOR: integers unchanged, DECIMAL to BIGINT (or DECIMAL(M,0) when too wide), anything else DOUBLE. */
function roundingToInteger(isCeiling: boolean): BuiltinFunction {
  return {
    minArgs: 1,
    maxArgs: 1,
    compile: ([arg], { session }) => {
      const argType = arg!.type;
      const kind = numericClass(argType);
      const integerDigits = precisionOf(argType) - scaleOf(argType);
      const isWideDecimal = kind === 'decimal' && integerDigits > MAX_BIGINT_SAFE_DIGITS;
      const type = kind === 'decimal' ? (isWideDecimal ? decimalType(integerDigits + 1, 0) : BIGINT_TYPE) : integerOrDoubleType(argType);
      return strictCall([arg!], type, ([value]) => {
        if (kind === 'integer') return toInteger(value!, session.warnings);
        if (kind === 'decimal') {
          const rounded = toDecimal(value!, session.warnings)!.toDecimalPlaces(0, isCeiling ? Decimal.ROUND_CEIL : Decimal.ROUND_FLOOR);
          return isWideDecimal ? rounded : BigInt(rounded.toFixed(0));
        }
        const number = toDouble(value!, session.warnings)!;
        return isCeiling ? Math.ceil(number) : Math.floor(number);
      });
    },
  };
}

/**
 * ROUND(x[, d]) and TRUNCATE(x, d). Integers and DECIMAL are exact and round half away from zero; DOUBLE follows
 * MySQL's my_double_round, which uses C's rint(): half to even on the scaled value (ROUND(2.5e0) = 2, as the manual
 * documents for Linux builds).
 */
function roundingFunction(isTruncate: boolean): BuiltinFunction {
  return {
    minArgs: isTruncate ? 2 : 1,
    maxArgs: 2,
    compile: ([arg, digitsArg], { session }) => {
      const warnings = session.warnings;
      const argType = arg!.type;
      const kind = numericClass(argType);
      const constantDigits = digitsArg === undefined ? 0n : digitsArg.constantValue === undefined ? undefined : toInteger(digitsArg.constantValue, warnings);
      let type: FieldType = integerOrDoubleType(argType);
      if (kind === 'decimal') {
        const scale = constantDigits === undefined || constantDigits === null ? scaleOf(argType) : Math.min(Math.max(Number(constantDigits), 0), scaleOf(argType));
        type = decimalType(Math.min(precisionOf(argType) - scaleOf(argType) + scale + 1, 65), scale);
      }
      const args = digitsArg ? [arg!, digitsArg] : [arg!];
      return strictCall(args, type, ([value, digitsValue]) => {
        const digits = digitsValue === undefined ? 0 : clampDigits(toInteger(digitsValue, warnings)!);
        switch (kind) {
          case 'integer':
            return roundInteger(toInteger(value!, warnings)!, digits, isTruncate);
          case 'decimal':
            return roundDecimal(toDecimal(value!, warnings)!, digits, isTruncate);
          case 'double':
            return roundDouble(toDouble(value!, warnings)!, digits, isTruncate);
        }
      });
    },
  };
}

function clampDigits(digits: bigint): number {
  const limit = BigInt(MAX_DECIMAL_SCALE + 40);
  return Number(digits > limit ? limit : digits < -limit ? -limit : digits);
}

function roundInteger(value: bigint, digits: number, isTruncate: boolean): bigint {
  if (digits >= 0) return value;
  const unit = 10n ** BigInt(-digits);
  const remainder = value % unit;
  let result = value - remainder;
  const isHalfOrMore = (remainder < 0n ? -remainder : remainder) * 2n >= unit;
  if (!isTruncate && isHalfOrMore) result += value < 0n ? -unit : unit;
  return result;
}

function roundDecimal(value: Decimal, digits: number, isTruncate: boolean): Decimal {
  const mode = isTruncate ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP;
  if (digits >= 0) return value.toDecimalPlaces(Math.min(digits, MAX_DECIMAL_SCALE), mode);
  return value.toNearest(new Decimal(`1e${-digits}`), mode);
}

function roundDouble(value: number, digits: number, isTruncate: boolean): number {
  const scale = 10 ** Math.abs(digits);
  if (digits < 0 && !Number.isFinite(scale)) return 0;
  const scaled = digits < 0 ? value / scale : value * scale;
  if (!Number.isFinite(scaled)) return value;
  const integral = isTruncate ? Math.trunc(scaled) : roundHalfEven(scaled);
  return digits < 0 ? integral * scale : integral / scale;
}

/** C's rint() in the default rounding mode. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

const modFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  compile: ([left, right], { session }, call) => {
    const type = arithmeticResultType('%', left!.type, right!.type, 0);
    const domain = arithmeticDomain('%', left!.type, right!.type);
    const text = (): string => formatSql(call);
    return strictCall([left!, right!], type, ([a, b]) =>
      evaluateArithmetic('%', domain, type.isUnsigned, scaleOf(type), a!, b!, session.warnings, text),
    );
  },
};

const crc32Function: BuiltinFunction = {
  minArgs: 1,
  maxArgs: 1,
  compile: ([arg]) =>
    strictCall([arg!], { ...UNSIGNED_BIGINT_TYPE, length: 10 }, ([value]) =>
      BigInt(crc32(Buffer.isBuffer(value) ? value : Buffer.from(toText(value!) ?? '', 'utf8'))),
    ),
};

const ceilingFunction = roundingToInteger(true);

export const mathFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['ABS', absFunction],
  ['SIGN', signFunction],
  ['CEIL', ceilingFunction],
  ['CEILING', ceilingFunction],
  ['FLOOR', roundingToInteger(false)],
  ['ROUND', roundingFunction(false)],
  ['TRUNCATE', roundingFunction(true)],
  ['MOD', modFunction],
  ['GREATEST', extremumFunction(1)],
  ['LEAST', extremumFunction(-1)],
  ['INTERVAL', intervalFunction],
  ['CRC32', crc32Function],
]);
