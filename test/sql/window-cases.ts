// Window functions as data: every window function and aggregate over windows, ROWS and RANGE frames (numeric and
// INTERVAL offsets, NULLs), default frames, named windows and their refinement, windows over GROUP BY, in ORDER BY,
// subqueries, derived tables and views, and MySQL's errors. Results were checked against MariaDB 10.11 where it
// agrees with MySQL 8.0 (MariaDB prints PERCENT_RANK/CUME_DIST as decimals and has no LAG/LEAD default, RANGE
// INTERVAL or the 35xx errors: those follow the MySQL 8.0 manual and source).
import type { SqlCase } from './query-cases.js';

export const SETUP = [
  'CREATE TABLE emp (id INT PRIMARY KEY, dept VARCHAR(10), name VARCHAR(10), salary INT, hired DATE, bonus DECIMAL(6,2))',
  "INSERT INTO emp VALUES (1,'eng','ann',100,'2020-01-01',1.50),(2,'eng','bob',120,'2020-01-05',2.25),(3,'eng','cat',120,'2020-02-01',NULL)," +
    "(4,'ops','dan',90,'2021-03-01',0.75),(5,'ops','eve',NULL,'2021-03-02',1.00),(6,'sales','fay',80,'2019-12-31',3.00),(7,'eng','gus',150,NULL,0.50)",
  'CREATE TABLE ticks (id INT PRIMARY KEY, at DATETIME, v DOUBLE)',
  "INSERT INTO ticks VALUES (1,'2024-01-01 10:00:00',1.5),(2,'2024-01-01 10:30:00',2.5),(3,'2024-01-01 11:15:00',NULL),(4,'2024-01-01 12:00:00',4),(5,NULL,5)",
  'CREATE TABLE empty_t (id INT PRIMARY KEY, v INT)',
  'CREATE VIEW ranked AS SELECT id, dept, RANK() OVER (PARTITION BY dept ORDER BY salary DESC) AS r FROM emp',
];

export const WINDOW_CASES: readonly SqlCase[] = [
  // Ranking functions, one window for all, ties on salary
  {
    sql:
      'SELECT id, ROW_NUMBER() OVER (w ORDER BY salary, id), RANK() OVER ws, DENSE_RANK() OVER ws, PERCENT_RANK() OVER ws, CUME_DIST() OVER ws, ' +
      'NTILE(2) OVER (w ORDER BY salary, id) FROM emp WINDOW w AS (PARTITION BY dept), ws AS (w ORDER BY salary) ORDER BY id',
    rows: [
      ['1', '1', '1', '1', '0', '0.25', '1'],
      ['2', '2', '2', '2', '0.3333333333333333', '0.75', '1'],
      ['3', '3', '2', '2', '0.3333333333333333', '0.75', '2'],
      ['4', '2', '2', '2', '1', '1', '2'],
      ['5', '1', '1', '1', '0', '0.5', '1'],
      ['6', '1', '1', '1', '0', '1', '1'],
      ['7', '4', '4', '3', '1', '1', '2'],
    ],
  },
  // Without ORDER BY every row is a peer: ranks are 1, CUME_DIST 1
  { sql: 'SELECT id, RANK() OVER (), DENSE_RANK() OVER (), PERCENT_RANK() OVER (), CUME_DIST() OVER () FROM emp WHERE id < 3 ORDER BY id', rows: [['1', '1', '1', '0', '1'], ['2', '1', '1', '0', '1']] },
  { sql: 'SELECT id, ROW_NUMBER() OVER (ORDER BY id DESC) FROM emp ORDER BY id LIMIT 3', rows: [['1', '7'], ['2', '6'], ['3', '5']] },
  // NTILE: 7 rows in 3 buckets are 3, 2, 2; more buckets than rows give one row each
  { sql: 'SELECT id, NTILE(3) OVER (ORDER BY id), NTILE(10) OVER (ORDER BY id) FROM emp ORDER BY id', rows: [['1', '1', '1'], ['2', '1', '2'], ['3', '1', '3'], ['4', '2', '4'], ['5', '2', '5'], ['6', '3', '6'], ['7', '3', '7']] },
  // LAG / LEAD with offsets and defaults (the default is evaluated on the current row)
  {
    sql: 'SELECT id, LAG(name) OVER w, LAG(name, 2) OVER w, LEAD(name, 1, name) OVER w, LEAD(salary, 2, -1) OVER w, LAG(id, 0) OVER w FROM emp WINDOW w AS (ORDER BY id) ORDER BY id',
    rows: [
      ['1', null, null, 'bob', '120', '1'],
      ['2', 'ann', null, 'cat', '90', '2'],
      ['3', 'bob', 'ann', 'dan', null, '3'],
      ['4', 'cat', 'bob', 'eve', '80', '4'],
      ['5', 'dan', 'cat', 'fay', '150', '5'],
      ['6', 'eve', 'dan', 'gus', '-1', '6'],
      ['7', 'fay', 'eve', 'gus', '-1', '7'],
    ],
  },
  { sql: 'SELECT id, LAG(salary) RESPECT NULLS OVER (PARTITION BY dept ORDER BY id) FROM emp WHERE dept = \'ops\' ORDER BY id', rows: [['4', null], ['5', '90']] },
  // FIRST_VALUE / LAST_VALUE / NTH_VALUE under the default frame (up to the current row's last peer)
  {
    sql: 'SELECT id, FIRST_VALUE(name) OVER w, LAST_VALUE(name) OVER w, NTH_VALUE(name, 2) OVER w, NTH_VALUE(name, 2) FROM FIRST RESPECT NULLS OVER w FROM emp WINDOW w AS (PARTITION BY dept ORDER BY salary) ORDER BY id',
    rows: [
      ['1', 'ann', 'ann', null, null],
      ['2', 'ann', 'cat', 'bob', 'bob'],
      ['3', 'ann', 'cat', 'bob', 'bob'],
      ['4', 'eve', 'dan', 'dan', 'dan'],
      ['5', 'eve', 'eve', null, null],
      ['6', 'fay', 'fay', null, null],
      ['7', 'ann', 'gus', 'bob', 'bob'],
    ],
  },
  { sql: 'SELECT id, LAST_VALUE(name) OVER (PARTITION BY dept ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM emp WHERE dept = \'eng\' ORDER BY id', rows: [['1', 'gus'], ['2', 'gus'], ['3', 'gus'], ['7', 'gus']] },
  // Aggregates: the default frame with ORDER BY is a running total including peers; without ORDER BY, the partition
  {
    sql: 'SELECT id, SUM(salary) OVER (PARTITION BY dept ORDER BY salary), SUM(salary) OVER (PARTITION BY dept), COUNT(*) OVER (PARTITION BY dept), COUNT(salary) OVER (PARTITION BY dept) FROM emp ORDER BY id',
    rows: [
      ['1', '100', '490', '4', '4'],
      ['2', '340', '490', '4', '4'],
      ['3', '340', '490', '4', '4'],
      ['4', '90', '90', '2', '1'],
      ['5', null, '90', '2', '1'],
      ['6', '80', '80', '1', '1'],
      ['7', '490', '490', '4', '4'],
    ],
  },
  {
    sql: 'SELECT id, AVG(salary) OVER w, MIN(name) OVER w, MAX(hired) OVER w, SUM(bonus) OVER w, AVG(bonus) OVER w FROM emp WINDOW w AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY id',
    rows: [
      ['1', '110.0000', 'ann', '2020-01-05', '3.75', '1.875000'],
      ['2', '113.3333', 'ann', '2020-02-01', '3.75', '1.875000'],
      ['3', '110.0000', 'bob', '2021-03-01', '3.00', '1.500000'],
      ['4', '105.0000', 'cat', '2021-03-02', '1.75', '0.875000'],
      ['5', '85.0000', 'dan', '2021-03-02', '4.75', '1.583333'],
      ['6', '115.0000', 'eve', '2021-03-02', '4.50', '1.500000'],
      ['7', '115.0000', 'fay', '2019-12-31', '3.50', '1.750000'],
    ],
  },
  // JSON_ARRAYAGG / JSON_OBJECTAGG over windows (MySQL 8.0.14+)
  {
    sql: 'SELECT id, JSON_ARRAYAGG(name) OVER (PARTITION BY dept ORDER BY id), JSON_OBJECTAGG(name, salary) OVER (PARTITION BY dept) FROM emp WHERE dept <> \'eng\' ORDER BY id',
    rows: [['4', '["dan"]', '{"dan": 90, "eve": null}'], ['5', '["dan", "eve"]', '{"dan": 90, "eve": null}'], ['6', '["fay"]', '{"fay": 80}']],
  },
  { sql: 'SELECT JSON_ARRAYAGG(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM emp WHERE id < 4 ORDER BY id', rows: [['[1]'], ['[1, 2]'], ['[2, 3]']] },
  { sql: 'SELECT JSON_OBJECTAGG(NULL, id) OVER () FROM emp', error: 3158 },
  // ROWS frames: short form, frames past the partition's ends, and empty frames
  {
    sql:
      'SELECT id, SUM(id) OVER (ORDER BY id ROWS 2 PRECEDING), SUM(id) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING), ' +
      'SUM(id) OVER (ORDER BY id ROWS BETWEEN 2 FOLLOWING AND 3 FOLLOWING), COUNT(id) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING), ' +
      'SUM(id) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) FROM emp ORDER BY id',
    rows: [
      ['1', '1', '28', '7', '0', null],
      ['2', '3', '27', '9', '1', '1'],
      ['3', '6', '25', '11', '2', '3'],
      ['4', '9', '22', '13', '2', '6'],
      ['5', '12', '18', '7', '2', '10'],
      ['6', '15', '13', null, '2', '15'],
      ['7', '18', '7', null, '2', '21'],
    ],
  },
  { sql: 'SELECT id, FIRST_VALUE(id) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING), NTH_VALUE(id, 3) OVER (ORDER BY id ROWS 1 PRECEDING) FROM emp WHERE id > 4 ORDER BY id', rows: [['5', '6', null], ['6', '7', null], ['7', null, null]] },
  // RANGE frames on numbers (ascending and descending) and the NULL peers
  {
    sql: 'SELECT id, SUM(salary) OVER (ORDER BY salary RANGE BETWEEN 20 PRECEDING AND 10 FOLLOWING), COUNT(*) OVER (ORDER BY salary DESC RANGE BETWEEN CURRENT ROW AND 30 FOLLOWING), COUNT(*) OVER (ORDER BY salary RANGE 10 PRECEDING) FROM emp ORDER BY id',
    rows: [
      ['1', '270', '3', '2'],
      ['2', '340', '4', '2'],
      ['3', '340', '4', '2'],
      ['4', '270', '2', '2'],
      ['5', null, '1', '1'],
      ['6', '170', '1', '1'],
      ['7', '150', '3', '1'],
    ],
  },
  { sql: 'SELECT id, SUM(bonus) OVER (ORDER BY bonus RANGE BETWEEN 0.5 PRECEDING AND CURRENT ROW) FROM emp ORDER BY id', rows: [['1', '2.50'], ['2', '2.25'], ['3', null], ['4', '1.25'], ['5', '2.25'], ['6', '3.00'], ['7', '0.50']] },
  // RANGE frames on DATE and DATETIME with INTERVAL offsets (ascending and descending)
  {
    sql:
      'SELECT id, COUNT(*) OVER (ORDER BY hired RANGE BETWEEN INTERVAL 1 MONTH PRECEDING AND CURRENT ROW), ' +
      'FIRST_VALUE(id) OVER (ORDER BY hired DESC RANGE BETWEEN INTERVAL 5 DAY PRECEDING AND INTERVAL 5 DAY FOLLOWING), ' +
      'COUNT(*) OVER (ORDER BY hired RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND INTERVAL 1 DAY FOLLOWING) FROM emp ORDER BY id',
    rows: [['1', '2', '2', '2'], ['2', '3', '2', '1'], ['3', '3', '3', '1'], ['4', '1', '5', '2'], ['5', '2', '5', '2'], ['6', '1', '2', '2'], ['7', '1', '7', '1']],
  },
  {
    sql: "SELECT id, SUM(v) OVER (ORDER BY at RANGE BETWEEN INTERVAL '0:45' HOUR_MINUTE PRECEDING AND CURRENT ROW), COUNT(*) OVER (ORDER BY at RANGE BETWEEN CURRENT ROW AND INTERVAL 1 HOUR FOLLOWING) FROM ticks ORDER BY id",
    rows: [['1', '1.5', '2'], ['2', '4', '2'], ['3', '2.5', '2'], ['4', '4', '1'], ['5', '5', '1']],
  },
  // A frame clause means nothing to the ranking functions
  { sql: 'SELECT id, ROW_NUMBER() OVER (ORDER BY id ROWS 1 PRECEDING), RANK() OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) FROM emp WHERE id < 3 ORDER BY id', rows: [['1', '1', '1'], ['2', '2', '2']] },
  // RANGE CURRENT ROW without ORDER BY reaches the whole partition
  { sql: 'SELECT id, SUM(id) OVER (RANGE BETWEEN CURRENT ROW AND CURRENT ROW) FROM emp WHERE id < 3 ORDER BY id', rows: [['1', '3'], ['2', '3']] },
  // Named windows, refinement (inherit PARTITION BY, add ORDER BY or a frame), and one window per call
  {
    sql:
      'SELECT id, SUM(id) OVER w, SUM(id) OVER (w ORDER BY id), SUM(id) OVER w2, SUM(id) OVER (w2 ROWS 1 PRECEDING) FROM emp ' +
      'WINDOW w AS (PARTITION BY dept), w2 AS (w ORDER BY id DESC) ORDER BY id',
    rows: [
      ['1', '13', '1', '13', '3'],
      ['2', '13', '3', '12', '5'],
      ['3', '13', '6', '10', '10'],
      ['4', '9', '4', '9', '9'],
      ['5', '9', '9', '5', '5'],
      ['6', '6', '6', '6', '6'],
      ['7', '13', '13', '7', '7'],
    ],
  },
  { sql: 'SELECT id, COUNT(*) OVER w FROM emp WHERE id < 3 WINDOW w AS () ORDER BY id', rows: [['1', '2'], ['2', '2']] },
  { sql: 'SELECT id, COUNT(*) OVER (w) FROM emp WHERE id < 3 WINDOW W AS (ORDER BY id), unused AS (PARTITION BY dept) ORDER BY id', rows: [['1', '1'], ['2', '2']] },
  // Windows over GROUP BY results (aggregates inside window arguments and ORDER BY), and implicit grouping
  {
    sql: 'SELECT dept, SUM(salary), RANK() OVER (ORDER BY SUM(salary) DESC), SUM(SUM(salary)) OVER (), COUNT(*) OVER (ORDER BY dept) FROM emp GROUP BY dept ORDER BY dept',
    rows: [['eng', '490', '1', '660', '1'], ['ops', '90', '2', '660', '2'], ['sales', '80', '3', '660', '3']],
  },
  { sql: 'SELECT dept, ROW_NUMBER() OVER w FROM emp GROUP BY dept HAVING COUNT(*) > 1 WINDOW w AS (ORDER BY MAX(salary)) ORDER BY dept', rows: [['eng', '2'], ['ops', '1']] },
  { sql: 'SELECT COUNT(*), ROW_NUMBER() OVER (), SUM(COUNT(*)) OVER () FROM emp', rows: [['7', '1', '7']] },
  // In ORDER BY, with an alias, with DISTINCT and LIMIT
  { sql: 'SELECT id FROM emp ORDER BY ROW_NUMBER() OVER (ORDER BY salary DESC, id) LIMIT 3', rows: [['7'], ['2'], ['3']] },
  { sql: 'SELECT id, RANK() OVER (ORDER BY salary) AS r FROM emp ORDER BY r DESC, id LIMIT 2', rows: [['7', '7'], ['2', '5']] },
  { sql: 'SELECT DISTINCT dept, COUNT(*) OVER (PARTITION BY dept) FROM emp ORDER BY dept', rows: [['eng', '4'], ['ops', '2'], ['sales', '1']] },
  { sql: 'SELECT DISTINCT COUNT(*) OVER (PARTITION BY dept) c FROM emp ORDER BY c', rows: [['1'], ['2'], ['4']] },
  // In subqueries, derived tables, views and CTEs
  { sql: 'SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY dept ORDER BY salary DESC, id) AS rn FROM emp) AS t WHERE rn = 1 ORDER BY id', rows: [['4'], ['6'], ['7']] },
  { sql: 'SELECT id, r FROM ranked WHERE r <= 2 ORDER BY id', rows: [['2', '2'], ['3', '2'], ['4', '1'], ['5', '2'], ['6', '1'], ['7', '1']] },
  { sql: 'WITH c AS (SELECT dept, salary, AVG(salary) OVER (PARTITION BY dept) AS a FROM emp) SELECT dept, salary FROM c WHERE salary > a ORDER BY salary', rows: [['eng', '150']] },
  { sql: 'SELECT id, (SELECT MAX(rn) FROM (SELECT ROW_NUMBER() OVER () AS rn FROM emp e2 WHERE e2.dept = emp.dept) AS x) FROM emp WHERE id IN (1, 4, 6) ORDER BY id', rows: [['1', '4'], ['4', '2'], ['6', '1']] },
  { sql: 'SELECT n, SUM(n) OVER (ORDER BY n) FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) AS u ORDER BY n', rows: [['1', '1'], ['2', '3'], ['3', '6']] },
  { sql: 'SELECT ROW_NUMBER() OVER (), SUM(v) OVER () FROM empty_t', rows: [] },
  { sql: 'SELECT ROW_NUMBER() OVER (ORDER BY n) AS rn, n FROM (SELECT 3 AS n UNION ALL SELECT 1) AS t ORDER BY rn', rows: [['1', '1'], ['2', '3']] },
  // Errors: window functions outside the select list and ORDER BY (3593/3594), nested in a window spec (3595)
  { sql: 'SELECT id FROM emp WHERE ROW_NUMBER() OVER () > 1', error: 3593, message: "You cannot use the window function 'row_number' in this context.'" },
  { sql: 'SELECT dept FROM emp GROUP BY RANK() OVER ()', error: 3593 },
  { sql: 'SELECT dept FROM emp GROUP BY dept HAVING SUM(1) OVER () > 1', error: 3593, message: "You cannot use the window function 'sum' in this context.'" },
  { sql: 'SELECT dept, RANK() OVER (ORDER BY dept) AS r FROM emp GROUP BY dept HAVING r > 1', error: 3594, message: "You cannot use the alias 'r' of an expression containing a window function in this context.'" },
  { sql: 'SELECT SUM(ROW_NUMBER() OVER ()) FROM emp', error: 3593 },
  { sql: 'SELECT SUM(ROW_NUMBER() OVER ()) OVER () FROM emp', error: 3593 },
  { sql: 'SELECT RANK() OVER (ORDER BY ROW_NUMBER() OVER ()) FROM emp', error: 3595, message: "You cannot nest a window function in the specification of window '<unnamed window>'." },
  { sql: 'UPDATE emp SET salary = ROW_NUMBER() OVER () WHERE id = 1', error: 3593 },
  // Errors: named windows (3579–3583, 3591) and positions in a window's ORDER BY (3592)
  { sql: 'SELECT RANK() OVER w FROM emp', error: 3579, message: "Window name 'w' is not defined." },
  { sql: 'SELECT RANK() OVER (w ORDER BY id) FROM emp WINDOW x AS ()', error: 3579 },
  { sql: 'SELECT 1 FROM emp WINDOW w AS (w2), w2 AS (w)', error: 3580, message: 'There is a circularity in the window dependency graph.' },
  { sql: 'SELECT RANK() OVER (w PARTITION BY id) FROM emp WINDOW w AS ()', error: 3581, message: 'A window which depends on another cannot define partitioning.' },
  { sql: 'SELECT RANK() OVER (w ORDER BY id) FROM emp WINDOW w AS (ROWS UNBOUNDED PRECEDING)', error: 3582, message: "Window 'w' has a frame definition, so cannot be referenced by another window." },
  { sql: 'SELECT RANK() OVER w2 FROM emp WINDOW w AS (ORDER BY salary), w2 AS (w ORDER BY id)', error: 3583, message: "Window 'w2' cannot inherit 'w' since both contain an ORDER BY clause." },
  { sql: 'SELECT RANK() OVER w FROM emp WINDOW w AS (), W AS ()', error: 3591, message: "Window 'W' is defined twice." },
  { sql: 'SELECT SUM(id) OVER (PARTITION BY 1) FROM emp', error: 3592, message: "Window '<unnamed window>': ORDER BY or PARTITION BY uses legacy position indication which is not supported, use expression." },
  { sql: 'SELECT id AS x, SUM(id) OVER (ORDER BY x) FROM emp', error: 1054, message: "Unknown column 'x' in 'window order by'" },
  // Errors: frames (3584–3590, 3596), and what MySQL 8.0 does not support (1235)
  { sql: 'SELECT SUM(id) OVER (ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM emp', error: 3584, message: "Window '<unnamed window>': frame start cannot be UNBOUNDED FOLLOWING." },
  { sql: 'SELECT SUM(id) OVER w FROM emp WINDOW w AS (ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING)', error: 3585, message: "Window 'w': frame end cannot be UNBOUNDED PRECEDING." },
  { sql: 'SELECT SUM(id) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM emp', error: 3586 },
  { sql: 'SELECT SUM(id) OVER (ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM emp', error: 3586 },
  { sql: 'SELECT SUM(id) OVER (ROWS 1.5 PRECEDING) FROM emp', error: 3586, message: "Window '<unnamed window>': frame start or end is negative, NULL or of non-integral type" },
  { sql: 'SELECT SUM(id) OVER (RANGE 1 PRECEDING) FROM emp', error: 3587 },
  { sql: 'SELECT SUM(id) OVER (ORDER BY id, salary RANGE 1 PRECEDING) FROM emp', error: 3587 },
  { sql: 'SELECT SUM(id) OVER (ORDER BY name RANGE 1 PRECEDING) FROM emp', error: 3587, message: "Window '<unnamed window>' with RANGE N PRECEDING/FOLLOWING frame requires exactly one ORDER BY expression, of numeric or temporal type" },
  { sql: 'SELECT SUM(id) OVER (ORDER BY hired RANGE 1 PRECEDING) FROM emp', error: 3588, message: "Window '<unnamed window>' with RANGE frame has ORDER BY expression of datetime type. Only INTERVAL bound value allowed." },
  { sql: 'SELECT SUM(id) OVER (ORDER BY id RANGE INTERVAL 1 DAY PRECEDING) FROM emp', error: 3589, message: "Window '<unnamed window>' with RANGE frame has ORDER BY expression of numeric type, INTERVAL bound value not allowed." },
  { sql: 'SELECT SUM(id) OVER (ORDER BY hired RANGE INTERVAL id DAY PRECEDING) FROM emp', error: 3590, message: "Window '<unnamed window>' has a non-constant frame bound." },
  { sql: 'SELECT SUM(id) OVER (ORDER BY id ROWS INTERVAL 1 DAY PRECEDING) FROM emp', error: 3596, message: "Window '<unnamed window>': INTERVAL can only be used with RANGE frames." },
  { sql: 'SELECT 1 FROM emp WINDOW w AS (ROWS BETWEEN UNBOUNDED FOLLOWING AND UNBOUNDED FOLLOWING)', error: 3584 },
  { sql: 'SELECT SUM(id) OVER (ORDER BY id GROUPS 1 PRECEDING) FROM emp', error: 1235, message: "This version of MySQL doesn't yet support 'GROUPS'" },
  { sql: 'SELECT SUM(id) OVER (ORDER BY id ROWS 1 PRECEDING EXCLUDE TIES) FROM emp', error: 1235, message: "This version of MySQL doesn't yet support 'EXCLUDE'" },
  { sql: 'SELECT COUNT(DISTINCT dept) OVER () FROM emp', error: 1235, message: "This version of MySQL doesn't yet support '<window function>(DISTINCT ..)'" },
  { sql: 'SELECT GROUP_CONCAT(name) OVER () FROM emp', error: 1235, message: "This version of MySQL doesn't yet support 'group_concat as window function'" },
  { sql: 'SELECT NTH_VALUE(id, 1) FROM LAST OVER () FROM emp', error: 1235, message: "This version of MySQL doesn't yet support 'FROM LAST'" },
  { sql: 'SELECT LAG(id) IGNORE NULLS OVER () FROM emp', error: 1235, message: "This version of MySQL doesn't yet support 'IGNORE NULLS'" },
  // Errors: arguments (1210), and the syntax (OVER is required, and only aggregates take one)
  { sql: 'SELECT NTILE(0) OVER () FROM emp', error: 1210, message: 'Incorrect arguments to ntile' },
  { sql: 'SELECT NTILE(id) OVER () FROM emp', error: 1210 },
  { sql: 'SELECT NTH_VALUE(id, 0) OVER () FROM emp', error: 1210, message: 'Incorrect arguments to nth_value' },
  { sql: 'SELECT LAG(id, id) OVER () FROM emp', error: 1210, message: 'Incorrect arguments to lag' },
  { sql: 'SELECT ROW_NUMBER() FROM emp', error: 1064 },
  { sql: 'SELECT UPPER(name) OVER () FROM emp', error: 1064 },
  { sql: 'SELECT ROW_NUMBER(1) OVER () FROM emp', error: 1064 },
];
