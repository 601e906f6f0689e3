// SQL behaviour of MySQL's TIME type as data: columns, conversions, comparisons, functions, indexes, warnings.
// Expected values follow MySQL 8.0 (MariaDB differs in places: it truncates fractions and warns 1265).
import type { SqlCase } from './query-cases.js';

/** The schema and data every case runs against. */
export const SETUP = [
  'CREATE TABLE tt (id INT PRIMARY KEY, t TIME, u TIME(3), KEY tt_t (t))',
  "INSERT INTO tt VALUES (1, '08:30:00', '1 12:00:00.1236'), (2, '-01:00:00', '00:00:01.5'), (3, '12:00:00', NULL), (4, '100:00:00', '-838:59:59'), (5, NULL, '10:00:00'), (6, '09:15:30', '09:15:30.25'), (7, '12:00:00', '00:00:00')",
  'CREATE TABLE tdt (id INT PRIMARY KEY, d DATETIME(3), dd DATE)',
  "INSERT INTO tdt VALUES (1, '2020-01-02 03:04:05.678', '2020-01-02'), (2, '2021-06-30 23:59:59', '2021-06-30')",
];

export const TIME_CASES: readonly SqlCase[] = [
  // DDL: the type prints back as MySQL does.
  { sql: 'SHOW CREATE TABLE tt', rows: [['tt', 'CREATE TABLE `tt` (\n  `id` int NOT NULL,\n  `t` time DEFAULT NULL,\n  `u` time(3) DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  KEY `tt_t` (`t`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']] },
  { sql: 'DESCRIBE tt', rows: [['id', 'int', 'NO', 'PRI', null, ''], ['t', 'time', 'YES', 'MUL', null, ''], ['u', 'time(3)', 'YES', '', null, '']] },
  { sql: 'CREATE TABLE bad_fsp (t TIME(7))', error: 1426 },
  // Stored values: rounding to the fsp, hours beyond 24, negatives.
  { sql: 'SELECT id, t, u FROM tt ORDER BY id', rows: [['1', '08:30:00', '36:00:00.124'], ['2', '-01:00:00', '00:00:01.500'], ['3', '12:00:00', null], ['4', '100:00:00', '-838:59:59.000'], ['5', null, '10:00:00.000'], ['6', '09:15:30', '09:15:30.250'], ['7', '12:00:00', '00:00:00.000']] },
  // ORDER BY, MIN/MAX, GROUP BY and DISTINCT order and compare durations, negatives first.
  { sql: 'SELECT t FROM tt WHERE t IS NOT NULL ORDER BY t', rows: [['-01:00:00'], ['08:30:00'], ['09:15:30'], ['12:00:00'], ['12:00:00'], ['100:00:00']] },
  { sql: 'SELECT u FROM tt ORDER BY u DESC LIMIT 3', rows: [['36:00:00.124'], ['10:00:00.000'], ['09:15:30.250']] },
  { sql: 'SELECT MIN(t), MAX(t), MIN(u), MAX(u), COUNT(DISTINCT t) FROM tt', rows: [['-01:00:00', '100:00:00', '-838:59:59.000', '36:00:00.124', '5']] },
  { sql: 'SELECT t, COUNT(*) FROM tt GROUP BY t ORDER BY t', rows: [[null, '1'], ['-01:00:00', '1'], ['08:30:00', '1'], ['09:15:30', '1'], ['12:00:00', '2'], ['100:00:00', '1']] },
  { sql: 'SELECT DISTINCT t FROM tt WHERE t >= TIME \'09:00:00\' ORDER BY t DESC', rows: [['100:00:00'], ['12:00:00'], ['09:15:30']] },
  // The secondary index on t: ranges and lookups answer exactly as a full scan does.
  { sql: "SELECT id FROM tt WHERE t BETWEEN '08:00' AND '12:00' ORDER BY id", rows: [['1'], ['3'], ['6'], ['7']] },
  { sql: "SELECT id FROM tt WHERE t = '12:00:00' ORDER BY id", rows: [['3'], ['7']] },
  { sql: "SELECT id FROM tt WHERE t = '120000' ORDER BY id", rows: [['3'], ['7']] },
  { sql: "SELECT id FROM tt WHERE t < '00:00' ORDER BY id", rows: [['2']] },
  { sql: "SELECT id FROM tt WHERE t > '24:00:00' ORDER BY id", rows: [['4']] },
  { sql: "SELECT id FROM tt WHERE t >= TIME '09:15:30' AND t < '12:00:00.000001' ORDER BY id", rows: [['3'], ['6'], ['7']] },
  { sql: "SELECT id FROM tt WHERE t IN ('08:30', '-1:00:00') ORDER BY id", rows: [['1'], ['2']] },
  { sql: "SELECT id FROM tt WHERE t > '08:30:00.5' AND t < '9:15:31' ORDER BY id", rows: [['6']] },
  // Comparisons: with TIME, with strings (read as TIME), with numbers.
  { sql: "SELECT TIME '12:00:00' = '12:00', TIME '12:00:00' < TIME '100:00:00', '9:00' < TIME '10:00:00', TIME '12:00:00' = 120000, TIME '-00:00:01' < 0", rows: [['1', '1', '1', '1', '1']] },
  { sql: "SELECT TIME '10:00:00' BETWEEN '9:00' AND '11:00', TIME '10:00:00' IN ('10:00', '11:00'), GREATEST(TIME '10:00:00', TIME '9:00:00') = TIME '10:00:00'", rows: [['1', '1', '1']] },
  // Numeric context: HHMMSS as an integer, a DECIMAL with the fraction.
  { sql: "SELECT TIME '12:34:56' + 0, TIME '12:34:56.5' + 0, TIME '-01:00:00' + 0, TIME '100:00:00' * 1, t + 0 FROM tt WHERE id = 6", rows: [['123456', '123456.5', '-10000', '1000000', '91530']] },
  { sql: 'SELECT SUM(t), AVG(t) FROM tt WHERE id IN (1, 3)', rows: [['203000', '101500.0000']] },
  // Literals, CAST and CONVERT.
  { sql: "SELECT TIME '12:00:00', TIME '-1 01:00:00.5', TIME '838:59:59', {t '10:11:12'}", rows: [['12:00:00', '-25:00:00.5', '838:59:59', '10:11:12']] },
  { sql: "SELECT TIME 'abc'", error: 1525 },
  { sql: "SELECT CAST('12:34' AS TIME), CAST('1234' AS TIME), CAST('34' AS TIME), CAST('123456' AS TIME), CAST('1 12:00:00' AS TIME)", rows: [['12:34:00', '00:12:34', '00:00:34', '12:34:56', '36:00:00']] },
  { sql: "SELECT CAST(123456 AS TIME), CAST(12.5 AS TIME), CAST(12.5 AS TIME(1)), CAST(-123456.789 AS TIME(3)), CAST(20200101123456 AS TIME)", rows: [['12:34:56', '00:00:13', '00:00:12.5', '-12:34:56.789', '12:34:56']] },
  { sql: "SELECT CAST('12:34:56.7' AS TIME), CAST('12:34:56.7' AS TIME(2)), CONVERT('10:00:00.567', TIME(1)), CONVERT('2020-01-02 03:04:05', TIME)", rows: [['12:34:57', '12:34:56.70', '10:00:00.6', '03:04:05']] },
  { sql: "SELECT CAST(TIMESTAMP '2020-01-01 10:11:12.7' AS TIME), CAST(d AS TIME), CAST(d AS TIME(3)), CAST(dd AS TIME) FROM tdt WHERE id = 1", rows: [['10:11:13', '03:04:06', '03:04:05.678', '00:00:00']] },
  { sql: "SELECT CAST(TIME '10:00:00' AS DATETIME) = TIMESTAMP(CURDATE(), '10:00:00'), CAST(TIME '25:00:00' AS DATETIME) = TIMESTAMP(DATE_ADD(CURDATE(), INTERVAL 1 DAY), '01:00:00'), CAST(TIME '10:00:00' AS DATE) = CURDATE()", rows: [['1', '1', '1']] },
  { sql: "SELECT CAST('abc' AS TIME), CAST('900:00:00' AS TIME)", rows: [[null, '838:59:59']] },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '1292', "Truncated incorrect time value: 'abc'"], ['Warning', '1292', "Truncated incorrect time value: '900:00:00'"]] },
  // Functions.
  { sql: 'SELECT CURTIME() = CURRENT_TIME, CURTIME() = CURRENT_TIME(), LENGTH(CURTIME(3)) - LENGTH(CURTIME()), TIME(NOW()) = CURTIME(), TIME_TO_SEC(CURTIME()) < 86400', rows: [['1', '1', '4', '1', '1']] },
  { sql: "SELECT TIME('2003-12-31 01:02:03'), TIME('2003-12-31 01:02:03.000123'), TIME('100:00:00'), TIME(d) FROM tdt WHERE id = 1", rows: [['01:02:03', '01:02:03.000123', '100:00:00', '03:04:05.678']] },
  { sql: "SELECT HOUR('10:05:03'), HOUR('272:59:59'), HOUR(TIME '-100:00:00'), MINUTE(TIME '-10:20:30'), SECOND('10:05:03'), MICROSECOND('12:00:00.123456'), HOUR(d) FROM tdt WHERE id = 1", rows: [['10', '272', '100', '20', '3', '123456', '3']] },
  { sql: "SELECT TIME_TO_SEC('22:23:00'), TIME_TO_SEC('00:39:38'), TIME_TO_SEC(TIME '-01:00:00'), TIME_TO_SEC(t) FROM tt WHERE id = 4", rows: [['80580', '2378', '-3600', '360000']] },
  { sql: 'SELECT SEC_TO_TIME(2378), SEC_TO_TIME(-3601.5), SEC_TO_TIME(86400 * 2), SEC_TO_TIME(3020400)', rows: [['00:39:38', '-01:00:01.5', '48:00:00', '838:59:59']] },
  { sql: "SELECT TIMEDIFF('2000-01-01 00:00:00', '2000-01-01 00:00:00.000001'), TIMEDIFF('2008-12-31 23:59:59.000001', '2008-12-30 01:01:01.000002'), TIMEDIFF(TIME '01:00:00', TIME '03:00:00'), TIMEDIFF('2000-01-01 00:00:00', '10:00:00')", rows: [['-00:00:00.000001', '46:58:57.999999', '-02:00:00', null]] },
  { sql: "SELECT TIMEDIFF(t, '01:00:00') FROM tt WHERE id IN (1, 2) ORDER BY id", rows: [['07:30:00'], ['-02:00:00']] },
  { sql: "SELECT ADDTIME('2007-12-31 23:59:59.999999', '1 1:1:1.000002'), ADDTIME('01:00:00.999999', '02:00:00.999998'), ADDTIME(TIME '10:00:00', '01:30'), SUBTIME(TIME '01:00:00', '02:00:00'), SUBTIME('2007-12-31 23:59:59.999999', '1 1:1:1.000002')", rows: [['2008-01-02 01:01:01.000001', '03:00:01.999997', '11:30:00', '-01:00:00', '2007-12-30 22:58:58.999997']] },
  { sql: "SELECT ADDTIME(t, '00:30:00'), SUBTIME(u, '1 00:00:00') FROM tt WHERE id = 1", rows: [['09:00:00', '12:00:00.124']] },
  { sql: 'SELECT MAKETIME(12, 15, 30), MAKETIME(-1, 0, 0.5), MAKETIME(12, 60, 0), MAKETIME(900, 0, 0)', rows: [['12:15:30', '-01:00:00.5', null, '838:59:59']] },
  { sql: "SELECT TIME_FORMAT('100:00:00', '%H %k %h %I %l'), TIME_FORMAT('22:23:05.25', '%T %r %f %p %i %s'), TIME_FORMAT(TIME '-10:05:03', '%H:%i'), TIME_FORMAT('10:00', '%Y')", rows: [['100 100 04 04 4', '22:23:05 10:23:05 PM 250000 PM 23 05', '-10:05', null]] },
  { sql: "SELECT DATE_ADD(TIME '10:00:00', INTERVAL 1 HOUR), DATE_SUB(TIME '10:00:00', INTERVAL '1:30' HOUR_MINUTE), ADDDATE(TIME '10:00:00', INTERVAL 1 DAY), DATE_ADD(t, INTERVAL 90 MINUTE) FROM tt WHERE id = 1", rows: [['11:00:00', '08:30:00', '34:00:00', '10:00:00']] },
  { sql: "SELECT DATE_ADD(TIME '800:00:00', INTERVAL 100 HOUR)", rows: [[null]] },
  { sql: "SELECT TIMESTAMP('2003-12-31'), TIMESTAMP('2003-12-31 12:00:00', '12:00:00'), TIMESTAMP(dd, t) FROM tdt, tt WHERE tdt.id = 1 AND tt.id = 2", rows: [['2003-12-31 00:00:00', '2004-01-01 00:00:00', '2020-01-01 23:00:00']] },
  { sql: "SELECT EXTRACT(HOUR_SECOND FROM TIME '-100:20:30'), EXTRACT(HOUR FROM '100:00:00'), EXTRACT(MINUTE_MICROSECOND FROM TIME '10:20:30.5'), EXTRACT(SECOND FROM t) FROM tt WHERE id = 6", rows: [['-1002030', '100', '2030500000', '30']] },
  { sql: "SELECT IF(id > 3, t, TIME '00:00:00'), COALESCE(t, TIME '23:59:59'), CONCAT(t, '!') FROM tt WHERE id IN (1, 5) ORDER BY id", rows: [['00:00:00', '08:30:00', '08:30:00!'], [null, '23:59:59', null]] },
  // Converting DATETIME → TIME in a column, TIME → DATETIME on the current date.
  { sql: 'CREATE TABLE conv (id INT PRIMARY KEY, t TIME(1), d DATETIME)', affectedRows: 0 },
  { sql: "INSERT INTO conv VALUES (1, TIMESTAMP '2020-05-06 07:08:09.25', NULL), (2, NULL, TIME '10:00:00')", affectedRows: 2 },
  { sql: "SELECT t, d = TIMESTAMP(CURDATE(), '10:00:00') FROM conv ORDER BY id", rows: [['07:08:09.3', null], [null, '1']] },
  // Out-of-range and invalid values: warnings in non-strict mode, errors in strict mode.
  { sql: 'CREATE TABLE tw (id INT PRIMARY KEY, t TIME)', affectedRows: 0 },
  { sql: "SET sql_mode = ''", affectedRows: 0 },
  { sql: "INSERT INTO tw VALUES (1, '900:00:00'), (2, 'abc'), (3, -9000000), (4, 126000), (5, '10:00:00 x'), (6, '12:60:00')", affectedRows: 6 },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '1264', "Out of range value for column 't' at row 1"], ['Warning', '1292', "Incorrect time value: 'abc' for column 't' at row 2"], ['Warning', '1264', "Out of range value for column 't' at row 3"], ['Warning', '1264', "Out of range value for column 't' at row 4"], ['Warning', '1292', "Incorrect time value: '10:00:00 x' for column 't' at row 5"], ['Warning', '1292', "Incorrect time value: '12:60:00' for column 't' at row 6"]] },
  { sql: 'SELECT id, t FROM tw ORDER BY id', rows: [['1', '838:59:59'], ['2', '00:00:00'], ['3', '-838:59:59'], ['4', '00:00:00'], ['5', '10:00:00'], ['6', '00:00:00']] },
  { sql: "UPDATE tw SET t = '-900:00:00' WHERE id = 1", affectedRows: 1 },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '1264', "Out of range value for column 't' at row 1"]] },
  { sql: "SET sql_mode = 'STRICT_TRANS_TABLES'", affectedRows: 0 },
  { sql: "INSERT INTO tw VALUES (10, '900:00:00')", error: 1292 },
  { sql: "INSERT INTO tw VALUES (10, 'abc')", error: 1292 },
  { sql: 'INSERT INTO tw VALUES (10, 126000)', error: 1292 },
  { sql: "UPDATE tw SET t = '839:00:00' WHERE id = 2", error: 1292 },
  { sql: "INSERT INTO tw VALUES (10, '838:59:59'), (11, '-838:59:59'), (12, '12:34:56.5')", affectedRows: 3 },
  { sql: 'SELECT t FROM tw WHERE id >= 10 ORDER BY id', rows: [['838:59:59'], ['-838:59:59'], ['12:34:57']] },
  // ALTER TABLE: a TIME column added with a default, and text converted to TIME.
  { sql: "ALTER TABLE tw ADD COLUMN s VARCHAR(20) DEFAULT '1 02:03:04'", affectedRows: 0 },
  { sql: 'ALTER TABLE tw MODIFY COLUMN s TIME', affectedRows: 0 },
  { sql: "ALTER TABLE tw ADD COLUMN v TIME(2) NOT NULL DEFAULT '01:02:03.456'", affectedRows: 0 },
  { sql: 'SELECT s, v FROM tw WHERE id = 10', rows: [['26:03:04', '01:02:03.46']] },
  { sql: 'SHOW COLUMNS FROM tw', rows: [['id', 'int', 'NO', 'PRI', null, ''], ['t', 'time', 'YES', '', null, ''], ['s', 'time', 'YES', '', null, ''], ['v', 'time(2)', 'NO', '', '01:02:03.46', '']] },
  // DATE, DATETIME and YEAR keep working through the shared paths (index ranges on temporal columns included).
  { sql: 'CREATE TABLE dates (id INT PRIMARY KEY, d DATE, dt DATETIME(2), y YEAR, KEY dates_d (d), KEY dates_dt (dt))', affectedRows: 0 },
  { sql: "INSERT INTO dates VALUES (1, '2020-01-01', '2020-01-01 10:00:00.25', 2020), (2, '2021-06-15', '2021-06-15 00:00:00', 99), (3, '1999-12-31', '1999-12-31 23:59:59.99', '1999')", affectedRows: 3 },
  { sql: "SELECT id FROM dates WHERE d BETWEEN '2020-01-01' AND '2021-01-01' ORDER BY id", rows: [['1']] },
  { sql: "SELECT id FROM dates WHERE d = '2021-06-15'", rows: [['2']] },
  { sql: "SELECT id FROM dates WHERE dt > '2020-01-01 10:00:00.2' ORDER BY id", rows: [['1'], ['2']] },
  { sql: "SELECT id FROM dates WHERE dt < '2020-01-01 10:00:00.25' ORDER BY id", rows: [['3']] },
  { sql: "SELECT id FROM dates WHERE dt = '2020-01-01 10:00:00.25'", rows: [['1']] },
  { sql: 'SELECT id, y, d + 0, dt + 0 FROM dates ORDER BY id', rows: [['1', '2020', '20200101', '20200101100000.25'], ['2', '1999', '20210615', '20210615000000.00'], ['3', '1999', '19991231', '19991231235959.99']] },
];
