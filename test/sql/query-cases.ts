// SQL behaviour as data: statements with their expected rows or MySQL error, run against a real server.

/** One case: SQL, then either the rows (values as the text protocol sends them, NULL as null) or an error code. */
export interface SqlCase {
  readonly sql: string;
  readonly rows?: readonly (readonly (string | null)[])[];
  readonly error?: number;
  /** With `error`: the exact message MySQL gives. */
  readonly message?: string;
  /** For a statement without rows: the affected-rows count MySQL reports. */
  readonly affectedRows?: number;
  /** With `affectedRows`: the OK packet's info text (`Rows matched: 1  Changed: 0  Warnings: 0`). */
  readonly info?: string;
  /**
   * Run on a connection of this account (no password) instead of root's: `user`, or `user/tag` for a further
   * connection of the same account (opened at its first case, kept for the later ones; no current database).
   */
  readonly as?: string;
}

/** The schema and data every case runs against. */
export const SETUP = [
  'CREATE TABLE a (id INT PRIMARY KEY, x INT, name VARCHAR(10))',
  'CREATE TABLE b (id INT PRIMARY KEY, a_id INT, v DOUBLE)',
  "INSERT INTO a VALUES (1, 10, 'one'), (2, 20, 'two'), (3, 30, 'three'), (4, NULL, NULL)",
  'INSERT INTO b VALUES (1, 1, 1.5), (2, 1, 2.5), (3, 2, 4), (4, 9, 8)',
  'CREATE TABLE c (k INT PRIMARY KEY, n INT, f DOUBLE, s VARCHAR(10))',
  "INSERT INTO c VALUES (1, 5, 0.5, 'x'), (2, 5, 1.5, 'y '), (3, 7, 2.5, 'z'), (4, NULL, NULL, NULL), (5, -3, -1, 'X')",
  'CREATE INDEX c_n ON c (n)',
  'CREATE INDEX c_f ON c (f)',
  'CREATE INDEX c_s ON c (s)',
  'CREATE UNIQUE INDEX b_v ON b (v)',
  'CREATE VIEW big_b AS SELECT id, v FROM b WHERE v > 2',
  'CREATE VIEW named (p, q) AS SELECT a.name, COUNT(b.id) FROM a LEFT JOIN b ON a.id = b.a_id GROUP BY a.name',
];

export const QUERY_CASES: readonly SqlCase[] = [
  // Collation coercibility: a _ci column wins over a literal, an explicit COLLATE over both
  { sql: 'CREATE TABLE ci (id INT PRIMARY KEY, name VARCHAR(10) COLLATE utf8mb4_general_ci, code VARCHAR(10) COLLATE utf8mb4_bin)', affectedRows: 0 },
  { sql: "INSERT INTO ci VALUES (1, 'Abc', 'Abc'), (2, 'abc', 'abc'), (3, 'ABD', 'ABD')", affectedRows: 3 },
  { sql: "SELECT id FROM ci WHERE name = 'ABC' ORDER BY id", rows: [['1'], ['2']] },
  { sql: "SELECT id FROM ci WHERE 'abc' = name AND name IN ('ABC', 'x') ORDER BY id", rows: [['1'], ['2']] },
  { sql: "SELECT id FROM ci WHERE code = 'ABC' ORDER BY id", rows: [] },
  { sql: "SELECT id FROM ci WHERE code COLLATE utf8mb4_general_ci = 'ABC' ORDER BY id", rows: [['1'], ['2']] },
  { sql: "SELECT id FROM ci WHERE name = 'ABC' COLLATE utf8mb4_bin ORDER BY id", rows: [] },
  // DISTINCT over exactly the ORDER BY columns drops duplicates after the sort: equal by collation (case, trailing
  // spaces under PAD SPACE), the first row met stays; NULLs are one value
  { sql: 'CREATE TABLE dci (id INT PRIMARY KEY, name VARCHAR(10) COLLATE utf8mb4_general_ci, code VARCHAR(10) COLLATE utf8mb4_bin)', affectedRows: 0 },
  { sql: "INSERT INTO dci VALUES (1, 'Abc', 'Abc'), (2, 'abc', 'abc'), (3, 'ABD', 'ABD'), (4, 'abc ', NULL), (5, NULL, 'x'), (6, NULL, NULL)", affectedRows: 6 },
  { sql: 'SELECT DISTINCT name FROM dci ORDER BY name', rows: [[null], ['Abc'], ['ABD']] },
  { sql: 'SELECT DISTINCT name FROM dci ORDER BY name DESC', rows: [['ABD'], ['Abc'], [null]] },
  { sql: 'SELECT DISTINCT code, name FROM dci ORDER BY name, code', rows: [[null, null], ['x', null], [null, 'abc '], ['Abc', 'Abc'], ['abc', 'abc'], ['ABD', 'ABD']] },
  { sql: 'SELECT DISTINCT name, id FROM dci WHERE id > 1 ORDER BY name, id', rows: [[null, '5'], [null, '6'], ['abc', '2'], ['abc ', '4'], ['ABD', '3']] },
  // Literals take the connection's collation (mysql2 sends utf8mb4_unicode_ci): case-insensitive, as in MySQL.
  { sql: "SELECT 'a' = 'A', 'a' = 'A' COLLATE utf8mb4_bin, 'a' = 'A' COLLATE utf8mb4_general_ci", rows: [['1', '0', '1']] },
  // ONLY_FULL_GROUP_BY (in the default sql_mode): ungrouped columns are errors unless a key or WHERE determines them
  { sql: 'SELECT name, COUNT(*) FROM a GROUP BY x', error: 1055 },
  { sql: 'SELECT name, COUNT(*) FROM a', error: 1140 },
  { sql: 'SELECT x FROM a GROUP BY x ORDER BY name', error: 1055 },
  // An inner join's ON equalities carry dependence as WHERE's do (MySQL 8.0 manual 12.20.4), an outer join's do not
  { sql: 'SELECT a.x, COUNT(*) FROM a LEFT JOIN b ON b.a_id = a.id GROUP BY b.a_id', error: 1055 },
  { sql: 'SELECT a.x, COUNT(*) FROM a JOIN b ON b.a_id = a.id GROUP BY b.a_id ORDER BY a.x', rows: [['10', '2'], ['20', '1']] },
  // grouping by b's key determines b.a_id, which the join carries to a's key and so to a.name
  { sql: 'SELECT b.id, a.name FROM b JOIN a ON a.id = b.a_id GROUP BY b.id ORDER BY b.id', rows: [['1', 'one'], ['2', 'one'], ['3', 'two']] },
  { sql: 'SELECT id, name FROM a GROUP BY id ORDER BY id', rows: [['1', 'one'], ['2', 'two'], ['3', 'three'], ['4', null]] },
  { sql: 'SELECT a.name, COUNT(b.id) FROM a JOIN b ON b.a_id = a.id GROUP BY a.id ORDER BY a.id', rows: [['one', '2'], ['two', '1']] },
  { sql: "SELECT x, name FROM a WHERE name = 'one' GROUP BY x", rows: [['10', 'one']] },
  { sql: 'SELECT x + 1 AS y FROM a WHERE x > 10 GROUP BY x + 1 ORDER BY y', rows: [['21'], ['31']] },
  { sql: 'SELECT ANY_VALUE(name), COUNT(*) FROM a WHERE x = 20 GROUP BY x', rows: [['two', '1']] },
  { sql: 'SELECT v, COUNT(*) FROM b WHERE v > 2 GROUP BY v ORDER BY v', rows: [['2.5', '1'], ['4', '1'], ['8', '1']] },
  { sql: 'SELECT id, v FROM big_b GROUP BY id ORDER BY id', rows: [['2', '2.5'], ['3', '4'], ['4', '8']] },
  // Index joins (small outer side probing the inner table by handle or index), inner and left outer
  { sql: 'SELECT a.name, b.v FROM b JOIN a ON b.a_id = a.id WHERE b.id IN (1, 3, 4) ORDER BY b.id', rows: [['one', '1.5'], ['two', '4']] },
  { sql: 'SELECT b.id, a.name FROM b LEFT JOIN a ON b.a_id = a.id AND a.x > 10 WHERE b.id BETWEEN 1 AND 4 ORDER BY b.id', rows: [['1', null], ['2', null], ['3', 'two'], ['4', null]] },
  { sql: 'SELECT c.k, c.n FROM a JOIN c ON c.n = a.id * 5 WHERE a.id = 1 ORDER BY c.k', rows: [['1', '5'], ['2', '5']] },
  // A join that multiplies rows streams in bounded batches (27,000,000 joined rows counted without holding them)
  { sql: 'CREATE TABLE n300 (v INT)', affectedRows: 0 },
  { sql: 'INSERT INTO n300 WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 300) SELECT n FROM s', affectedRows: 300 },
  { sql: 'SELECT COUNT(*) FROM n300 x, n300 y, n300 z', rows: [['27000000']] },
  // Common table expressions
  { sql: 'WITH x AS (SELECT 1 AS a), y (b) AS (SELECT a + 1 FROM x) SELECT * FROM x, y', rows: [['1', '2']] },
  { sql: 'WITH big AS (SELECT id FROM a WHERE x > 10) SELECT name FROM a WHERE id IN (SELECT id FROM big) ORDER BY name', rows: [['three'], ['two']] },
  { sql: 'WITH a AS (SELECT 7 AS id) SELECT id FROM a', rows: [['7']] },
  { sql: 'WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 4) SELECT SUM(n), COUNT(*) FROM seq', rows: [['10', '4']] },
  { sql: 'WITH RECURSIVE r AS (SELECT 1 AS n UNION SELECT n FROM r) SELECT * FROM r', rows: [['1']] },
  { sql: 'WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r', error: 3636 },
  { sql: 'WITH RECURSIVE r AS (SELECT n FROM r) SELECT * FROM r', error: 3573 },
  { sql: 'WITH x AS (SELECT 1), x AS (SELECT 2) SELECT * FROM x', error: 1066 },
  { sql: 'CREATE VIEW cte_view AS WITH x AS (SELECT 1 AS a) SELECT a FROM x', affectedRows: 0 },
  { sql: 'SELECT a FROM cte_view', rows: [['1']] },
  // ORDER BY … LIMIT read in index or handle order (no sort), with MySQL's NULL placement
  { sql: 'SELECT k FROM c ORDER BY k DESC LIMIT 2', rows: [['5'], ['4']] },
  { sql: 'SELECT k, n FROM c ORDER BY n LIMIT 3', rows: [['4', null], ['5', '-3'], ['1', '5']] },
  { sql: 'SELECT k, n FROM c ORDER BY n DESC LIMIT 3', rows: [['3', '7'], ['2', '5'], ['1', '5']] },
  { sql: 'SELECT k FROM c WHERE n = 5 ORDER BY k DESC', rows: [['2'], ['1']] },
  { sql: 'SELECT k FROM c WHERE k > 1 ORDER BY k DESC LIMIT 2 OFFSET 1', rows: [['4'], ['3']] },
  { sql: 'SELECT k FROM c WHERE k IN (4, 1, 3) ORDER BY k DESC', rows: [['4'], ['3'], ['1']] },
  { sql: 'SELECT k, s FROM c ORDER BY s DESC, k LIMIT 2', rows: [['3', 'z'], ['2', 'y ']] },
  // Joins
  { sql: 'SELECT a.name, b.v FROM a JOIN b ON a.id = b.a_id ORDER BY b.v', rows: [['one', '1.5'], ['one', '2.5'], ['two', '4']] },
  { sql: 'SELECT a.id, b.id FROM a LEFT JOIN b ON a.id = b.a_id ORDER BY a.id, b.id', rows: [['1', '1'], ['1', '2'], ['2', '3'], ['3', null], ['4', null]] },
  { sql: 'SELECT a.id, b.id FROM a RIGHT JOIN b ON a.id = b.a_id ORDER BY b.id', rows: [['1', '1'], ['1', '2'], ['2', '3'], [null, '4']] },
  { sql: 'SELECT a.id, b.id FROM a, b WHERE a.id = b.a_id AND b.v > 2 ORDER BY 2', rows: [['1', '2'], ['2', '3']] },
  { sql: 'SELECT COUNT(*) FROM a CROSS JOIN b', rows: [['16']] },
  { sql: 'SELECT id, name, v FROM a NATURAL JOIN (SELECT id, v FROM b) t ORDER BY id', rows: [['1', 'one', '1.5'], ['2', 'two', '2.5'], ['3', 'three', '4'], ['4', null, '8']] },
  { sql: 'SELECT * FROM a JOIN b USING (id) WHERE a.id = 2', rows: [['2', '20', 'two', '1', '2.5']] },
  { sql: 'SELECT a.id FROM a LEFT JOIN b ON a.id = b.a_id WHERE b.id IS NULL ORDER BY a.id', rows: [['3'], ['4']] },
  { sql: 'SELECT id FROM a JOIN b ON a.id = b.a_id', error: 1052 },
  { sql: 'SELECT 1 FROM a JOIN a ON 1 = 1', error: 1066 },
  // Aggregates
  { sql: 'SELECT COUNT(*), COUNT(x), SUM(x), AVG(x), MIN(name), MAX(name) FROM a', rows: [['4', '3', '60', '20.0000', 'one', 'two']] },
  { sql: 'SELECT COUNT(*), SUM(x), MAX(x) FROM a WHERE x > 100', rows: [['0', null, null]] },
  { sql: 'SELECT a_id, COUNT(*) c FROM b GROUP BY a_id HAVING c > 1', rows: [['1', '2']] },
  { sql: 'SELECT a_id, GROUP_CONCAT(id ORDER BY id DESC SEPARATOR \'|\') FROM b GROUP BY a_id ORDER BY a_id', rows: [['1', '2|1'], ['2', '3'], ['9', '4']] },
  { sql: 'SELECT COUNT(DISTINCT a_id), SUM(DISTINCT a_id) FROM b', rows: [['3', '12']] },
  { sql: 'SELECT x % 20 AS m, COUNT(*) FROM a WHERE x IS NOT NULL GROUP BY m ORDER BY m', rows: [['0', '1'], ['10', '2']] },
  { sql: 'SELECT SUM(COUNT(*)) FROM a', error: 1111 },
  { sql: 'SELECT id FROM a WHERE COUNT(*) > 1', error: 1111 },
  // DISTINCT, UNION, ORDER BY, LIMIT
  { sql: 'SELECT DISTINCT a_id FROM b ORDER BY a_id DESC', rows: [['9'], ['2'], ['1']] },
  { sql: 'SELECT x FROM a WHERE x IS NOT NULL UNION SELECT 10 UNION ALL SELECT 20 ORDER BY 1', rows: [['10'], ['20'], ['20'], ['30']] },
  { sql: 'SELECT 1 UNION SELECT 1, 2', error: 1222 },
  { sql: 'SELECT a_id FROM b INTERSECT SELECT id FROM a ORDER BY 1', rows: [['1'], ['2']] },
  { sql: 'SELECT a_id FROM b EXCEPT SELECT id FROM a', rows: [['9']] },
  { sql: 'SELECT a_id FROM b EXCEPT ALL SELECT 1 ORDER BY 1', rows: [['1'], ['2'], ['9']] },
  { sql: 'SELECT name FROM a ORDER BY x DESC LIMIT 2 OFFSET 1', rows: [['two'], ['one']] },
  { sql: 'SELECT name FROM a ORDER BY x LIMIT 1', rows: [[null]] },
  { sql: 'SELECT id FROM a ORDER BY 5', error: 1054 },
  // Secondary indexes: lookups and ranges must answer exactly like a full scan.
  { sql: 'SELECT k FROM c WHERE n = 5 ORDER BY k', rows: [['1'], ['2']] },
  { sql: 'SELECT k FROM c WHERE n IN (7, -3, 100) ORDER BY k', rows: [['3'], ['5']] },
  { sql: 'SELECT k FROM c WHERE n > 4.5 ORDER BY k', rows: [['1'], ['2'], ['3']] },
  { sql: 'SELECT k FROM c WHERE n < 6 ORDER BY k', rows: [['1'], ['2'], ['5']] },
  { sql: 'SELECT k FROM c WHERE n BETWEEN -3 AND 5 AND n <> 5 ORDER BY k', rows: [['5']] },
  { sql: 'SELECT k FROM c WHERE f >= 1.5 ORDER BY k', rows: [['2'], ['3']] },
  { sql: 'SELECT k FROM c WHERE n = 5.5', rows: [] },
  // c.s is utf8mb4_0900_ai_ci (the default): NO PAD, so the trailing space counts; case does not.
  { sql: "SELECT k FROM c WHERE s = 'y' ORDER BY k", rows: [] },
  { sql: "SELECT k FROM c WHERE s = 'y ' ORDER BY k", rows: [['2']] },
  { sql: "SELECT k FROM c WHERE s = 'x' ORDER BY k", rows: [['1'], ['5']] },
  { sql: "SELECT k FROM c WHERE s IN ('X', 'Z') ORDER BY k", rows: [['1'], ['3'], ['5']] },
  { sql: 'SELECT k FROM c WHERE n IS NULL', rows: [['4']] },
  { sql: 'INSERT INTO b VALUES (5, 1, 1.5)', error: 1062 },
  { sql: 'CREATE UNIQUE INDEX c_dup ON c (n)', error: 1062 },
  { sql: 'CREATE INDEX c_n ON c (s)', error: 1061 },
  { sql: 'DROP INDEX nosuch ON c', error: 1091 },
  // Views
  { sql: 'SELECT id FROM big_b ORDER BY id', rows: [['2'], ['3'], ['4']] },
  { sql: 'SELECT q FROM named WHERE p = \'one\'', rows: [['2']] },
  { sql: 'SELECT x.v FROM big_b x JOIN a ON a.id = x.id WHERE a.x = 30', rows: [['4']] },
  { sql: 'CREATE VIEW big_b AS SELECT 1', error: 1050 },
  { sql: 'CREATE VIEW broken AS SELECT nosuch FROM a', error: 1054 },
  { sql: 'DROP VIEW a', error: 1347 },
  { sql: 'DELETE FROM named', error: 1288 },
  // MySQL 8.0.19's VALUES statement (the manual's examples): columns column_0, column_1, …; a query anywhere.
  { sql: 'VALUES ROW(1, -2, 3), ROW(5, 7, 9), ROW(4, 6, 8)', rows: [['1', '-2', '3'], ['5', '7', '9'], ['4', '6', '8']] },
  { sql: 'VALUES ROW(1, -2, 3), ROW(5, 7, 9), ROW(4, 6, 8) ORDER BY column_1 DESC LIMIT 2', rows: [['5', '7', '9'], ['4', '6', '8']] },
  { sql: "SELECT y, x FROM (VALUES ROW(1, 'a'), ROW(2, 'b')) AS t (x, y) WHERE x > 1", rows: [['b', '2']] },
  { sql: "SELECT column_1 FROM (VALUES ROW(1, 'a')) AS t", rows: [['a']] },
  { sql: 'SELECT 7 UNION VALUES ROW(2) UNION SELECT id FROM a ORDER BY 1 LIMIT 3', rows: [['1'], ['2'], ['3']] },
  { sql: 'VALUES ROW(1), ROW(2, 3)', error: 1136, message: "Column count doesn't match value count at row 2" },
  // INSERT … SELECT, IGNORE, REPLACE, ON DUPLICATE KEY UPDATE
  { sql: 'CREATE TABLE w (id INT PRIMARY KEY, u INT UNIQUE, n INT)', affectedRows: 0 },
  { sql: 'INSERT INTO w SELECT id, x, 0 FROM a WHERE x IS NOT NULL', affectedRows: 3 },
  { sql: 'INSERT IGNORE INTO w VALUES (1, 99, 0), (9, 90, 0)', affectedRows: 1 },
  { sql: 'REPLACE INTO w VALUES (2, 30, 7)', affectedRows: 3 },
  { sql: 'SELECT id, u, n FROM w ORDER BY id', rows: [['1', '10', '0'], ['2', '30', '7'], ['9', '90', '0']] },
  { sql: 'INSERT INTO w VALUES (1, 11, 5) ON DUPLICATE KEY UPDATE n = n + VALUES(n)', affectedRows: 2 },
  // mysql2 sets CLIENT_FOUND_ROWS, so an unchanged duplicate counts 1 (it would be 0 without the flag).
  { sql: 'INSERT INTO w VALUES (1, 11, 5) ON DUPLICATE KEY UPDATE n = n', affectedRows: 1 },
  { sql: 'SELECT id, u, n FROM w WHERE id = 1', rows: [['1', '10', '5']] },
  { sql: 'INSERT INTO w VALUES (3, 90, 0)', error: 1062 },
  // MySQL 8.0.19's row alias (the MySQL 8.0 manual's examples): `new.col` and column aliases are the proposed row.
  { sql: 'INSERT INTO w VALUES (1, 11, 4) AS new ON DUPLICATE KEY UPDATE n = new.n + w.n + new.id', affectedRows: 2 },
  { sql: 'SELECT n FROM w WHERE id = 1', rows: [['10']] },
  { sql: 'INSERT INTO w (id, u, n) VALUES (1, 11, 1), (20, 200, 2) AS new(a, b, c) ON DUPLICATE KEY UPDATE n = a + c + n', affectedRows: 3 },
  { sql: 'SELECT id, n FROM w WHERE id IN (1, 20) ORDER BY id', rows: [['1', '12'], ['20', '2']] },
  { sql: 'INSERT INTO w SET id = 20, u = 200, n = 5 AS new ON DUPLICATE KEY UPDATE n = new.n * 2', affectedRows: 2 },
  { sql: 'SELECT n FROM w WHERE id = 20', rows: [['10']] },
  { sql: 'INSERT INTO w VALUES (1, 11, 1) AS w ON DUPLICATE KEY UPDATE n = 1', error: 1066 },
  { sql: 'INSERT INTO w (id, n) VALUES (1, 1) AS new(a) ON DUPLICATE KEY UPDATE n = a', error: 1136 },
  { sql: 'INSERT INTO w VALUES (1, 11, 1) AS new(a, b, c) ON DUPLICATE KEY UPDATE n = new.n', error: 1054 },
  // Schema statements
  { sql: 'DESCRIBE c', rows: [['k', 'int', 'NO', 'PRI', null, ''], ['n', 'int', 'YES', 'MUL', null, ''], ['f', 'double', 'YES', 'MUL', null, ''], ['s', 'varchar(10)', 'YES', 'MUL', null, '']] },
  { sql: "SHOW COLUMNS FROM w LIKE 'u'", rows: [['u', 'int', 'YES', 'UNI', null, '']] },
  { sql: 'SHOW INDEX FROM w', rows: [['w', '0', 'PRIMARY', '1', 'id', 'A', '0', null, null, '', 'BTREE', '', '', 'YES', null], ['w', '0', 'u', '1', 'u', 'A', '0', null, null, 'YES', 'BTREE', '', '', 'YES', null]] },
  { sql: 'SHOW CREATE TABLE w', rows: [['w', 'CREATE TABLE `w` (\n  `id` int NOT NULL,\n  `u` int DEFAULT NULL,\n  `n` int DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  UNIQUE KEY `u` (`u`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']] },
  { sql: 'RENAME TABLE w TO w2', affectedRows: 0 },
  { sql: 'SELECT COUNT(*) FROM w2', rows: [['4']] },
  { sql: 'TRUNCATE TABLE w2', affectedRows: 0 },
  { sql: 'SELECT COUNT(*) FROM w2', rows: [['0']] },
  { sql: 'DROP TRIGGER nosuch', error: 1360 },
  // ALTER TABLE: old rows read the added column's default; changed types convert stored rows.
  { sql: "CREATE TABLE al (id INT PRIMARY KEY, a VARCHAR(5))", affectedRows: 0 },
  { sql: "INSERT INTO al VALUES (1, '10'), (2, '20')", affectedRows: 2 },
  { sql: "ALTER TABLE al ADD COLUMN b INT NOT NULL DEFAULT 7 AFTER id, ADD INDEX al_b (b)", affectedRows: 0 },
  { sql: 'SELECT * FROM al ORDER BY id', rows: [['1', '7', '10'], ['2', '7', '20']] },
  { sql: 'SELECT id FROM al WHERE b = 7 ORDER BY id', rows: [['1'], ['2']] },
  { sql: 'ALTER TABLE al MODIFY a INT', affectedRows: 0 },
  { sql: 'SELECT a + 1 FROM al ORDER BY id', rows: [['11'], ['21']] },
  { sql: 'ALTER TABLE al CHANGE a c BIGINT, DROP INDEX al_b, RENAME COLUMN b TO bb', affectedRows: 0 },
  { sql: 'SELECT id, bb, c FROM al WHERE id = 2', rows: [['2', '7', '20']] },
  { sql: 'ALTER TABLE al DROP COLUMN bb, RENAME TO al2', affectedRows: 0 },
  { sql: 'SELECT * FROM al2 ORDER BY id', rows: [['1', '10'], ['2', '20']] },
  { sql: "ALTER TABLE al2 ADD COLUMN id INT", error: 1060 },
  { sql: "ALTER TABLE al2 DROP COLUMN nosuch", error: 1091 },
  { sql: "ALTER TABLE al2 MODIFY c TINYINT", affectedRows: 0 },
  { sql: "INSERT INTO al2 VALUES (3, 300)", error: 1264 },
  // Subqueries
  { sql: 'SELECT (SELECT MAX(v) FROM b), (SELECT COUNT(*) FROM b WHERE b.a_id = a.id), id FROM a ORDER BY id', rows: [['8', '2', '1'], ['8', '1', '2'], ['8', '0', '3'], ['8', '0', '4']] },
  { sql: 'SELECT id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.a_id = a.id) ORDER BY id', rows: [['1'], ['2']] },
  { sql: 'SELECT id FROM a WHERE id NOT IN (SELECT a_id FROM b) ORDER BY id', rows: [['3'], ['4']] },
  { sql: 'SELECT id FROM a WHERE id NOT IN (SELECT NULL FROM b)', rows: [] },
  { sql: 'SELECT id FROM a WHERE x > ALL (SELECT 15 FROM b) ORDER BY 1', rows: [['2'], ['3']] },
  { sql: 'SELECT id FROM a WHERE x = ANY (SELECT x FROM a WHERE id > 2)', rows: [['3']] },
  { sql: 'SELECT t.n FROM (SELECT COUNT(*) AS n FROM b) AS t', rows: [['4']] },
  { sql: 'SELECT (SELECT id FROM b)', error: 1242 },
  { sql: 'SELECT (SELECT id, a_id FROM b WHERE id = 1)', error: 1241 },
  // A range or full read decodes only the columns the query names (anywhere: WHERE, ORDER BY, HAVING, subqueries)
  { sql: "CREATE TABLE wide (id INT PRIMARY KEY, k INT, c VARCHAR(20), pad CHAR(5), t TIMESTAMP NULL)", affectedRows: 0 },
  { sql: "INSERT INTO wide VALUES (1, 30, 'c1', 'p1', '2020-01-01 10:00:00'), (2, 10, 'c2', NULL, NULL), (3, 20, 'c3', 'p3', '2021-06-01 00:00:00')", affectedRows: 3 },
  { sql: 'ALTER TABLE wide ADD COLUMN late INT NOT NULL DEFAULT 5', affectedRows: 0 },
  { sql: 'SELECT c FROM wide WHERE id BETWEEN 1 AND 3 ORDER BY k', rows: [['c2'], ['c3'], ['c1']] },
  { sql: 'SELECT DISTINCT pad FROM wide WHERE id BETWEEN 1 AND 3 ORDER BY pad', rows: [[null], ['p1'], ['p3']] },
  { sql: 'SELECT SUM(k), COUNT(*), MAX(late) FROM wide WHERE id BETWEEN 2 AND 3', rows: [['30', '2', '5']] },
  { sql: 'SELECT id FROM wide WHERE id >= 1 GROUP BY id HAVING MAX(pad) IS NOT NULL ORDER BY id', rows: [['1'], ['3']] },
  { sql: "SELECT id, t FROM wide WHERE t > '2020-06-01' ORDER BY id", rows: [['3', '2021-06-01 00:00:00']] },
  { sql: 'SELECT id FROM wide w WHERE EXISTS (SELECT 1 FROM a WHERE a.x = w.k) ORDER BY id', rows: [['1'], ['2'], ['3']] },
  { sql: 'SELECT COUNT(*) FROM wide', rows: [['3']] },
  { sql: 'SELECT * FROM wide WHERE id < 3 ORDER BY id', rows: [['1', '30', 'c1', 'p1', '2020-01-01 10:00:00', '5'], ['2', '10', 'c2', null, null, '5']] },
  { sql: 'SELECT w.late + w.k FROM wide w ORDER BY w.c DESC LIMIT 1', rows: [['25']] },
  // DISTINCT streams: rows read in index order need no sort, and LIMIT / OFFSET count distinct rows
  { sql: 'SELECT DISTINCT n FROM c ORDER BY n LIMIT 3', rows: [[null], ['-3'], ['5']] },
  { sql: 'SELECT DISTINCT n FROM c ORDER BY n DESC LIMIT 2', rows: [['7'], ['5']] },
  { sql: 'SELECT DISTINCT id, k FROM wide ORDER BY id DESC LIMIT 2', rows: [['3', '20'], ['2', '10']] },
  { sql: 'SELECT DISTINCT n FROM c WHERE k >= 1 LIMIT 2 OFFSET 1', rows: [['7'], [null]] },
  // Expressions without FROM
  { sql: 'SELECT 7 / 2, 7 DIV 2, 7 % 3, -7 % 3, 1 + 2 * 3', rows: [['3.5000', '3', '1', '-1', '7']] },
  { sql: "SELECT 'a' = 'A', 'abc' LIKE 'a%', NULL <=> NULL, NULL = NULL, 5 BETWEEN 1 AND 10", rows: [['1', '1', '1', null, '1']] },
  { sql: 'SELECT CASE WHEN 1 > 2 THEN \'x\' ELSE \'y\' END, COALESCE(NULL, 3), IFNULL(NULL, \'z\'), NULLIF(1, 1)', rows: [['y', '3', 'z', null]] },
  { sql: 'SELECT 9223372036854775807 + 1', error: 1690 },
  { sql: 'SELECT 1 / 0', rows: [[null]] },
];
