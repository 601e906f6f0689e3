// LIKE as data: patterns with every RegExp metacharacter, the ESCAPE clause and the default `\` escape.
import type { SqlCase } from './query-cases.js';

export const LIKE_SETUP = [
  'CREATE TABLE days (d VARCHAR(20) PRIMARY KEY)',
  "INSERT INTO days VALUES ('2020-01-05'), ('2020-01-31'), ('2020-02-01'), ('2020_01-x'), ('a-b'), ('50%'), ('a\\\\b')",
];

export const LIKE_CASES: readonly SqlCase[] = [
  { sql: "SELECT 'a-b' LIKE 'a-b', 'a/b' LIKE 'a/b', 'a,b' LIKE 'a,b', 'a:b' LIKE 'a_b'", rows: [['1', '1', '1', '1']] },
  { sql: "SELECT d FROM days WHERE d LIKE '2020-01%' ORDER BY d", rows: [['2020-01-05'], ['2020-01-31']] },
  { sql: "SELECT d FROM days WHERE d LIKE '2020\\_01%' ORDER BY d", rows: [['2020_01-x']] },
  { sql: "SELECT d FROM days WHERE d LIKE '2020|_01%' ESCAPE '|' ORDER BY d", rows: [['2020_01-x']] },
  { sql: "SELECT d FROM days WHERE d LIKE '50\\%'", rows: [['50%']] },
  { sql: "SELECT d FROM days WHERE d LIKE 'a\\\\\\\\b'", rows: [['a\\b']] },
  { sql: "SELECT d FROM days WHERE d NOT LIKE '%-%' ORDER BY d", rows: [['50%'], ['a\\b']] },
  {
    sql: "SELECT '^$.*+?()[]{}|/-' LIKE '^$.*+?()[]{}|/-', 'x' LIKE '.', 'x' LIKE '[x]', 'aa' LIKE 'a+', '(a)' LIKE '(_)'",
    rows: [['1', '0', '0', '0', '1']],
  },
  { sql: "SELECT 'a-b' LIKE CONCAT('a', '-', 'b'), d LIKE CONCAT(LEFT(d, 4), '-%') FROM days WHERE d = '2020-02-01'", rows: [['1', '1']] },
  { sql: "SELECT 'a\\\\' LIKE 'a\\\\', 'ab' LIKE 'a$b' ESCAPE '$', 'a$' LIKE 'a$' ESCAPE '$'", rows: [['1', '1', '1']] },
];
