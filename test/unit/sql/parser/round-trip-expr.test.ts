// Round trips for literals, operators, functions and special expression forms.
import { roundTripSuite, type RoundTripCase } from './round-trip-cases.js';

const cases: RoundTripCase[] = [
  // literals
  ['SELECT 1, 1.5, .5, 1., 1e10, 1.5E-3, 123456789012345678901234567890'],
  ['SELECT \'a\', "b"', "SELECT 'a', 'b'"],
  ["SELECT 'it''s', 'it\\'s', \"say \"\"hi\"\"\"", "SELECT 'it''s', 'it''s', 'say \"hi\"'"],
  ["SELECT 'a\\nb\\tc\\0d\\\\e\\Zf'", "SELECT 'a\\nb\tc\\0d\\\\e\\Zf'"],
  ["SELECT 'x\\%y\\_z'", "SELECT 'x\\\\%y\\\\_z'"],
  ["SELECT 'a' 'b' 'c'", "SELECT 'abc'"],
  ["SELECT _utf8mb4'x', _binary'y', _latin1 'z'", "SELECT _utf8mb4'x', _binary'y', _latin1'z'"],
  ["SELECT N'x', n'y'", "SELECT N'x', N'y'"],
  ["SELECT X'0A', x'ff', 0x0A, 0xabc", "SELECT X'0A', X'ff', 0x0A, 0xabc"],
  ["SELECT b'101', B'0', 0b11", "SELECT b'101', b'0', 0b11"],
  ["SELECT _binary X'00'"],
  ['SELECT NULL, TRUE, FALSE, true', 'SELECT NULL, TRUE, FALSE, TRUE'],
  ["SELECT DATE '2020-01-02', TIME '10:00:00', TIMESTAMP '2020-01-02 10:00:00'"],
  ["SELECT {d '2020-01-02'}, {ts '2020-01-02 00:00:00'}", "SELECT DATE '2020-01-02', TIMESTAMP '2020-01-02 00:00:00'"],
  // references and variables
  ['SELECT a, t.a, db.t.a, `t`.`a`', 'SELECT a, t.a, db.t.a, t.a'],
  ['SELECT t.`select`, t.select', 'SELECT t.`select`, t.`select`'],
  ["SELECT @a, @`b c`, @'d', @e.f", 'SELECT @a, @`b c`, @d, @e.f'],
  [
    'SELECT @@version, @@global.max_connections, @@session.sql_mode, @@local.x',
    'SELECT @@version, @@GLOBAL.max_connections, @@SESSION.sql_mode, @@SESSION.x',
  ],
  ['SELECT ?, ?'],
  ['SELECT @a := 1, @b := @a + 1'],
  ['SELECT 1 + (@a := 2)'],
  ["SELECT j->'$.a', j->>'$.b'"],
  // operators
  ['SELECT a OR b XOR c AND d'],
  ['SELECT a || b, a && b, !a, a != b, a MOD b', 'SELECT a OR b, a AND b, !a, a <> b, a % b'],
  ['SELECT a = b, a <=> b, a < b, a <= b, a > b, a >= b'],
  ['SELECT a | b & c << d >> e + f - g * h / i DIV j % k ^ l'],
  ['SELECT ~a, -a, +a, - -a, -(-a)', 'SELECT ~a, -a, +a, - -a, - -a'],
  ['SELECT a IS NULL, a IS NOT NULL, a IS TRUE, a IS NOT FALSE, a IS UNKNOWN'],
  ["SELECT a LIKE 'x%', a NOT LIKE 'y' ESCAPE '!'"],
  ["SELECT a REGEXP '^x', a NOT RLIKE 'y'", "SELECT a REGEXP '^x', a NOT REGEXP 'y'"],
  ['SELECT a IN (1, 2, 3), a NOT IN (4)'],
  ['SELECT a BETWEEN 1 AND 2, a NOT BETWEEN b AND c'],
  [
    "SELECT a COLLATE utf8mb4_bin, 'x' COLLATE 'latin1_swedish_ci'",
    "SELECT a COLLATE utf8mb4_bin, 'x' COLLATE latin1_swedish_ci",
  ],
  ['SELECT BINARY a, BINARY a = b'],
  ['SELECT (a, b), ROW(a, b)'],
  ['SELECT (1 + 2) * 3, 1 + 2 * 3, (1 + 2) + 3', 'SELECT (1 + 2) * 3, 1 + 2 * 3, 1 + 2 + 3'],
  ['SELECT 1 - (2 - 3), (1 - 2) - 3', 'SELECT 1 - (2 - 3), 1 - 2 - 3'],
  ['SELECT a SOUNDS LIKE b', 'SELECT SOUNDEX(a) = SOUNDEX(b)'],
  ['SELECT 1 MEMBER OF (j)'],
  // functions
  [
    'SELECT COUNT(*), COUNT(a), COUNT(DISTINCT a, b), SUM(ALL a), AVG(a), MIN(a), MAX(a)',
    'SELECT COUNT(*), COUNT(a), COUNT(DISTINCT a, b), SUM(a), AVG(a), MIN(a), MAX(a)',
  ],
  ["SELECT GROUP_CONCAT(DISTINCT a ORDER BY b DESC SEPARATOR ';')"],
  ['SELECT now(), Concat(a, b), ifnull(a, 0), IF(a, 1, 2)', 'SELECT NOW(), CONCAT(a, b), IFNULL(a, 0), IF(a, 1, 2)'],
  ['SELECT LEFT(a, 2), RIGHT(a, 2), REPLACE(a, b, c), INSERT(a, 1, 2, b), MOD(5, 3), REPEAT(a, 2)'],
  ['SELECT DATABASE(), SCHEMA(), USER(), CHARSET(a), COLLATION(a), FORMAT(1, 2)'],
  ['SELECT CURRENT_USER, CURRENT_USER(), CURRENT_DATE, CURRENT_TIMESTAMP(6), LOCALTIME, UTC_TIMESTAMP()'],
  ['SELECT db.myfunc(1)', 'SELECT db.MYFUNC(1)'],
  [
    'SELECT CAST(a AS CHAR), CAST(a AS CHAR(10) CHARACTER SET utf8mb4), CAST(a AS SIGNED INTEGER), CAST(a AS UNSIGNED)',
    'SELECT CAST(a AS CHAR), CAST(a AS CHAR(10) CHARACTER SET utf8mb4), CAST(a AS SIGNED), CAST(a AS UNSIGNED)',
  ],
  ['SELECT CAST(a AS DECIMAL(10,2)), CAST(a AS DATETIME(6)), CAST(a AS BINARY(4)), CAST(a AS JSON), CAST(a AS DOUBLE)'],
  ['SELECT CONVERT(a, CHAR), CONVERT(a USING utf8mb4), CONVERT(a USING binary)'],
  ['SELECT CASE a WHEN 1 THEN 2 WHEN 3 THEN 4 ELSE 5 END, CASE WHEN a THEN b END'],
  ['SELECT d + INTERVAL 1 DAY, d - INTERVAL 2 HOUR, INTERVAL 1 MONTH + d'],
  ["SELECT DATE_ADD(d, INTERVAL '1:2' HOUR_MINUTE), DATE_SUB(d, INTERVAL 1 + 1 DAY)"],
  ['SELECT INTERVAL(5, 1, 2, 3)'],
  [
    'SELECT EXTRACT(YEAR FROM d), TIMESTAMPDIFF(DAY, a, b), TIMESTAMPADD(SQL_TSI_MONTH, 1, d)',
    'SELECT EXTRACT(YEAR FROM d), TIMESTAMPDIFF(DAY, a, b), TIMESTAMPADD(MONTH, 1, d)',
  ],
  ["SELECT POSITION('a' IN b), TRIM(a), TRIM(LEADING 'x' FROM a), TRIM('y' FROM a), TRIM(BOTH FROM a)"],
  [
    'SELECT SUBSTRING(a FROM 2 FOR 3), SUBSTRING(a, 2), SUBSTR(a FROM 1)',
    'SELECT SUBSTRING(a, 2, 3), SUBSTRING(a, 2), SUBSTR(a, 1)',
  ],
  ['SELECT CHAR(65, 66 USING utf8mb4)'],
  ["SELECT MATCH (a, b) AGAINST ('x' IN BOOLEAN MODE)"],
  ['SELECT DEFAULT(a)'],
];

roundTripSuite('expr', cases);
