// Unit tests: time zones over ICU — names and offsets, wall clock ↔ instant with MySQL's rules for DST gaps and
// repeated hours, and how TIMESTAMP columns are stored (UTC, or SYSTEM for columns older than zone support).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ColumnInfo, TableInfo } from '../../../../src/sql/catalog/index.js';
import { UTC_ZONE, convertWallClock, findTimeZone, instantOf, wallClockAt } from '../../../../src/sql/timezone/time-zone.js';
import type { TimeZone } from '../../../../src/sql/timezone/time-zone.js';
import { TimestampStorage, storedInstant } from '../../../../src/sql/timezone/timestamp-storage.js';
import { MysqlDateTime, TypeKind, fieldType } from '../../../../src/sql/types/index.js';

const zone = (name: string): TimeZone => {
  const found = findTimeZone(name);
  assert.ok(found, name);
  return found;
};
const wall = (text: string): MysqlDateTime => MysqlDateTime.parse(text, 'datetime', 6);
const seconds = (zoneName: string, text: string): number => instantOf(zone(zoneName), wall(text)) / 1_000_000;

describe('time zones', () => {
  it('finds SYSTEM, offsets in MySQL 8.0.19+ range and ICU names in any letter case', () => {
    assert.equal(zone('+5:30').name, '+05:30');
    assert.equal(zone('-13:59').offsetAt(0), -(13 * 3600 + 59 * 60));
    assert.equal(findTimeZone('+14:01'), undefined);
    assert.equal(findTimeZone('+10:60'), undefined);
    assert.equal(zone('europe/berlin').name, 'Europe/Berlin');
    assert.equal(zone('UTC'), UTC_ZONE);
    assert.equal(findTimeZone('Mars/Olympus_Mons'), undefined);
    assert.equal(findTimeZone('SYSTEM'), findTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone));
  });

  it('converts wall clocks to instants and back, keeping microseconds', () => {
    assert.equal(seconds('Europe/Berlin', '2021-06-01 12:00:00'), 1622541600);
    assert.equal(seconds('Asia/Kathmandu', '2021-06-01 05:45:00'), 1622505600);
    assert.equal(wallClockAt(zone('America/New_York'), 1622548800_250_000).toString(), '2021-06-01 08:00:00.250000');
    assert.equal(convertWallClock(wall('2004-01-01 12:00:00'), zone('GMT'), zone('MET')).toString(), '2004-01-01 13:00:00.000000');
  });

  it('reads a skipped wall-clock time as the transition and a repeated one as its first occurrence', () => {
    assert.equal(seconds('Europe/Berlin', '2021-03-28 02:30:00'), seconds('UTC', '2021-03-28 01:00:00'));
    assert.equal(seconds('Europe/Berlin', '2021-10-31 02:30:00'), seconds('UTC', '2021-10-31 00:30:00'));
    assert.equal(seconds('America/Los_Angeles', '2011-11-06 01:59:59'), 1320569999);
  });

  it('stores new TIMESTAMP columns in UTC and keeps the exact instant of values read', () => {
    const column: ColumnInfo = { id: 1, name: 't', offset: 0, type: fieldType(TypeKind.Timestamp, { decimals: 0 }), isNotNull: false, isAutoIncrement: false, defaultValue: { kind: 'null' }, onUpdateCurrentTimestamp: false, comment: '', storesUtc: true };
    const table = { id: 1, databaseId: 1, name: 'x', columns: [column], indexes: [], handleColumnOffset: undefined, charset: 'utf8mb4', collation: 'utf8mb4_bin', comment: '', engine: 'InnoDB', createdAt: '' } satisfies TableInfo;
    const berlin = TimestampStorage.of(table, zone('Europe/Berlin'));
    assert.ok(berlin);
    const stored = berlin.toStorage(0, wall('2021-10-31 02:30:00').withKind('timestamp', 0)) as MysqlDateTime;
    assert.equal(stored.toString(), '2021-10-31 00:30:00');
    // The second 02:30 of the night (01:30 UTC) reads as 02:30 again and is written back unchanged.
    const read = berlin.toSession(0, wall('2021-10-31 01:30:00').withKind('timestamp', 0)) as MysqlDateTime;
    assert.equal(read.toString(), '2021-10-31 02:30:00');
    assert.equal(storedInstant(read), seconds('UTC', '2021-10-31 01:30:00') * 1_000_000);
    assert.equal((berlin.toStorage(0, read) as MysqlDateTime).toString(), '2021-10-31 01:30:00');
    assert.equal(TimestampStorage.of(table, UTC_ZONE), undefined);
  });

  it('reads columns created before time zone support in the SYSTEM zone, as they were written', () => {
    const legacy: ColumnInfo = { id: 1, name: 't', offset: 0, type: fieldType(TypeKind.Timestamp, { decimals: 0 }), isNotNull: false, isAutoIncrement: false, defaultValue: { kind: 'null' }, onUpdateCurrentTimestamp: false, comment: '' };
    const table = { id: 1, databaseId: 1, name: 'x', columns: [legacy], indexes: [], handleColumnOffset: undefined, charset: 'utf8mb4', collation: 'utf8mb4_bin', comment: '', engine: 'InnoDB', createdAt: '' } satisfies TableInfo;
    assert.equal(TimestampStorage.of(table, findTimeZone('SYSTEM')), undefined);
    const tokyo = TimestampStorage.of(table, zone('Asia/Tokyo'));
    const systemWall = wallClockAt(zone('SYSTEM'), seconds('UTC', '2021-06-01 00:00:00') * 1_000_000).withKind('timestamp', 0);
    assert.equal((tokyo?.toSession(0, systemWall) as MysqlDateTime).toString(), '2021-06-01 09:00:00');
  });
});
