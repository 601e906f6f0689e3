// TiDB's sequences as data: CREATE/ALTER/DROP SEQUENCE, NEXTVAL/LASTVAL/SETVAL and NEXT VALUE FOR, SHOW CREATE
// SEQUENCE, sequences as column defaults, and TiDB's errors. Expectations follow TiDB's documentation
// (https://docs.pingcap.com/tidb/stable/sql-statement-create-sequence) where it and MariaDB's sequences agree.
import type { SqlCase } from './query-cases.js';

export const SEQUENCE_SETUP = ['CREATE TABLE plain (id INT PRIMARY KEY)'];

export const SEQUENCE_CASES: readonly SqlCase[] = [
  { sql: 'CREATE SEQUENCE seq', affectedRows: 0 },
  {
    sql: 'SHOW CREATE SEQUENCE seq',
    rows: [['seq', 'CREATE SEQUENCE `seq` start with 1 minvalue 1 maxvalue 9223372036854775806 increment by 1 cache 1000 nocycle ENGINE=InnoDB']],
  },
  { sql: 'SELECT NEXTVAL(seq), NEXTVAL(seq), NEXT VALUE FOR seq, LASTVAL(seq)', rows: [['1', '2', '3', '3']] },
  { sql: 'SELECT NEXTVAL(cases.seq)', rows: [['4']] },
  // LASTVAL is the session's own: NULL on a connection that has not used the sequence
  { as: 'root/2', sql: 'SELECT LASTVAL(cases.seq)', rows: [[null]] },
  // (5 and 5 in one process; with max-procs > 1 the second connection may be served by a worker that caches its own
  // block, 1001 on, as each TiDB instance caches its own)
  { as: 'root/2', sql: 'SELECT NEXTVAL(cases.seq) >= 5, LASTVAL(cases.seq) >= 5', rows: [['1', '1']] },
  { sql: 'SELECT LASTVAL(seq)', rows: [['4']] },
  // SETVAL moves the sequence forward only: NULL when it is already past the value
  { sql: 'SELECT SETVAL(seq, 100), NEXTVAL(seq), SETVAL(seq, 50)', rows: [['100', '101', null]] },
  { sql: 'CREATE SEQUENCE seq', error: 1050, message: "Table 'seq' already exists" },
  { sql: 'CREATE SEQUENCE IF NOT EXISTS seq', affectedRows: 0 },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '1050', "Table 'seq' already exists"]] },
  // Options: a step, bounds, no cache, CYCLE wraps to MINVALUE
  { sql: 'CREATE SEQUENCE odd START WITH 3 INCREMENT BY 2 MAXVALUE 8 NOCACHE CYCLE', affectedRows: 0 },
  { sql: 'SHOW CREATE SEQUENCE odd', rows: [['odd', 'CREATE SEQUENCE `odd` start with 3 minvalue 1 maxvalue 8 increment by 2 nocache cycle ENGINE=InnoDB']] },
  { sql: 'SELECT NEXTVAL(odd), NEXTVAL(odd), NEXTVAL(odd), NEXTVAL(odd), NEXTVAL(odd)', rows: [['3', '5', '7', '1', '3']] },
  { sql: 'CREATE SEQUENCE small MAXVALUE = 2', affectedRows: 0 },
  { sql: 'SELECT NEXTVAL(small), NEXTVAL(small)', rows: [['1', '2']] },
  { sql: 'SELECT NEXTVAL(small)', error: 4135, message: "Sequence 'cases.small' has run out" },
  { sql: 'CREATE SEQUENCE down INCREMENT -5', affectedRows: 0 },
  {
    sql: 'SHOW CREATE SEQUENCE down',
    rows: [['down', 'CREATE SEQUENCE `down` start with -1 minvalue -9223372036854775807 maxvalue -1 increment by -5 cache 1000 nocycle ENGINE=InnoDB']],
  },
  { sql: 'SELECT NEXTVAL(down), NEXTVAL(down)', rows: [['-1', '-6']] },
  { sql: 'CREATE SEQUENCE bad INCREMENT 0', error: 4136, message: "Sequence 'cases.bad' values are conflicting" },
  { sql: 'CREATE SEQUENCE bad MINVALUE 10 MAXVALUE 5', error: 4136 },
  { sql: 'CREATE SEQUENCE bad START WITH 0', error: 4136 },
  // ALTER SEQUENCE changes options and may RESTART
  { sql: 'ALTER SEQUENCE seq INCREMENT BY 10 RESTART WITH 1000', affectedRows: 0 },
  { sql: 'SELECT NEXTVAL(seq), NEXTVAL(seq)', rows: [['1000', '1010']] },
  { sql: 'ALTER SEQUENCE small MAXVALUE 3', affectedRows: 0 },
  { sql: 'SELECT NEXTVAL(small)', rows: [['3']] },
  { sql: 'ALTER SEQUENCE small RESTART', affectedRows: 0 },
  { sql: 'SELECT NEXTVAL(small)', rows: [['1']] },
  { sql: 'ALTER SEQUENCE nosuch CACHE 5', error: 4139, message: "Unknown SEQUENCE: 'cases.nosuch'" },
  { sql: 'ALTER SEQUENCE plain CACHE 5', error: 4138, message: "'cases.plain' is not a SEQUENCE" },
  // In writes: VALUES, INSERT … SELECT, and as a column's DEFAULT
  { sql: 'CREATE TABLE t (id BIGINT PRIMARY KEY DEFAULT NEXT VALUE FOR odd, v INT)', affectedRows: 0 },
  { sql: 'INSERT INTO t (v) VALUES (1), (2)', affectedRows: 2 },
  { sql: 'INSERT INTO t VALUES (NEXTVAL(odd), 3), (100, 4)', affectedRows: 2 },
  { sql: 'SELECT id, v FROM t ORDER BY v', rows: [['5', '1'], ['7', '2'], ['1', '3'], ['100', '4']] },
  {
    sql: 'SHOW CREATE TABLE t',
    rows: [['t', 'CREATE TABLE `t` (\n  `id` bigint NOT NULL DEFAULT nextval(`cases`.`odd`),\n  `v` int DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci']],
  },
  { sql: "SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME = 't' AND COLUMN_NAME = 'id'", rows: [['nextval(`cases`.`odd`)']] },
  { sql: 'CREATE TABLE bad_default (v VARCHAR(5) DEFAULT NEXTVAL(odd))', error: 1067 },
  { sql: 'CREATE TABLE bad_default (v INT DEFAULT NEXTVAL(nosuch))', error: 1146 },
  { sql: 'INSERT INTO plain SELECT NEXTVAL(seq) FROM t WHERE v < 3', affectedRows: 2 },
  { sql: 'SELECT id FROM plain ORDER BY id', rows: [['1020'], ['1030']] },
  // Not a sequence, or no such sequence
  { sql: 'SELECT NEXTVAL(plain)', error: 4138, message: "'cases.plain' is not a SEQUENCE" },
  { sql: 'SELECT NEXTVAL(nosuch)', error: 1146, message: "Table 'cases.nosuch' doesn't exist" },
  { sql: 'SHOW CREATE SEQUENCE plain', error: 4138 },
  { sql: 'SHOW FULL TABLES', rows: [['down', 'SEQUENCE'], ['odd', 'SEQUENCE'], ['plain', 'BASE TABLE'], ['seq', 'SEQUENCE'], ['small', 'SEQUENCE'], ['t', 'BASE TABLE']] },
  { sql: "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'cases' AND TABLE_NAME IN ('seq', 'plain') ORDER BY 1", rows: [['plain', 'BASE TABLE'], ['seq', 'SEQUENCE']] },
  // A prepared NEXTVAL takes a new value per execution
  { sql: "PREPARE p FROM 'SELECT NEXTVAL(small)'", affectedRows: 0 },
  { sql: 'EXECUTE p', rows: [['2']] },
  { sql: 'EXECUTE p', rows: [['3']] },
  { sql: 'DROP SEQUENCE plain', error: 4138 },
  { sql: 'DROP SEQUENCE small, nosuch', error: 4139, message: "Unknown SEQUENCE: 'cases.nosuch'" },
  { sql: 'DROP SEQUENCE IF EXISTS small, nosuch', affectedRows: 0 },
  { sql: 'SHOW WARNINGS', rows: [['Warning', '4139', "Unknown SEQUENCE: 'cases.nosuch'"]] },
  { sql: 'SELECT NEXTVAL(small)', error: 1146 },
  // A dropped and re-created sequence starts again
  { sql: 'CREATE SEQUENCE small', affectedRows: 0 },
  { sql: 'SELECT NEXTVAL(small)', rows: [['1']] },
];
