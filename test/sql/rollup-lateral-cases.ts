// GROUP BY … WITH ROLLUP, GROUPING() and LATERAL derived tables as data. ROLLUP rows and their order were checked
// against MariaDB 10.11; GROUPING(), ORDER BY with ROLLUP (MySQL 8.0.12+) and LATERAL follow the MySQL 8.0 manual
// (MariaDB has neither GROUPING nor LATERAL, and refuses ORDER BY with ROLLUP).
import type { SqlCase } from './query-cases.js';

export const SETUP = [
  'CREATE TABLE sales (id INT PRIMARY KEY, region VARCHAR(10), product VARCHAR(10), year INT, amount DECIMAL(8,2))',
  "INSERT INTO sales VALUES (1,'east','pen',2023,10.00),(2,'east','pen',2024,15.50),(3,'east','ink',2024,4.25),(4,'west','pen',2023,7.00)," +
    "(5,'west','ink',2023,NULL),(6,NULL,'pen',2024,3.00)",
  'CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(10))',
  "INSERT INTO customers VALUES (1,'ann'),(2,'bob'),(3,'cy')",
  'CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total INT, placed DATE)',
  "INSERT INTO orders VALUES (1,1,50,'2024-01-03'),(2,1,20,'2024-02-01'),(3,1,70,'2024-03-09'),(4,2,5,'2024-01-15')",
];

export const ROLLUP_LATERAL_CASES: readonly SqlCase[] = [
  // ROLLUP: super-aggregate rows after their groups, NULL in the rolled-up columns, a grand total last
  {
    sql: 'SELECT region, product, SUM(amount), COUNT(*) FROM sales GROUP BY region, product WITH ROLLUP',
    rows: [
      [null, 'pen', '3.00', '1'],
      [null, null, '3.00', '1'],
      ['east', 'ink', '4.25', '1'],
      ['east', 'pen', '25.50', '2'],
      ['east', null, '29.75', '3'],
      ['west', 'ink', null, '1'],
      ['west', 'pen', '7.00', '1'],
      ['west', null, '7.00', '2'],
      [null, null, '39.75', '6'],
    ],
  },
  { sql: 'SELECT year, COUNT(*) FROM sales GROUP BY year WITH ROLLUP', rows: [['2023', '3'], ['2024', '3'], [null, '6']] },
  // GROUPING() tells a super-aggregate NULL from a NULL group value; several arguments make a bit mask
  {
    sql: 'SELECT region, product, GROUPING(region), GROUPING(product), GROUPING(region, product) FROM sales GROUP BY region, product WITH ROLLUP',
    rows: [
      [null, 'pen', '0', '0', '0'],
      [null, null, '0', '1', '1'],
      ['east', 'ink', '0', '0', '0'],
      ['east', 'pen', '0', '0', '0'],
      ['east', null, '0', '1', '1'],
      ['west', 'ink', '0', '0', '0'],
      ['west', 'pen', '0', '0', '0'],
      ['west', null, '0', '1', '1'],
      [null, null, '1', '1', '3'],
    ],
  },
  {
    sql: "SELECT IF(GROUPING(region), 'all regions', IFNULL(region, 'none')) AS r, SUM(amount) FROM sales GROUP BY region WITH ROLLUP",
    rows: [['none', '3.00'], ['east', '29.75'], ['west', '7.00'], ['all regions', '39.75']],
  },
  // Expressions over grouped columns see the super-aggregate NULL; GROUP BY an expression rolls up too
  { sql: "SELECT CONCAT(region, '/', year), SUM(amount) FROM sales WHERE region IS NOT NULL GROUP BY region, year WITH ROLLUP", rows: [['east/2023', '10.00'], ['east/2024', '19.75'], [null, '29.75'], ['west/2023', '7.00'], [null, '7.00'], [null, '36.75']] },
  { sql: 'SELECT year DIV 10 AS decade, COUNT(*), GROUPING(year DIV 10) FROM sales GROUP BY year DIV 10 WITH ROLLUP', rows: [['202', '6', '0'], [null, '6', '1']] },
  // ORDER BY (MySQL 8.0.12+), HAVING, DISTINCT and LIMIT with ROLLUP
  { sql: 'SELECT region, SUM(amount) AS s FROM sales GROUP BY region WITH ROLLUP ORDER BY GROUPING(region) DESC, s DESC', rows: [[null, '39.75'], ['east', '29.75'], ['west', '7.00'], [null, '3.00']] },
  { sql: 'SELECT region, SUM(amount) FROM sales GROUP BY region WITH ROLLUP HAVING SUM(amount) > 5 AND GROUPING(region) = 0', rows: [['east', '29.75'], ['west', '7.00']] },
  { sql: 'SELECT DISTINCT COUNT(*) > 2 FROM sales GROUP BY region WITH ROLLUP', rows: [['0'], ['1']] },
  { sql: 'SELECT product, COUNT(*) FROM sales GROUP BY product WITH ROLLUP LIMIT 1, 2', rows: [['pen', '4'], [null, '6']] },
  { sql: 'SELECT region, SUM(amount), RANK() OVER (ORDER BY SUM(amount) DESC) FROM sales GROUP BY region WITH ROLLUP ORDER BY 3', rows: [[null, '39.75', '1'], ['east', '29.75', '2'], ['west', '7.00', '3'], [null, '3.00', '4']] },
  { sql: 'SELECT COUNT(*) FROM sales WHERE id > 100 GROUP BY region WITH ROLLUP', rows: [] },
  // ROLLUP errors: GROUPING() outside a ROLLUP query or of a non-grouped column
  { sql: 'SELECT region, GROUPING(product) FROM sales GROUP BY region WITH ROLLUP', error: 3602, message: 'Argument #1 of GROUPING function is not in GROUP BY' },
  { sql: 'SELECT region, GROUPING(region, year) FROM sales GROUP BY region WITH ROLLUP', error: 3602, message: 'Argument #2 of GROUPING function is not in GROUP BY' },
  { sql: 'SELECT region, GROUPING(region) FROM sales GROUP BY region', error: 1111 },
  { sql: 'SELECT region FROM sales WHERE GROUPING(region) = 0 GROUP BY region WITH ROLLUP', error: 1111 },
  { sql: 'SELECT region, product, COUNT(*) FROM sales GROUP BY region WITH ROLLUP', error: 1055 },
  // LATERAL: a derived table reading the columns of the tables before it, after a comma or a join
  {
    sql: 'SELECT c.name, t.total, t.n FROM customers c, LATERAL (SELECT SUM(total) AS total, COUNT(*) AS n FROM orders o WHERE o.customer_id = c.id) AS t ORDER BY c.id',
    rows: [['ann', '140', '3'], ['bob', '5', '1'], ['cy', null, '0']],
  },
  {
    sql: 'SELECT c.name, last.placed FROM customers c JOIN LATERAL (SELECT placed FROM orders o WHERE o.customer_id = c.id ORDER BY placed DESC LIMIT 2) AS last ON TRUE ORDER BY c.id, last.placed',
    rows: [['ann', '2024-02-01'], ['ann', '2024-03-09'], ['bob', '2024-01-15']],
  },
  {
    sql: 'SELECT c.name, big.total FROM customers c LEFT JOIN LATERAL (SELECT total FROM orders o WHERE o.customer_id = c.id) AS big ON big.total > 40 ORDER BY c.id, big.total',
    rows: [['ann', '50'], ['ann', '70'], ['bob', null], ['cy', null]],
  },
  { sql: 'SELECT c.id, x.v, y.w FROM customers c, LATERAL (SELECT c.id * 10 AS v) AS x, LATERAL (SELECT x.v + c.id AS w) AS y ORDER BY c.id', rows: [['1', '10', '11'], ['2', '20', '22'], ['3', '30', '33']] },
  { sql: 'SELECT c.name, t.m FROM customers c, LATERAL (SELECT MAX(total) AS m FROM orders o WHERE o.customer_id = c.id) AS t (m) WHERE t.m > 10', rows: [['ann', '70']] },
  { sql: 'SELECT a.name, b.name, t.n FROM customers a JOIN customers b ON b.id = a.id + 1, LATERAL (SELECT COUNT(*) AS n FROM orders o WHERE o.customer_id IN (a.id, b.id)) AS t ORDER BY a.id', rows: [['ann', 'bob', '4'], ['bob', 'cy', '1']] },
  { sql: 'SELECT c.name, t.d FROM customers c CROSS JOIN LATERAL (SELECT DATEDIFF(MAX(placed), MIN(placed)) AS d FROM orders o WHERE o.customer_id = c.id) t WHERE c.id = 1', rows: [['ann', '66']] },
  { sql: 'SELECT c.id, (SELECT SUM(t.n) FROM LATERAL (SELECT c.id * 2 AS n) AS t) FROM customers c ORDER BY c.id', rows: [['1', '2'], ['2', '4'], ['3', '6']] },
  { sql: 'SELECT c.name, t.total FROM customers c, LATERAL (SELECT SUM(total) AS total FROM orders o WHERE o.customer_id = c.id GROUP BY o.customer_id) AS t ORDER BY c.id', rows: [['ann', '140'], ['bob', '5']] },
  // A LATERAL derived table that reads nothing before it is an ordinary derived table, even after RIGHT JOIN
  { sql: 'SELECT c.id, t.n FROM customers c RIGHT JOIN LATERAL (SELECT COUNT(*) AS n FROM orders) AS t ON c.id = 1', rows: [['1', '4']] },
  // LATERAL errors: a derived table without LATERAL cannot read the tables before it; RIGHT JOIN (3668); an alias
  { sql: 'SELECT * FROM customers c, (SELECT total FROM orders o WHERE o.customer_id = c.id) AS t', error: 1054 },
  { sql: 'SELECT * FROM customers c RIGHT JOIN LATERAL (SELECT total FROM orders o WHERE o.customer_id = c.id) AS t ON TRUE', error: 3668, message: "INNER or LEFT JOIN must be used for LATERAL references made by 't'" },
  { sql: 'SELECT * FROM customers c, LATERAL (SELECT c.id)', error: 1248, message: 'Every derived table must have its own alias' },
  { sql: 'SELECT * FROM customers c, LATERAL (SELECT t2.id FROM customers t2 WHERE t2.id = later.id) AS t, customers later', error: 1054 },
];
