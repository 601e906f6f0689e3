// TimestampStorage: converts a table's TIMESTAMP values between the session's wall clock and their stored form
// (UTC, or the SYSTEM zone for columns older than time zone support), as MySQL keeps TIMESTAMP in UTC.
// https://dev.mysql.com/doc/refman/8.0/en/datetime.html
import type { ColumnInfo, TableInfo } from '../catalog/index.js';
import type { ExecutionContext } from '../execution-context.js';
import { MysqlDateTime, TypeKind } from '../types/index.js';
import type { FieldType, SqlValue } from '../types/index.js';
import { UTC_ZONE, convertWallClock, findTimeZone, instantOf, wallClockAt } from './time-zone.js';
import type { TimeZone } from './time-zone.js';
import { sessionTimeZone } from './session-time-zone.js';

/**
 * The instant each TIMESTAMP value read from a table stands for. A value written back unchanged (the columns an
 * UPDATE does not assign, the old row whose index entries it removes) keeps its exact instant even in the hour DST
 * repeats, where its wall-clock time alone would be ambiguous.
 */
const storedInstants = new WeakMap<MysqlDateTime, number>();

/** The instant (microseconds since the epoch) of a TIMESTAMP value read from a table, when it is one. */
export function storedInstant(value: MysqlDateTime): number | undefined {
  return storedInstants.get(value);
}

/** What a new column of `type` records about its storage: TIMESTAMP columns store UTC (see ColumnInfo.storesUtc). */
export function timestampStorage(type: FieldType): { storesUtc?: boolean } {
  return type.kind === TypeKind.Timestamp ? { storesUtc: true } : {};
}

export class TimestampStorage {
  /** Per column offset: the zone its stored values are wall-clock times of (undefined for other columns). */
  private readonly storageZones: readonly (TimeZone | undefined)[];

  private constructor(
    private readonly zone: TimeZone,
    storageZones: readonly (TimeZone | undefined)[],
  ) {
    this.storageZones = storageZones;
  }

  /**
   * The conversions `table`'s rows need under session zone `zone`, or undefined when none does (no TIMESTAMP
   * column, or every one is stored in the session's zone already). Without a zone (DDL copying rows) nothing is
   * converted.
   */
  static of(table: TableInfo, zone: TimeZone | undefined): TimestampStorage | undefined {
    if (zone === undefined) return undefined;
    const systemZone = findTimeZone('SYSTEM') ?? UTC_ZONE;
    const storageZones = table.columns.map((column) => (column.type.kind === TypeKind.Timestamp ? storageZone(column, systemZone) : undefined));
    if (storageZones.every((storage) => storage === undefined || storage === zone)) return undefined;
    return new TimestampStorage(zone, storageZones);
  }

  /** The value the session sees for stored value `value` of the column at `offset`. */
  toSession(offset: number, value: SqlValue): SqlValue {
    const storage = this.storageZones[offset];
    if (storage === undefined || !(value instanceof MysqlDateTime)) return value;
    const instant = instantOf(storage, value);
    const local = wallClockAt(this.zone, instant).withKind('timestamp', value.fsp);
    storedInstants.set(local, instant);
    return local;
  }

  /** The stored form of session value `value` for the column at `offset`. */
  toStorage(offset: number, value: SqlValue): SqlValue {
    const storage = this.storageZones[offset];
    if (storage === undefined || !(value instanceof MysqlDateTime)) return value;
    const instant = storedInstants.get(value) ?? instantOf(this.zone, value);
    return wallClockAt(storage, instant).withKind('timestamp', value.fsp);
  }
}

/**
 * A constant compared with TIMESTAMP column `column`, in the column's stored form (index ranges are built from it);
 * other columns' constants, and text that reads as no date, unchanged.
 */
export function storedConstant(column: ColumnInfo, value: SqlValue | undefined, session: Pick<ExecutionContext, 'systemVariable'>): SqlValue | undefined {
  if (column.type.kind !== TypeKind.Timestamp || value === undefined || value === null) return value;
  const wallClock = value instanceof MysqlDateTime ? value : typeof value === 'string' ? MysqlDateTime.tryParse(value, 'datetime', 6) : undefined;
  if (wallClock === undefined) return value;
  const storage = storageZone(column, findTimeZone('SYSTEM') ?? UTC_ZONE);
  return wallClockAt(storage, instantOf(sessionTimeZone(session), wallClock)).withKind('datetime', 6);
}

/** The zone a TIMESTAMP column's stored wall-clock times belong to. */
function storageZone(column: ColumnInfo, systemZone: TimeZone): TimeZone {
  return column.storesUtc === true ? UTC_ZONE : systemZone;
}

/**
 * A stored value of `from` as ALTER TABLE copies it into `to`: TIMESTAMP ↔ other temporal types (and TIMESTAMP
 * columns of different storage) move through the session's zone, as MySQL converts them; anything else unchanged.
 */
export function alteredTimestamp(value: SqlValue, from: ColumnInfo, to: ColumnInfo, session: Pick<ExecutionContext, 'systemVariable'>): SqlValue {
  const isFromTimestamp = from.type.kind === TypeKind.Timestamp;
  const isToTimestamp = to.type.kind === TypeKind.Timestamp;
  if (!(value instanceof MysqlDateTime) || (!isFromTimestamp && !isToTimestamp)) return value;
  const systemZone = findTimeZone('SYSTEM') ?? UTC_ZONE;
  const zone = sessionTimeZone(session);
  const fromZone = isFromTimestamp ? storageZone(from, systemZone) : zone;
  const toZone = isToTimestamp ? storageZone(to, systemZone) : zone;
  return fromZone === toZone ? value : convertWallClock(value.withKind('datetime', value.fsp), fromZone, toZone).withKind('datetime', value.fsp);
}
