// MySQL 8.0's time zone support as data: @@time_zone (names, offsets, SYSTEM), TIMESTAMP columns stored in UTC and
// read in the session's zone, NOW()/UNIX_TIMESTAMP/FROM_UNIXTIME in that zone, CONVERT_TZ, and mysql.time_zone_name.
// Expectations follow the MySQL 8.0 manual (the reference MariaDB has no time zone tables loaded, so its CONVERT_TZ
// with names is NULL). DST cases use Europe/Berlin: 2021-03-28 02:00 → 03:00 and 2021-10-31 03:00 → 02:00 local.
import type { SqlCase } from './query-cases.js';

/** The schema and data every case runs against. */
export const TIME_ZONE_SETUP = [
  'CREATE TABLE tz (id INT PRIMARY KEY, t TIMESTAMP(3) NULL, d DATETIME(3), KEY tz_t (t))',
  "SET time_zone = '+00:00'",
  "INSERT INTO tz VALUES (1, '2021-06-01 12:00:00.5', '2021-06-01 12:00:00.5'), (2, '2021-01-15 23:30:00', '2021-01-15 23:30:00')",
];

export const TIME_ZONE_CASES: readonly SqlCase[] = [
  // @@time_zone: SYSTEM, offsets (printed with two-digit hours) and zone names in any letter case; 1298 otherwise.
  { sql: "SET time_zone = 'europe/berlin'", affectedRows: 0 },
  { sql: 'SELECT @@time_zone, @@session.time_zone, @@global.time_zone', rows: [['Europe/Berlin', 'Europe/Berlin', 'SYSTEM']] },
  { sql: "SET time_zone = '+5:30'", affectedRows: 0 },
  { sql: 'SELECT @@time_zone', rows: [['+05:30']] },
  { sql: "SET time_zone = 'Mars/Olympus_Mons'", error: 1298 },
  { sql: "SET time_zone = '+14:01'", error: 1298 },
  { sql: "SET time_zone = '-14:00'", error: 1298 },
  { sql: "SET time_zone = '+10:60'", error: 1298 },
  { sql: 'SET time_zone = NULL', error: 1231 },
  { sql: "SET time_zone = 'SYSTEM'", affectedRows: 0 },
  { sql: 'SELECT @@time_zone, @@system_time_zone IS NOT NULL', rows: [['SYSTEM', '1']] },
  // TIMESTAMP values are instants: the same rows read in the session's zone; DATETIME values stay as written.
  { sql: "SET time_zone = 'Europe/Berlin'", affectedRows: 0 },
  { sql: 'SELECT id, t, d FROM tz ORDER BY id', rows: [['1', '2021-06-01 14:00:00.500', '2021-06-01 12:00:00.500'], ['2', '2021-01-16 00:30:00.000', '2021-01-15 23:30:00.000']] },
  { sql: "SET time_zone = '-08:00'", affectedRows: 0 },
  { sql: 'SELECT id, t, UNIX_TIMESTAMP(t), UNIX_TIMESTAMP(d) FROM tz ORDER BY id', rows: [['1', '2021-06-01 04:00:00.500', '1622548800.500', '1622577600.500'], ['2', '2021-01-15 15:30:00.000', '1610753400.000', '1610782200.000']] },
  // Comparisons and index ranges on a TIMESTAMP read constants as wall-clock times of the session's zone.
  { sql: "SELECT id FROM tz WHERE t = '2021-01-15 15:30:00'", rows: [['2']] },
  { sql: "SELECT id FROM tz WHERE t BETWEEN '2021-06-01 04:00' AND '2021-06-01 05:00' ORDER BY id", rows: [['1']] },
  { sql: "SELECT id FROM tz WHERE t > '2021-01-15 15:30' ORDER BY id", rows: [['1']] },
  // Rows reached by an index join (the inner side probed by key) are converted too.
  { sql: 'SELECT o.id, tz.t FROM (SELECT 1 AS id) o JOIN tz ON tz.id = o.id', rows: [['1', '2021-06-01 04:00:00.500']] },
  // Writes convert from the session's zone; the skipped hour of a spring-forward night becomes the transition, the
  // repeated hour of an autumn night its first occurrence (as MySQL converts them).
  { sql: "SET time_zone = 'Europe/Berlin'", affectedRows: 0 },
  { sql: "INSERT INTO tz VALUES (3, '2021-03-28 02:30:00', NULL), (4, '2021-10-31 02:30:00', NULL), (5, '2021-07-01 00:00:00', NULL)", affectedRows: 3 },
  { sql: 'SELECT id, t FROM tz WHERE id >= 3 ORDER BY id', rows: [['3', '2021-03-28 03:00:00.000'], ['4', '2021-10-31 02:30:00.000'], ['5', '2021-07-01 00:00:00.000']] },
  { sql: "SET time_zone = 'UTC'", affectedRows: 0 },
  { sql: 'SELECT id, t, UNIX_TIMESTAMP(t) FROM tz WHERE id >= 3 ORDER BY id', rows: [['3', '2021-03-28 01:00:00.000', '1616893200.000'], ['4', '2021-10-31 00:30:00.000', '1635640200.000'], ['5', '2021-06-30 22:00:00.000', '1625090400.000']] },
  // An UPDATE that leaves a TIMESTAMP alone keeps its instant, even one in a repeated hour.
  { sql: "SET time_zone = 'Europe/Berlin'", affectedRows: 0 },
  { sql: "UPDATE tz SET d = '2000-01-01 00:00:00' WHERE id = 4", affectedRows: 1 },
  { sql: "SET time_zone = 'UTC'", affectedRows: 0 },
  { sql: 'SELECT t FROM tz WHERE id = 4', rows: [['2021-10-31 00:30:00.000']] },
  // ALTER TABLE between TIMESTAMP and DATETIME converts through the session's zone.
  { sql: 'CREATE TABLE conv (id INT PRIMARY KEY, t TIMESTAMP NULL, d DATETIME)', affectedRows: 0 },
  { sql: "SET time_zone = 'Asia/Tokyo'", affectedRows: 0 },
  { sql: "INSERT INTO conv VALUES (1, '2021-06-01 09:00:00', '2021-06-01 09:00:00')", affectedRows: 1 },
  { sql: 'ALTER TABLE conv MODIFY t DATETIME, MODIFY d TIMESTAMP NULL', affectedRows: 0 },
  { sql: "SET time_zone = '+00:00'", affectedRows: 0 },
  { sql: 'SELECT t, d FROM conv', rows: [['2021-06-01 09:00:00', '2021-06-01 00:00:00']] },
  // NOW(), CURDATE(), CURTIME() and DEFAULT CURRENT_TIMESTAMP are the session zone's; UTC_TIMESTAMP() is not.
  { sql: "SET time_zone = '+03:00'", affectedRows: 0 },
  { sql: 'SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW()), TIMESTAMPDIFF(SECOND, NOW(), TIMESTAMP(CURDATE(), CURTIME())) BETWEEN 0 AND 1', rows: [['180', '1']] },
  { sql: 'CREATE TABLE stamped (id INT PRIMARY KEY, t TIMESTAMP DEFAULT CURRENT_TIMESTAMP)', affectedRows: 0 },
  { sql: 'INSERT INTO stamped (id) VALUES (1)', affectedRows: 1 },
  { sql: "SET time_zone = '-02:00'", affectedRows: 0 },
  { sql: 'SELECT TIMESTAMPDIFF(SECOND, t, NOW()) BETWEEN 0 AND 60, TIMESTAMPDIFF(SECOND, t, UTC_TIMESTAMP()) BETWEEN 7140 AND 7260 FROM stamped', rows: [['1', '1']] },
  // UNIX_TIMESTAMP and FROM_UNIXTIME in the session's zone.
  { sql: "SET time_zone = '+01:00'", affectedRows: 0 },
  { sql: "SELECT FROM_UNIXTIME(0), UNIX_TIMESTAMP('1970-01-01 01:00:01'), FROM_UNIXTIME(1622548800, '%Y-%m-%d %H'), UNIX_TIMESTAMP('1970-01-01 00:00:00')", rows: [['1970-01-01 01:00:00', '1', '2021-06-01 13', '0']] },
  // CONVERT_TZ: names, offsets and SYSTEM; NULL for an unknown zone; values beyond TIMESTAMP's range unconverted.
  { sql: "SELECT CONVERT_TZ('2001-01-01 01:00:00', 'UTC', 'UTC') IS NOT NULL, CONVERT_TZ('2004-01-01 12:00:00', 'GMT', 'MET'), CONVERT_TZ('2004-01-01 12:00:00', '+00:00', '+10:00'), CONVERT_TZ('2020-06-01 12:00:00.123', 'UTC', 'America/New_York')", rows: [['1', '2004-01-01 13:00:00', '2004-01-01 22:00:00', '2020-06-01 08:00:00.123']] },
  { sql: "SELECT CONVERT_TZ('2021-03-28 02:30:00', 'Europe/Berlin', 'UTC'), CONVERT_TZ('2021-10-31 02:30:00', 'Europe/Berlin', 'UTC'), CONVERT_TZ('2021-10-31 01:30:00', 'UTC', 'europe/berlin')", rows: [['2021-03-28 01:00:00', '2021-10-31 00:30:00', '2021-10-31 02:30:00']] },
  { sql: "SELECT CONVERT_TZ('2021-01-01 00:00:00', 'Nowhere/Zone', 'UTC'), CONVERT_TZ('2021-01-01 00:00:00', 'UTC', '+15:00'), CONVERT_TZ(NULL, 'UTC', 'UTC'), CONVERT_TZ('1960-01-01 00:00:00', 'UTC', '+05:00'), CONVERT_TZ('2040-01-01 00:00:00', '+00:00', '+05:00')", rows: [[null, null, null, '1960-01-01 00:00:00', '2040-01-01 00:00:00']] },
  { sql: "SELECT CONVERT_TZ(d, '+00:00', 'Asia/Kathmandu') FROM tz WHERE id = 1", rows: [['2021-06-01 17:45:00.500']] },
  // The time zone tables of the mysql database, from the runtime's ICU data (Django's and others' probes).
  { sql: 'SELECT COUNT(*) > 300 FROM mysql.time_zone_name', rows: [['1']] },
  { sql: "SELECT Name FROM mysql.time_zone_name WHERE Name IN ('UTC', 'Europe/Berlin', 'america/new_york') ORDER BY Name", rows: [['America/New_York'], ['Europe/Berlin'], ['UTC']] },
  { sql: "SELECT t.Offset, t.Is_DST, t.Abbreviation FROM mysql.time_zone_name n JOIN mysql.time_zone_transition_type t ON t.Time_zone_id = n.Time_zone_id WHERE n.Name = 'America/New_York' ORDER BY t.Transition_type_id", rows: [['-18000', '0', 'EST'], ['-14400', '1', 'EDT']] },
  { sql: "SELECT COUNT(*) FROM mysql.time_zone z JOIN mysql.time_zone_name n USING (Time_zone_id) WHERE z.Use_leap_seconds = 'N' AND n.Name = 'UTC'", rows: [['1']] },
];
