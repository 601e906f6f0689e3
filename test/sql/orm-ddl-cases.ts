// SQL behaviour as data for what Django's test suite found in ALTER TABLE and metadata (issue 14): a constraint's name
// naming its index, case-only column renames, DESC key parts kept, DROP COLUMN of key columns, a view's columns in
// information_schema.COLUMNS.
// Checked against MariaDB 10.11 and MySQL 8.0.
import type { SqlCase } from './query-cases.js';

export const ORM_DDL_SETUP = [
  'CREATE TABLE b (id INT PRIMARY KEY, x INT, y INT, KEY x (x))',
  'CREATE TABLE d (id INT PRIMARY KEY, a INT, b INT, KEY ix_ab (a, b DESC))',
  'CREATE TABLE c (id INT, k INT, v INT, PRIMARY KEY (id, k), KEY kv (k, v DESC), KEY k_only (k))',
  'INSERT INTO c VALUES (1, 1, 10), (2, 1, 20)',
  'CREATE TABLE c2 (id INT, k INT, PRIMARY KEY (id, k))',
  'INSERT INTO c2 VALUES (1, 1), (1, 2)',
];

const INDEX_COLUMNS = 'SELECT index_name, seq_in_index, column_name, collation, non_unique FROM information_schema.statistics';

export const ORM_DDL_CASES: readonly SqlCase[] = [
  // ADD CONSTRAINT name UNIQUE (col): the index is called `name`, even when an index is named after the column
  { sql: 'ALTER TABLE b ADD CONSTRAINT b_x_uniq UNIQUE (x)', affectedRows: 0 },
  { sql: `${INDEX_COLUMNS} WHERE table_schema = 'cases' AND table_name = 'b' ORDER BY index_name`, rows: [['b_x_uniq', '1', 'x', 'A', '0'], ['PRIMARY', '1', 'id', 'A', '0'], ['x', '1', 'x', 'A', '1']] },
  // an unnamed key on a column whose name an index already has is numbered, as MySQL names them
  { sql: 'ALTER TABLE b ADD UNIQUE (x)', affectedRows: 0 },
  { sql: "SHOW INDEX FROM b WHERE Key_name LIKE 'x%'", rows: [['b', '1', 'x', '1', 'x', 'A', '0', null, null, 'YES', 'BTREE', '', '', 'YES', null], ['b', '0', 'x_2', '1', 'x', 'A', '0', null, null, 'YES', 'BTREE', '', '', 'YES', null]] },
  { sql: 'ALTER TABLE b ADD CONSTRAINT x UNIQUE (y)', error: 1061 },
  // RENAME COLUMN a TO A: only the case changes
  { sql: 'ALTER TABLE b RENAME COLUMN y TO Y', affectedRows: 0 },
  { sql: "SHOW COLUMNS FROM b WHERE Field = 'Y'", rows: [['Y', 'int', 'YES', '', null, '']] },
  { sql: 'ALTER TABLE b RENAME COLUMN Y TO x', error: 1060 },
  // DESC key parts are kept through ALTER TABLE and shown (SHOW INDEX Collation 'D', SHOW CREATE TABLE `b` DESC)
  { sql: 'ALTER TABLE d ADD COLUMN e INT', affectedRows: 0 },
  { sql: 'ALTER TABLE d ADD INDEX ix_e (e DESC, a)', affectedRows: 0 },
  {
    sql: `${INDEX_COLUMNS} WHERE table_schema = 'cases' AND table_name = 'd' AND index_name <> 'PRIMARY' ORDER BY index_name, seq_in_index`,
    rows: [['ix_ab', '1', 'a', 'A', '1'], ['ix_ab', '2', 'b', 'D', '1'], ['ix_e', '1', 'e', 'D', '1'], ['ix_e', '2', 'a', 'A', '1']],
  },
  // DROP COLUMN of a key column: it leaves its indexes (an index left empty goes), the primary key included
  { sql: 'ALTER TABLE c DROP COLUMN k', affectedRows: 0 },
  {
    sql: `${INDEX_COLUMNS} WHERE table_schema = 'cases' AND table_name = 'c' ORDER BY index_name, seq_in_index`,
    rows: [['kv', '1', 'v', 'D', '1'], ['PRIMARY', '1', 'id', 'A', '0']],
  },
  { sql: 'SELECT id, v FROM c ORDER BY id', rows: [['1', '10'], ['2', '20']] },
  { sql: 'INSERT INTO c VALUES (1, 30)', error: 1062 },
  { sql: 'ALTER TABLE c2 DROP COLUMN k', error: 1062 },
  // a view's columns are listed in information_schema.COLUMNS and SHOW COLUMNS, named by its column list
  { sql: 'CREATE VIEW vw (k, a1) AS SELECT id, a + 1 FROM d', affectedRows: 0 },
  {
    sql: "SELECT column_name, ordinal_position, data_type, is_nullable, column_key FROM information_schema.columns WHERE table_schema = 'cases' AND table_name = 'vw' ORDER BY ordinal_position",
    rows: [['k', '1', 'int', 'NO', ''], ['a1', '2', 'bigint', 'YES', '']],
  },
  { sql: 'SHOW COLUMNS FROM vw', rows: [['k', 'int', 'NO', '', null, ''], ['a1', 'bigint', 'YES', '', null, '']] },
  // A column added after another was dropped (in separate statements) never shows the dropped column's old values.
  { sql: 'CREATE TABLE reuse (id INT PRIMARY KEY, a INT, c INT)', affectedRows: 0 },
  { sql: 'INSERT INTO reuse VALUES (1, 5, 77)', affectedRows: 1 },
  { sql: 'ALTER TABLE reuse DROP COLUMN c', affectedRows: 0 },
  { sql: 'ALTER TABLE reuse ADD COLUMN d INT DEFAULT 9', affectedRows: 0 },
  { sql: 'ALTER TABLE reuse ADD COLUMN e INT', affectedRows: 0 },
  { sql: 'SELECT * FROM reuse', rows: [['1', '5', '9', null]] },
  // The integer primary key the rows are keyed by can go (DROP COLUMN, DROP PRIMARY KEY): rows get new hidden keys.
  { sql: 'CREATE TABLE pk1 (id INT PRIMARY KEY, a INT, KEY (a))', affectedRows: 0 },
  { sql: 'INSERT INTO pk1 VALUES (5, 50), (1, 10), (3, 30)', affectedRows: 3 },
  { sql: 'ALTER TABLE pk1 DROP COLUMN id', affectedRows: 0 },
  { sql: 'INSERT INTO pk1 VALUES (40)', affectedRows: 1 },
  { sql: 'SELECT a FROM pk1 ORDER BY a', rows: [['10'], ['30'], ['40'], ['50']] },
  { sql: 'SELECT a FROM pk1 WHERE a = 30', rows: [['30']] },
  { sql: 'CREATE TABLE pk2 (id INT PRIMARY KEY, c INT)', affectedRows: 0 },
  { sql: 'INSERT INTO pk2 VALUES (1, 1), (2, 2)', affectedRows: 2 },
  { sql: 'ALTER TABLE pk2 DROP PRIMARY KEY', affectedRows: 0 },
  { sql: 'INSERT INTO pk2 VALUES (1, 9)', affectedRows: 1 },
  { sql: 'SELECT id, c FROM pk2 ORDER BY id, c', rows: [['1', '1'], ['1', '9'], ['2', '2']] },
  { sql: 'ALTER TABLE pk2 DROP PRIMARY KEY', error: 1091, message: "Can't DROP 'PRIMARY'; check that column/key exists" },
  // DROP INDEX `PRIMARY` ON t and DROP CONSTRAINT `PRIMARY` are DROP PRIMARY KEY in other words.
  { sql: 'CREATE TABLE pk5 (id INT PRIMARY KEY, c INT)', affectedRows: 0 },
  { sql: 'INSERT INTO pk5 VALUES (1, 1), (2, 2)', affectedRows: 2 },
  { sql: 'DROP INDEX `PRIMARY` ON pk5', affectedRows: 0 },
  { sql: 'INSERT INTO pk5 VALUES (1, 9)', affectedRows: 1 },
  { sql: 'SELECT id, c FROM pk5 ORDER BY id, c', rows: [['1', '1'], ['1', '9'], ['2', '2']] },
  { sql: 'DROP INDEX `PRIMARY` ON pk5', error: 1091 },
  { sql: 'CREATE TABLE pk6 (id INT, c INT, PRIMARY KEY (id, c))', affectedRows: 0 },
  { sql: 'INSERT INTO pk6 VALUES (1, 1)', affectedRows: 1 },
  { sql: 'ALTER TABLE pk6 DROP CONSTRAINT `PRIMARY`', affectedRows: 0 },
  { sql: 'INSERT INTO pk6 VALUES (1, 1)', affectedRows: 1 },
  { sql: "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = 'cases' AND table_name = 'pk6'", rows: [['0']] },
  { sql: 'ALTER TABLE pk6 DROP CONSTRAINT `PRIMARY`', error: 3940, message: "Constraint 'PRIMARY' does not exist." },
  // MySQL 8's invisible indexes: maintained and still unique, but the planner does not use them.
  { sql: 'CREATE TABLE vi (id INT PRIMARY KEY, a INT, b INT, KEY ka (a) INVISIBLE, UNIQUE KEY ub (b))', affectedRows: 0 },
  { sql: 'INSERT INTO vi VALUES (1, 1, 1), (2, 2, 2)', affectedRows: 2 },
  {
    sql: 'EXPLAIN SELECT * FROM vi WHERE a = 1',
    rows: [
      ['TableReader_3', '8000.00', 'root', '', 'data:Selection'],
      ['└─Selection_2', '8000.00', 'root', '', 'eq(cases.vi.a, 1)'],
      ['  └─TableFullScan_1', '10000.00', 'root', 'table:vi', 'keep order:false, stats:pseudo'],
    ],
  },
  { sql: 'ALTER TABLE vi ALTER INDEX ka VISIBLE, ALTER INDEX ub INVISIBLE', affectedRows: 0 },
  {
    sql: 'EXPLAIN SELECT * FROM vi WHERE a = 1',
    rows: [
      ['IndexLookUp_4', '8.00', 'root', '', ''],
      ['├─IndexRangeScan_1(Build)', '10.00', 'root', 'table:vi, index:ka(a)', 'range:[1,1], keep order:false, stats:pseudo'],
      ['└─Selection_3(Probe)', '8.00', 'root', '', 'eq(cases.vi.a, 1)'],
      ['  └─TableRowIDScan_2', '10.00', 'root', 'table:vi', 'keep order:false, stats:pseudo'],
    ],
  },
  { sql: 'INSERT INTO vi VALUES (3, 3, 1)', error: 1062 },
  { sql: 'SELECT id FROM vi WHERE b = 2', rows: [['2']] },
  // optimizer_switch 'use_invisible_indexes=on' lets this session's planner use them again (flags not named keep theirs)
  { sql: "SET SESSION optimizer_switch = 'use_invisible_indexes=on'", affectedRows: 0 },
  { sql: "SELECT @@SESSION.optimizer_switch LIKE '%use_invisible_indexes=on%', @@SESSION.optimizer_switch LIKE 'index_merge=on,%', @@GLOBAL.optimizer_switch LIKE '%use_invisible_indexes=off%'", rows: [['1', '1', '1']] },
  {
    sql: 'EXPLAIN SELECT id FROM vi WHERE b = 2',
    rows: [
      ['IndexLookUp_4', '8.00', 'root', '', ''],
      ['├─IndexRangeScan_1(Build)', '10.00', 'root', 'table:vi, index:ub(b)', 'range:[2,2], keep order:false, stats:pseudo'],
      ['└─Selection_3(Probe)', '8.00', 'root', '', 'eq(cases.vi.b, 2)'],
      ['  └─TableRowIDScan_2', '10.00', 'root', 'table:vi', 'keep order:false, stats:pseudo'],
    ],
  },
  { sql: "SET optimizer_switch = 'default'", affectedRows: 0 },
  { sql: "SELECT @@optimizer_switch LIKE '%use_invisible_indexes=off%'", rows: [['1']] },
  { sql: "SET optimizer_switch = 'no_such_flag=on'", error: 1231, message: "Variable 'optimizer_switch' can't be set to the value of 'no_such_flag=on'" },
  { sql: "SET optimizer_switch = 'index_merge=maybe'", error: 1231 },
  { sql: 'CREATE INDEX kb ON vi (b) INVISIBLE', affectedRows: 0 },
  { sql: 'ALTER TABLE vi ADD INDEX kc (a, b) INVISIBLE', affectedRows: 0 },
  { sql: "SELECT INDEX_NAME, IS_VISIBLE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME = 'vi' AND SEQ_IN_INDEX = 1 ORDER BY INDEX_NAME", rows: [['ka', 'YES'], ['kb', 'NO'], ['kc', 'NO'], ['PRIMARY', 'YES'], ['ub', 'NO']] },
  {
    sql: 'SHOW CREATE TABLE vi',
    rows: [['vi', 'CREATE TABLE `vi` (\n  `id` int NOT NULL,\n  `a` int DEFAULT NULL,\n  `b` int DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  KEY `ka` (`a`),\n  UNIQUE KEY `ub` (`b`) /*!80000 INVISIBLE */,\n  KEY `kb` (`b`) /*!80000 INVISIBLE */,\n  KEY `kc` (`a`,`b`) /*!80000 INVISIBLE */\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']],
  },
  { sql: 'ALTER TABLE vi ALTER INDEX `PRIMARY` INVISIBLE', error: 3522, message: 'A primary key index cannot be invisible' },
  { sql: 'CREATE TABLE vp (id INT, PRIMARY KEY (id) INVISIBLE)', error: 3522 },
  { sql: 'ALTER TABLE vi ALTER INDEX nosuch VISIBLE', error: 1176, message: "Key 'nosuch' doesn't exist in table 'vi'" },
  // ADD PRIMARY KEY on existing columns (Django's AlterField to primary_key): NOT NULL, unique, 1138 over a NULL.
  { sql: 'CREATE TABLE pk3 (id INT PRIMARY KEY, b INT)', affectedRows: 0 },
  { sql: 'INSERT INTO pk3 VALUES (1, 100), (2, 200)', affectedRows: 2 },
  { sql: 'ALTER TABLE pk3 DROP PRIMARY KEY, ADD PRIMARY KEY (b)', affectedRows: 0 },
  { sql: "SELECT column_name, is_nullable, column_key FROM information_schema.columns WHERE table_schema = 'cases' AND table_name = 'pk3' ORDER BY ordinal_position", rows: [['id', 'NO', ''], ['b', 'NO', 'PRI']] },
  { sql: 'INSERT INTO pk3 VALUES (3, 200)', error: 1062 },
  { sql: 'SELECT id FROM pk3 WHERE b = 200', rows: [['2']] },
  { sql: 'ALTER TABLE pk3 ADD PRIMARY KEY (id)', error: 1068 },
  { sql: 'CREATE TABLE pk4 (a INT, b INT)', affectedRows: 0 },
  { sql: 'INSERT INTO pk4 VALUES (1, NULL)', affectedRows: 1 },
  { sql: 'ALTER TABLE pk4 ADD PRIMARY KEY (b)', error: 1138, message: 'Invalid use of NULL value' },
  // `VALUES ()` is a row of defaults (ORMs insert a model without fields that way); not with a column list.
  { sql: 'CREATE TABLE dv (id INT AUTO_INCREMENT PRIMARY KEY, a INT DEFAULT 7, b VARCHAR(5))', affectedRows: 0 },
  { sql: 'INSERT INTO dv VALUES ()', affectedRows: 1 },
  { sql: 'INSERT INTO dv () VALUES (), ()', affectedRows: 2, info: 'Records: 2  Duplicates: 0  Warnings: 0' },
  { sql: 'INSERT INTO dv (a) VALUES ()', error: 1136 },
  { sql: 'SELECT * FROM dv ORDER BY id', rows: [['1', '7', null], ['2', '7', null], ['3', '7', null]] },
  { sql: 'CREATE TABLE dn (x INT NOT NULL)', affectedRows: 0 },
  { sql: 'INSERT INTO dn VALUES ()', error: 1364, message: "Field 'x' doesn't have a default value" },
];
