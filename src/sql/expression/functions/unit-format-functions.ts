// Human-readable quantities (MySQL 8.0.16+): FORMAT_BYTES (bytes … PiB) and FORMAT_PICO_TIME (ps … d).
// https://dev.mysql.com/doc/refman/8.0/en/performance-schema-functions.html
import { toDouble } from '../../types/index.js';
import { varcharType } from '../literal-types.js';
import type { BuiltinFunction } from './builtin-function.js';
import { strictCall } from './fold-call.js';

/** Units from the largest down; the last one's values are written without decimals. */
type Units = readonly (readonly [size: number, name: string])[];

/** PiB is the largest unit: FORMAT_BYTES(18446644073709551615) is '16383.91 PiB' in MySQL's manual. */
const BYTE_UNITS: Units = [
  [2 ** 50, 'PiB'],
  [2 ** 40, 'TiB'],
  [2 ** 30, 'GiB'],
  [2 ** 20, 'MiB'],
  [2 ** 10, 'KiB'],
  [1, 'bytes'],
];

const PICO_UNITS: Units = [
  [86_400e12, 'd'],
  [3_600e12, 'h'],
  [60e12, 'min'],
  [1e12, 's'],
  [1e9, 'ms'],
  [1e6, 'us'],
  [1e3, 'ns'],
  [1, 'ps'],
];

/** `value` in the largest unit it reaches: two decimals ('3.50 ns'), or a whole number in the smallest unit. */
function formatIn(value: number, units: Units): string {
  const [size, name] = units.find(([unitSize]) => Math.abs(value) >= unitSize) ?? units[units.length - 1]!;
  return size === 1 ? `${Math.trunc(value)} ${name}` : `${(value / size).toFixed(2)} ${name}`;
}

function unitFormat(units: Units): BuiltinFunction {
  return { minArgs: 1, maxArgs: 1, compile: (args, { session }) => strictCall(args, varcharType(11), ([value]) => formatIn(toDouble(value!, session.warnings)!, units)) };
}

export const unitFormatFunctions: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['FORMAT_BYTES', unitFormat(BYTE_UNITS)],
  ['FORMAT_PICO_TIME', unitFormat(PICO_UNITS)],
]);
