// SQL behaviour of temporary tables (CREATE TEMPORARY TABLE and its LIKE / AS SELECT forms) on one connection:
// shadowing a stored table for every statement, listings without them, DROP [TEMPORARY], transactions.
import type { SqlCase } from './query-cases.js';

export const TEMPORARY_TABLE_SETUP = [
  'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))',
  "INSERT INTO t VALUES (1, 'stored'), (2, 'stored')",
  'CREATE TABLE other (id INT PRIMARY KEY, t_id INT)',
  'INSERT INTO other VALUES (10, 1), (20, 2), (30, 3)',
];

export const TEMPORARY_TABLE_CASES: readonly SqlCase[] = [
  // A temporary table hides the stored table of the same name from every statement.
  { sql: 'CREATE TEMPORARY TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, v VARCHAR(10) NOT NULL)', affectedRows: 0 },
  { sql: 'SELECT * FROM t', rows: [] },
  { sql: "INSERT INTO t (v) VALUES ('temp'), ('temp')", affectedRows: 2 },
  { sql: 'SELECT id, v FROM t ORDER BY id', rows: [['1', 'temp'], ['2', 'temp']] },
  { sql: "UPDATE t SET v = 'changed' WHERE id = 2", affectedRows: 1 },
  { sql: 'DELETE FROM t WHERE id = 1', affectedRows: 1 },
  { sql: 'SELECT id, v FROM t', rows: [['2', 'changed']] },
  { sql: 'SELECT COUNT(*) FROM cases.t', rows: [['1']] },
  { sql: 'DESCRIBE t', rows: [['id', 'int', 'NO', 'PRI', null, 'auto_increment'], ['v', 'varchar(10)', 'NO', '', null, '']] },
  {
    sql: 'SHOW CREATE TABLE t',
    rows: [['t', 'CREATE TEMPORARY TABLE `t` (\n  `id` int NOT NULL AUTO_INCREMENT,\n  `v` varchar(10) NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']],
  },
  // Listings show the stored tables only, as MySQL's SHOW TABLES and information_schema.TABLES do.
  { sql: 'SHOW TABLES', rows: [['other'], ['t']] },
  { sql: "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME = 't'", rows: [['1']] },
  { sql: "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME = 't' ORDER BY ORDINAL_POSITION", rows: [['id'], ['v']] },
  // In joins and subqueries, next to stored tables.
  { sql: 'SELECT t.v, other.id FROM t JOIN other ON other.t_id = t.id', rows: [['changed', '20']] },
  { sql: 'SELECT id FROM other WHERE t_id IN (SELECT id FROM t)', rows: [['20']] },
  { sql: 'SELECT (SELECT v FROM t WHERE t.id = other.t_id) FROM other ORDER BY id', rows: [[null], ['changed'], [null]] },
  { sql: 'SELECT a.id, b.id FROM t a JOIN t b ON a.id = b.id', rows: [['2', '2']] },
  // One name, one temporary table.
  { sql: 'CREATE TEMPORARY TABLE t (a INT)', error: 1050, message: "Table 't' already exists" },
  { sql: 'CREATE TEMPORARY TABLE IF NOT EXISTS t (a INT)', affectedRows: 0 },
  // ALTER TABLE and index DDL change the temporary table, not the stored one.
  { sql: 'ALTER TABLE t ADD COLUMN n INT DEFAULT 7, ADD INDEX t_n (n)', affectedRows: 0 },
  { sql: 'SELECT id, v, n FROM t WHERE n = 7', rows: [['2', 'changed', '7']] },
  { sql: 'SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = \'cases\' AND TABLE_NAME = \'t\'', rows: [['2']] },
  // Rows written in a transaction go with its rollback, as in InnoDB's temporary tables.
  { sql: 'BEGIN', affectedRows: 0 },
  { sql: "INSERT INTO t (v) VALUES ('rolled')", affectedRows: 1 },
  { sql: 'SELECT COUNT(*) FROM t', rows: [['2']] },
  { sql: 'ROLLBACK', affectedRows: 0 },
  { sql: 'SELECT COUNT(*) FROM t', rows: [['1']] },
  { sql: 'TRUNCATE TABLE t', affectedRows: 0 },
  { sql: 'SELECT COUNT(*) FROM t', rows: [['0']] },
  // DROP TEMPORARY TABLE drops only temporary tables; the stored one is visible again.
  { sql: 'DROP TEMPORARY TABLE t', affectedRows: 0 },
  { sql: 'SELECT id, v FROM t ORDER BY id', rows: [['1', 'stored'], ['2', 'stored']] },
  { sql: 'DROP TEMPORARY TABLE t', error: 1051, message: "Unknown table 'cases.t'" },
  { sql: 'DROP TEMPORARY TABLE IF EXISTS t', affectedRows: 0 },
  // LIKE copies the definition, AS SELECT the rows too.
  { sql: 'CREATE TEMPORARY TABLE tl LIKE t', affectedRows: 0 },
  { sql: 'SELECT COUNT(*) FROM tl', rows: [['0']] },
  { sql: 'INSERT INTO tl SELECT * FROM t', affectedRows: 2 },
  { sql: 'SELECT id, v FROM tl ORDER BY id', rows: [['1', 'stored'], ['2', 'stored']] },
  { sql: "CREATE TEMPORARY TABLE ts AS SELECT id, CONCAT(v, '!') AS w FROM t WHERE id = 2", affectedRows: 1, info: 'Records: 1  Duplicates: 0  Warnings: 0' },
  { sql: 'SELECT * FROM ts', rows: [['2', 'stored!']] },
  { sql: 'SELECT t.id, ts.w FROM t LEFT JOIN ts ON ts.id = t.id ORDER BY t.id', rows: [['1', null], ['2', 'stored!']] },
  // A stored table may be made from a temporary one; it is a stored table then.
  { sql: 'CREATE TABLE copy LIKE ts', affectedRows: 0 },
  { sql: "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME = 'copy'", rows: [['copy']] },
  { sql: 'DROP TABLE copy', affectedRows: 0 },
  // DROP TABLE (without TEMPORARY) drops a temporary table too, and several at once.
  { sql: 'DROP TABLE ts, tl', affectedRows: 0 },
  { sql: 'SELECT * FROM ts', error: 1146, message: "Table 'cases.ts' doesn't exist" },
  { sql: 'SELECT COUNT(*) FROM t', rows: [['2']] },
  // CREATE TEMPORARY TABLE does not commit the open transaction (MySQL's implicit-commit list leaves it out).
  { sql: 'BEGIN', affectedRows: 0 },
  { sql: "INSERT INTO t VALUES (3, 'pending')", affectedRows: 1 },
  { sql: 'CREATE TEMPORARY TABLE tx (a INT)', affectedRows: 0 },
  { sql: 'DROP TEMPORARY TABLE tx', affectedRows: 0 },
  { sql: 'ROLLBACK', affectedRows: 0 },
  { sql: 'SELECT COUNT(*) FROM t', rows: [['2']] },
  // A view may not be made over a temporary table (MySQL's 1352).
  { sql: 'CREATE TEMPORARY TABLE tv (a INT)', affectedRows: 0 },
  { sql: 'CREATE VIEW v_tv AS SELECT a FROM tv', error: 1352, message: "View's SELECT refers to a temporary table 'tv'" },
  { sql: 'DROP TEMPORARY TABLE tv', affectedRows: 0 },
];
