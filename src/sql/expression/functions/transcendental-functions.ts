// DOUBLE-valued math functions: POW, SQRT, EXP, logarithms, trigonometry, DEGREES, RADIANS, PI, RAND.
// https://dev.mysql.com/doc/refman/8.0/en/mathematical-functions.html
import { mysqlError, ER_DATA_OUT_OF_RANGE, ER_INVALID_ARGUMENT_FOR_LOGARITHM } from '../../../errors/index.js';
import { formatSql } from '../../parser/index.js';
import { toDouble, toInteger } from '../../types/index.js';
import type { WarningSink } from '../../types/index.js';
import { constantExpr } from '../compiled-expr.js';
import { DOUBLE_TYPE } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { strictCall } from './fold-call.js';

/** PI() is a DOUBLE shown with 6 decimals (MySQL prints 3.141593). */
const PI_DECIMALS = 6;

/** How a DOUBLE function computes: NaN means "no result" (NULL); an infinity is MySQL's 1690 out-of-range error. */
type DoubleBody = (values: readonly number[], warnings: WarningSink) => number | null;

function doubleFunction(minArgs: number, maxArgs: number, body: DoubleBody): BuiltinFunction {
  return {
    minArgs,
    maxArgs,
    compile: (args, { session }, call) =>
      strictCall(args, DOUBLE_TYPE, (values) => {
        const numbers = values.map((value) => toDouble(value, session.warnings)!);
        const result = body(numbers, session.warnings);
        if (result === null || Number.isNaN(result)) return null;
        if (!Number.isFinite(result)) throw mysqlError(ER_DATA_OUT_OF_RANGE, 'DOUBLE', formatSql(call));
        return result;
      }),
  };
}

const unaryDouble = (apply: (x: number) => number): BuiltinFunction => doubleFunction(1, 1, ([x]) => apply(x!));

/** A logarithm of a non-positive number is NULL with warning 3020, as in MySQL 8. */
function logarithm(x: number, base: (x: number) => number, warnings: WarningSink): number | null {
  if (x <= 0) {
    warnings.warn(mysqlError(ER_INVALID_ARGUMENT_FOR_LOGARITHM));
    return null;
  }
  return base(x);
}

const lnFunction = doubleFunction(1, 1, ([x], warnings) => logarithm(x!, Math.log, warnings));

/** LOG(x) is LN(x); LOG(b, x) is LN(x)/LN(b), with base 1 an invalid argument too (as Item_func_log does). */
const logFunction = doubleFunction(1, 2, (values, warnings) => {
  if (values.length === 1) return logarithm(values[0]!, Math.log, warnings);
  const [base, x] = values as [number, number];
  if (base <= 0 || x <= 0 || base === 1) return logarithm(0, Math.log, warnings);
  return Math.log(x) / Math.log(base);
});

const powFunction = doubleFunction(2, 2, ([x, y]) => Math.pow(x!, y!));

/** ATAN(x) or ATAN(y, x) (= ATAN2). */
const atanFunction = doubleFunction(1, 2, (values) => (values.length === 1 ? Math.atan(values[0]!) : Math.atan2(values[0]!, values[1]!)));

/** COT(0) is infinite: MySQL reports it as out of range. */
const cotFunction = unaryDouble((x) => 1 / Math.tan(x));

const piFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 0,
  compile: () => constantExpr(Math.PI, { ...DOUBLE_TYPE, length: 8, decimals: PI_DECIMALS }),
};

/** MySQL's my_rnd generator (mysys/my_rnd.cc), so RAND(n) repeats MySQL's sequence for the same seed. */
class MysqlRandom {
  private static readonly MAX_VALUE = 0x3fffffff;
  private seed1: number;
  private seed2: number;

  constructor(seed1: number, seed2: number) {
    this.seed1 = seed1 % MysqlRandom.MAX_VALUE;
    this.seed2 = seed2 % MysqlRandom.MAX_VALUE;
  }

  /** The generator RAND(seed) starts from: seeds derived with 32-bit unsigned arithmetic, as in Item_func_rand. */
  static fromSeed(seed: bigint): MysqlRandom {
    const n = BigInt.asUintN(32, seed);
    return new MysqlRandom(Number(BigInt.asUintN(32, n * 0x10001n + 55555555n)), Number(BigInt.asUintN(32, n * 0x10000001n)));
  }

  next(): number {
    this.seed1 = (this.seed1 * 3 + this.seed2) % MysqlRandom.MAX_VALUE;
    this.seed2 = (this.seed1 + this.seed2 + 33) % MysqlRandom.MAX_VALUE;
    return this.seed1 / MysqlRandom.MAX_VALUE;
  }
}

/**
 * RAND() is a fresh value in [0, 1) per row and never folded. RAND(n) with a constant seed starts one sequence per
 * statement, as MySQL does; a per-row seed restarts the generator for each row.
 */
const randFunction: BuiltinFunction = {
  minArgs: 0,
  maxArgs: 1,
  compile: ([seedArg], { session }) => {
    if (!seedArg) return { type: DOUBLE_TYPE, isNullable: false, evaluate: () => Math.random() };
    const warnings = session.warnings;
    if (seedArg.constantValue !== undefined) {
      const random = MysqlRandom.fromSeed(toInteger(seedArg.constantValue, warnings) ?? 0n);
      return { type: DOUBLE_TYPE, isNullable: false, evaluate: () => random.next() };
    }
    return {
      type: DOUBLE_TYPE,
      isNullable: false,
      evaluate: (row) => MysqlRandom.fromSeed(toInteger(seedArg.evaluate(row), warnings) ?? 0n).next(),
    };
  },
};

const powerFunction = powFunction;

export const transcendentalFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['POW', powFunction],
  ['POWER', powerFunction],
  ['SQRT', unaryDouble((x) => (x < 0 ? Number.NaN : Math.sqrt(x)))],
  ['EXP', unaryDouble(Math.exp)],
  ['LN', lnFunction],
  ['LOG', logFunction],
  ['LOG2', doubleFunction(1, 1, ([x], warnings) => logarithm(x!, Math.log2, warnings))],
  ['LOG10', doubleFunction(1, 1, ([x], warnings) => logarithm(x!, Math.log10, warnings))],
  ['PI', piFunction],
  ['RAND', randFunction],
  ['DEGREES', unaryDouble((x) => (x * 180) / Math.PI)],
  ['RADIANS', unaryDouble((x) => (x * Math.PI) / 180)],
  ['SIN', unaryDouble(Math.sin)],
  ['COS', unaryDouble(Math.cos)],
  ['TAN', unaryDouble(Math.tan)],
  ['COT', cotFunction],
  ['ASIN', unaryDouble(Math.asin)],
  ['ACOS', unaryDouble(Math.acos)],
  ['ATAN', atanFunction],
  ['ATAN2', doubleFunction(2, 2, ([y, x]) => Math.atan2(y!, x!))],
]);
