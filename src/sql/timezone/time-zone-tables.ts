// The time zone tables of the `mysql` database (time_zone, time_zone_name, time_zone_transition_type, and the empty
// time_zone_transition and time_zone_leap_second) as read-only tables computed from the runtime's ICU zones, with
// MySQL 8.0's columns. Tools probe them (SELECT COUNT(*) FROM mysql.time_zone_name); conversions read ICU directly
// (time-zone.ts). They are computed on first read, not stored: filling real tables would cost every new data
// directory a second at bootstrap, and their rows could not drift from ICU's.
import type { SystemTable } from '../infoschema/system-table.js';
import { TypeKind, fieldType } from '../types/index.js';
import type { Row } from '../types/index.js';
import { UTC_ZONE, findTimeZone } from './time-zone.js';

const MYSQL_DATABASE = 'mysql';
const ABBREVIATION_LENGTH = 8;
/** Mid-winter and mid-summer of the northern hemisphere: a zone with DST shows both of its offsets there. */
const SAMPLE_MONTHS = [0, 6] as const;

const ZONE_ID = fieldType(TypeKind.Int, { length: 10, isUnsigned: true });
const NAME = fieldType(TypeKind.Char, { length: 64, collation: 'utf8mb4_general_ci' });
const BIG = fieldType(TypeKind.BigInt, { length: 20 });
const INT = fieldType(TypeKind.Int, { length: 11 });
const TINY = fieldType(TypeKind.TinyInt, { length: 3, isUnsigned: true });
const FLAG = fieldType(TypeKind.Char, { length: 1 });
const ABBREVIATION = fieldType(TypeKind.Char, { length: ABBREVIATION_LENGTH });

/** The zone names: UTC and every zone the runtime's ICU data has, sorted, numbered from 1 in that order. */
function zoneNames(): string[] {
  return [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
}

/** The zone's standard offset (type 0) and, when it has DST this year, the daylight one (type 1). */
function transitionTypeRows(name: string, id: bigint): Row[] {
  const zone = findTimeZone(name) ?? UTC_ZONE;
  const year = new Date().getUTCFullYear();
  const samples = SAMPLE_MONTHS.map((month) => Date.UTC(year, month, 15));
  const offsets = [...new Set(samples.map((at) => zone.offsetAt(at)))].sort((a, b) => a - b);
  const format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'short' });
  return offsets.map((offset, type) => {
    const at = samples.find((sample) => zone.offsetAt(sample) === offset)!;
    const abbreviation = format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
    return [id, BigInt(type), BigInt(offset), type > 0 ? 1n : 0n, abbreviation.slice(0, ABBREVIATION_LENGTH)];
  });
}

/** Rows computed once per process, on first read. */
function lazyRows(compute: () => Row[]): () => Row[] {
  let rows: Row[] | undefined;
  return () => (rows ??= compute());
}

const names = lazyRows(() => zoneNames().map((name, i): Row => [name, BigInt(i + 1)]));

const TABLES: readonly SystemTable[] = [
  {
    name: 'time_zone',
    columns: [
      { name: 'Time_zone_id', type: ZONE_ID, isNotNull: true },
      { name: 'Use_leap_seconds', type: FLAG, isNotNull: true },
    ],
    rows: lazyRows(() => names().map((row) => [row[1]!, 'N'])),
  },
  {
    name: 'time_zone_name',
    columns: [
      { name: 'Name', type: NAME, isNotNull: true },
      { name: 'Time_zone_id', type: ZONE_ID, isNotNull: true },
    ],
    rows: names,
  },
  {
    name: 'time_zone_transition',
    columns: [
      { name: 'Time_zone_id', type: ZONE_ID, isNotNull: true },
      { name: 'Transition_time', type: BIG, isNotNull: true },
      { name: 'Transition_type_id', type: ZONE_ID, isNotNull: true },
    ],
    rows: () => [],
  },
  {
    name: 'time_zone_transition_type',
    columns: [
      { name: 'Time_zone_id', type: ZONE_ID, isNotNull: true },
      { name: 'Transition_type_id', type: ZONE_ID, isNotNull: true },
      { name: 'Offset', type: INT, isNotNull: true },
      { name: 'Is_DST', type: TINY, isNotNull: true },
      { name: 'Abbreviation', type: ABBREVIATION, isNotNull: true },
    ],
    rows: lazyRows(() => names().flatMap(([name, id]) => transitionTypeRows(String(name), id as bigint))),
  },
  {
    name: 'time_zone_leap_second',
    columns: [
      { name: 'Transition_time', type: BIG, isNotNull: true },
      { name: 'Correction', type: INT, isNotNull: true },
    ],
    rows: () => [],
  },
];

const byName = new Map(TABLES.map((table) => [table.name, table]));

/** The time zone table `database`.`name` refers to (names without letter case, as MySQL's lower_case_table_names=2 reads them), or undefined. */
export function findTimeZoneTable(database: string, name: string): SystemTable | undefined {
  return database.toLowerCase() === MYSQL_DATABASE ? byName.get(name.toLowerCase()) : undefined;
}
