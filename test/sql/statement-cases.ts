// SQL behaviour as data for statements routed by the statement table: CHECK TABLE, SHOW … WHERE over every SHOW
// form, FLUSH options, DO, the session statements a READ ONLY transaction allows, SELECT … INTO @var, and OPTIMIZE,
// REPAIR and CHECKSUM TABLE. Checked against MariaDB 10.11
// and the MySQL 8.0 manual (CHECK TABLE's report rows, SHOW … WHERE on the listing's own column names).
import type { SqlCase } from './query-cases.js';

export const STATEMENT_SETUP = [
  'CREATE TABLE t (id INT PRIMARY KEY, v INT, name VARCHAR(10), KEY v_key (v), UNIQUE KEY name_key (name))',
  "INSERT INTO t VALUES (1, 10, 'a'), (2, 20, 'b'), (3, NULL, NULL)",
  'CREATE TABLE u (x INT)',
  'CREATE VIEW w AS SELECT id FROM t',
];

export const STATEMENT_CASES: readonly SqlCase[] = [
  // CHECK TABLE: one report row per table; a missing table reports the error and "Operation failed"
  { sql: 'CHECK TABLE t', rows: [['cases.t', 'check', 'status', 'OK']] },
  { sql: 'CHECK TABLE t, u QUICK', rows: [['cases.t', 'check', 'status', 'OK'], ['cases.u', 'check', 'status', 'OK']] },
  { sql: 'CHECK TABLE cases.w', rows: [['cases.w', 'check', 'status', 'OK']] },
  {
    sql: 'CHECK TABLE nosuch',
    rows: [['cases.nosuch', 'check', 'Error', "Table 'cases.nosuch' doesn't exist"], ['cases.nosuch', 'check', 'status', 'Operation failed']],
  },
  { sql: 'CHECK TABLES t FOR UPGRADE', rows: [['cases.t', 'check', 'status', 'OK']] },
  { sql: 'CHECK TABLE', error: 1064 },
  // ANALYZE TABLE: the same report; a view is not a base table (MySQL's 1347 message)
  // (only u, whose statistics no later case shows)
  { sql: 'ANALYZE TABLE u, cases.u', rows: [['cases.u', 'analyze', 'status', 'OK'], ['cases.u', 'analyze', 'status', 'OK']] },
  {
    sql: 'ANALYZE NO_WRITE_TO_BINLOG TABLE nosuch, w',
    rows: [
      ['cases.nosuch', 'analyze', 'Error', "Table 'cases.nosuch' doesn't exist"],
      ['cases.nosuch', 'analyze', 'status', 'Operation failed'],
      ['cases.w', 'analyze', 'Error', "'cases.w' is not BASE TABLE"],
      ['cases.w', 'analyze', 'status', 'Operation failed'],
    ],
  },
  { sql: 'ANALYZE TABLE', error: 1064 },
  // SHOW … WHERE over the listing's own column names, for every SHOW form
  { sql: "SHOW TABLES WHERE Tables_in_cases IN ('t', 'w')", rows: [['t'], ['w']] },
  { sql: "SHOW FULL TABLES WHERE Table_type = 'VIEW'", rows: [['w', 'VIEW']] },
  { sql: "SHOW DATABASES WHERE `Database` = 'cases'", rows: [['cases']] },
  { sql: "SHOW COLUMNS FROM t WHERE Field IN ('v', 'name')", rows: [['v', 'int', 'YES', 'MUL', null, ''], ['name', 'varchar(10)', 'YES', 'UNI', null, '']] },
  { sql: "SHOW INDEX FROM t WHERE Key_name = 'v_key'", rows: [['t', '1', 'v_key', '1', 'v', 'A', '0', null, null, 'YES', 'BTREE', '', '', 'YES', null]] },
  { sql: "SHOW VARIABLES WHERE Variable_name IN ('autocommit', 'sql_safe_updates')", rows: [['autocommit', 'ON'], ['sql_safe_updates', 'OFF']] },
  { sql: "SHOW SESSION STATUS WHERE Variable_name = 'Com_check'", rows: [['Com_check', '5']] },
  { sql: "SHOW WARNINGS WHERE Level = 'Error'", error: 1064 },
  { sql: "SHOW COLLATION WHERE Collation = 'binary'", rows: [['binary', 'binary', '63', 'Yes', 'Yes', '1', 'NO PAD']] },
  { sql: "SHOW CHARSET WHERE Charset = 'binary'", rows: [['binary', 'Binary pseudo charset', 'binary', '1']] },
  { sql: 'SHOW TABLES WHERE nosuch = 1', error: 1054 },
  // DO evaluates and returns nothing; FLUSH takes any mix of its options
  { sql: 'DO 1 + 1, SLEEP(0)', affectedRows: 0 },
  { sql: 'FLUSH PRIVILEGES, STATUS', affectedRows: 0 },
  { sql: 'FLUSH TABLES t WITH READ LOCK', affectedRows: 0 },
  { sql: 'UNLOCK TABLES', affectedRows: 0 },
  // A READ ONLY transaction reads and ends; writes in it fail with 1792
  { sql: 'START TRANSACTION READ ONLY', affectedRows: 0 },
  { sql: 'SELECT COUNT(*) FROM t', rows: [['3']] },
  { sql: 'INSERT INTO u VALUES (1)', error: 1792 },
  { sql: 'SAVEPOINT s1', affectedRows: 0 },
  { sql: 'COMMIT', affectedRows: 0 },
  { sql: 'INSERT INTO u VALUES (1)', affectedRows: 1 },
  // SELECT … INTO @var: one row into the variables (1 affected row); none leaves them as they were with warning 1329;
  // more rows are 1172, another column count 1222; INTO may also close the statement
  { sql: 'SELECT name, v INTO @n, @v FROM t WHERE id = 2', affectedRows: 1 },
  { sql: 'SELECT @n, @v, @v + 1', rows: [['b', '20', '21']] },
  { sql: 'SELECT COUNT(*) INTO @c FROM t', affectedRows: 1 },
  { sql: 'SELECT id FROM t WHERE id = 99 INTO @c', affectedRows: 0 },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '1329', 'No data - zero rows fetched, selected, or processed']] },
  { sql: 'SELECT @c', rows: [['3']] },
  { sql: 'SELECT id INTO @c FROM t', error: 1172, message: 'Result consisted of more than one row' },
  { sql: 'SELECT id, v INTO @c FROM t WHERE id = 1', error: 1222 },
  // OPTIMIZE and REPAIR TABLE answer as MySQL does for InnoDB tables (OPTIMIZE analyzes); a missing table fails alone
  { sql: 'OPTIMIZE TABLE t', rows: [['cases.t', 'optimize', 'note', 'Table does not support optimize, doing recreate + analyze instead'], ['cases.t', 'optimize', 'status', 'OK']] },
  { sql: 'OPTIMIZE LOCAL TABLE nosuch', rows: [['cases.nosuch', 'optimize', 'Error', "Table 'cases.nosuch' doesn't exist"], ['cases.nosuch', 'optimize', 'status', 'Operation failed']] },
  { sql: 'REPAIR TABLE t QUICK', rows: [['cases.t', 'repair', 'note', "The storage engine for the table doesn't support repair"]] },
  // CHECKSUM TABLE: equal contents give equal checksums whatever the row order (the number is TidalDB's own)
  { sql: 'CREATE TABLE t_copy LIKE t', affectedRows: 0 },
  { sql: 'INSERT INTO t_copy SELECT * FROM t ORDER BY id DESC', affectedRows: 3 },
  { sql: 'CHECKSUM TABLE t, t_copy', rows: [['cases.t', '3289631778'], ['cases.t_copy', '3289631778']] },
  { sql: "UPDATE t_copy SET name = 'z' WHERE id = 1", affectedRows: 1 },
  { sql: 'CHECKSUM TABLE t_copy QUICK', rows: [['cases.t_copy', '3427205903']] },
  { sql: 'CHECKSUM TABLE nosuch EXTENDED', rows: [['cases.nosuch', null]] },
];
