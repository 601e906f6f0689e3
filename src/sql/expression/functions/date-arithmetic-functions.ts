// Date arithmetic functions: DATE_ADD, DATE_SUB, ADDDATE, SUBDATE, TIMESTAMPADD, TIMESTAMPDIFF, EXTRACT.
// https://dev.mysql.com/doc/refman/8.0/en/date-and-time-functions.html#function_date-add
import { mysqlError, ER_DATETIME_FUNCTION_OVERFLOW, ER_WRONG_ARGUMENTS } from '../../../errors/index.js';
import type { Expr, FuncCallExpr, IntervalUnit } from '../../ast/index.js';
import { MysqlTime, TypeKind } from '../../types/index.js';
import type { MysqlDateTime } from '../../types/index.js';
import { readTime } from '../time-arg.js';
import type { FieldType, WarningSink } from '../../types/index.js';
import type { CompiledExpr } from '../compiled-expr.js';
import { BIGINT_TYPE, DATE_TYPE, DATETIME_TYPE, timeType, varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { calcWeek, weekModeBehaviour } from './calc-week.js';
import { toDateTimeArg } from './date-args.js';
import { addInterval, extractFields, extractTimeFields, isDateUnit, isTimeUnit, readInterval, unitsBetween } from './date-interval.js';
import type { Interval } from './date-interval.js';
import { strictCall } from './fold-call.js';
import type { PresentValue } from './fold-call.js';

const MAX_FSP = 6;
/** The longest text a DATETIME(6) prints: 'YYYY-MM-DD hh:mm:ss.ffffff'. */
const DATETIME_TEXT_LENGTH = 26;
const dateOnlyText = /^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,2}\s*$|^\s*\d{8}\s*$/;

/** The unit of an `INTERVAL expr unit` or bare unit argument, which the compiled arguments no longer show. */
function unitOf(arg: Expr | undefined, name: string): IntervalUnit {
  if (arg?.kind === 'IntervalExpr' || arg?.kind === 'IntervalUnitExpr') return arg.unit;
  throw mysqlError(ER_WRONG_ARGUMENTS, name);
}

/** The static type of date ± interval: DATE stays DATE for day-or-longer units, DATETIME stays DATETIME, text stays text. */
function shiftedType(base: FieldType, unit: IntervalUnit): FieldType {
  if (base.kind === TypeKind.Time && !movesMonths(unit)) {
    return timeType(unit.endsWith('MICROSECOND') ? MAX_FSP : Math.max(base.decimals, 0));
  }
  if (base.kind === TypeKind.Date) return isDateUnit(unit) ? DATE_TYPE : DATETIME_TYPE;
  if (base.kind === TypeKind.DateTime || base.kind === TypeKind.Timestamp) {
    const fsp = unit.endsWith('MICROSECOND') || unit === 'SECOND' ? MAX_FSP : Math.max(base.decimals, 0);
    return { ...DATETIME_TYPE, decimals: fsp, length: fsp > 0 ? 20 + fsp : 19 };
  }
  return varcharType(DATETIME_TEXT_LENGTH);
}

/**
 * Adds `interval` × `sign` to the date in `value`, shaped as `type` says: a DATE, a DATETIME, or the text MySQL
 * returns for a string argument. NULL with warning 1441 when the result leaves the supported years.
 */
function shift(value: PresentValue, interval: Interval, sign: 1n | -1n, unit: IntervalUnit, type: FieldType, warnings: WarningSink): MysqlDateTime | MysqlTime | string | null {
  if (type.kind === TypeKind.Time) return shiftTime(value, interval, sign, type, warnings);
  const date = toDateTimeArg(value, warnings);
  if (date === null) return null;
  const isTextDate = typeof value === 'string' && dateOnlyText.test(value) && isDateUnit(unit);
  const kind = type.kind === TypeKind.Date || isTextDate ? 'date' : 'datetime';
  const result = addInterval(date.withKind('datetime', MAX_FSP), interval, sign);
  if (result === undefined) {
    warnings.warn(mysqlError(ER_DATETIME_FUNCTION_OVERFLOW, 'datetime'));
    return null;
  }
  if (kind === 'date') return type.kind === TypeKind.Date ? result.withKind('date') : result.withKind('date').toString();
  if (type.kind === TypeKind.DateTime) return result.withKind('datetime', Math.max(type.decimals, 0));
  return result.withKind('datetime', result.microsecond === 0 ? 0 : MAX_FSP).toString();
}

function movesMonths(unit: IntervalUnit): boolean {
  return unit === 'YEAR' || unit === 'QUARTER' || unit === 'MONTH' || unit === 'YEAR_MONTH';
}

/** TIME ± an interval without months stays a TIME; leaving ±838:59:59 is NULL with warning 1441, as MySQL does. */
function shiftTime(value: PresentValue, interval: Interval, sign: 1n | -1n, type: FieldType, warnings: WarningSink): MysqlTime | null {
  const time = readTime(value, MAX_FSP, warnings);
  if (time === null) return null;
  const conversion = MysqlTime.fromMicros(BigInt(time.micros) + sign * interval.micros, Math.max(type.decimals, 0));
  if (conversion.isOutOfRange) {
    warnings.warn(mysqlError(ER_DATETIME_FUNCTION_OVERFLOW, 'time'));
    return null;
  }
  return conversion.time;
}

/** DATE_ADD(date, INTERVAL expr unit) / DATE_SUB; ADDDATE/SUBDATE also take a plain number of days. */
function intervalFunction(sign: 1n | -1n, allowsDays: boolean): BuiltinFunction {
  return {
    minArgs: 2,
    maxArgs: 2,
    takesUnits: true,
    compile: (args: readonly CompiledExpr[], { session }, call: FuncCallExpr) => {
      const intervalArg = call.args[1];
      const unit: IntervalUnit = allowsDays && intervalArg?.kind !== 'IntervalExpr' ? 'DAY' : unitOf(intervalArg, call.name.toUpperCase());
      const type = shiftedType(args[0]!.type, unit);
      return strictCall(args, type, ([value, amount]) =>
        shift(value!, readInterval(amount!, unit, session.warnings), sign, unit, type, session.warnings),
      );
    },
  };
}

/** TIMESTAMPADD(unit, n, date). */
const timestampAddFunction: BuiltinFunction = {
  takesUnits: true,
  minArgs: 3,
  maxArgs: 3,
  compile: (args, { session }, call) => {
    const unit = unitOf(call.args[0], 'TIMESTAMPADD');
    const type = shiftedType(args[2]!.type, unit);
    return strictCall([args[1]!, args[2]!], type, ([amount, value]) =>
      shift(value!, readInterval(amount!, unit, session.warnings), 1n, unit, type, session.warnings),
    );
  },
};

const SIMPLE_UNITS: ReadonlySet<IntervalUnit> = new Set(['MICROSECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']);

/** TIMESTAMPDIFF(unit, from, to): whole units from `from` to `to`. */
const timestampDiffFunction: BuiltinFunction = {
  takesUnits: true,
  minArgs: 3,
  maxArgs: 3,
  compile: (args, { session }, call) => {
    const unit = unitOf(call.args[0], 'TIMESTAMPDIFF');
    if (!SIMPLE_UNITS.has(unit)) throw mysqlError(ER_WRONG_ARGUMENTS, 'TIMESTAMPDIFF');
    return strictCall([args[1]!, args[2]!], BIGINT_TYPE, ([a, b]) => {
      const from = toDateTimeArg(a!, session.warnings);
      const to = toDateTimeArg(b!, session.warnings);
      return from === null || to === null ? null : unitsBetween(from, to, unit);
    });
  },
};

/** EXTRACT(unit FROM date); WEEK uses mode 0. */
const extractFunction: BuiltinFunction = {
  takesUnits: true,
  minArgs: 2,
  maxArgs: 2,
  compile: (args, { session }, call) => {
    const unit = unitOf(call.args[0], 'EXTRACT');
    return strictCall([args[1]!], BIGINT_TYPE, ([value]) => {
      if (isTimeUnit(unit)) {
        const time = readTime(value!, MAX_FSP, session.warnings);
        return time === null ? null : extractTimeFields(time, unit);
      }
      const date = toDateTimeArg(value!, session.warnings);
      return date === null ? null : extractFields(date, unit, (d) => calcWeek(d, weekModeBehaviour(0)).week);
    });
  },
};

export const dateArithmeticFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['DATE_ADD', intervalFunction(1n, false)],
  ['DATE_SUB', intervalFunction(-1n, false)],
  ['ADDDATE', intervalFunction(1n, true)],
  ['SUBDATE', intervalFunction(-1n, true)],
  ['TIMESTAMPADD', timestampAddFunction],
  ['TIMESTAMPDIFF', timestampDiffFunction],
  ['EXTRACT', extractFunction],
]);
