// planCacheBlocker: which prepared statements keep one plan for all executions, and why the others do not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSingleStatement } from '../../../../src/sql/parser/index.js';
import { planCacheBlocker } from '../../../../src/sql/planner/plan-cache-blocker.js';

const blocker = (sql: string, views: readonly string[] = []): string | undefined =>
  planCacheBlocker(parseSingleStatement(sql).statement, (table) => views.includes(table.name));

describe('planCacheBlocker', () => {
  it('accepts the statements sysbench and ORMs prepare', () => {
    for (const sql of [
      'SELECT c FROM sbtest1 WHERE id = ?',
      'SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN ? AND ?',
      'SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c',
      'SELECT a.x, b.y FROM a JOIN b ON a.id = b.a_id WHERE a.id IN (?, ?) LIMIT 10',
      'SELECT CONCAT(name, ?), COALESCE(x, ?) FROM t WHERE DATE(created) = ? GROUP BY name HAVING COUNT(*) > ?',
      'SELECT x FROM a UNION ALL SELECT y FROM b WHERE y = ?',
      'UPDATE sbtest1 SET k = k + 1 WHERE id = ?',
      'DELETE FROM sbtest1 WHERE id = ?',
      'INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)',
      'INSERT INTO t VALUES (?, DEFAULT) ON DUPLICATE KEY UPDATE v = VALUES(v) + ?',
    ]) {
      assert.equal(blocker(sql), undefined, sql);
    }
  });

  it('names what keeps a statement from reusing its plan', () => {
    const cases: [string, string][] = [
      ['SELECT NOW(), ?', 'function NOW'],
      ['SELECT * FROM t WHERE created < CURRENT_TIMESTAMP', 'function CURRENT_TIMESTAMP'],
      ['SELECT RAND() FROM t WHERE id = ?', 'function RAND'],
      ['SELECT * FROM t WHERE id IN (SELECT a FROM u WHERE b = ?)', 'a subquery'],
      ['SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u)', 'a subquery'],
      ['SELECT * FROM (SELECT * FROM t) d WHERE id = ?', 'a derived table'],
      ['WITH c AS (SELECT 1) SELECT * FROM c', 'a WITH clause'],
      ['SELECT * FROM t LIMIT ?', 'LIMIT with a parameter'],
      ['SELECT @a + ?', 'a user variable'],
      ['SELECT @@sql_mode', 'a system variable'],
      ['SELECT ROW_NUMBER() OVER (ORDER BY id) FROM t', 'window functions'],
      ['SELECT id FROM t ORDER BY RANK() OVER (ORDER BY a)', 'window functions'],
      ['SELECT id FROM t WINDOW w AS (ORDER BY ?)', 'window functions'],
      ['SELECT a, GROUPING(a) FROM t GROUP BY a WITH ROLLUP', 'function GROUPING'],
      ['SELECT * FROM t, LATERAL (SELECT t.a) AS d', 'a derived table'],
      ['UPDATE a JOIN b ON a.id = b.id SET a.x = ?', 'multi-table UPDATE'],
      ['DELETE a FROM a JOIN b ON a.id = b.id', 'multi-table DELETE'],
      ['SELECT * FROM v WHERE id = ?', 'a view'],
      ['SET @a = ?', 'not a query or a write'],
    ];
    for (const [sql, reason] of cases) assert.equal(blocker(sql, ['v']), reason, sql);
  });
});
