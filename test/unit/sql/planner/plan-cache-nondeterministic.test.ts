// planCacheBlocker and the functions added with the MySQL 8.0 function list: UUIDs, random bytes and the
// statement-history functions are per execution; regular expressions, IP and calendar functions only read arguments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSingleStatement } from '../../../../src/sql/parser/index.js';
import { planCacheBlocker } from '../../../../src/sql/planner/plan-cache-blocker.js';

const blocker = (sql: string): string | undefined => planCacheBlocker(parseSingleStatement(sql).statement, () => false);

describe('planCacheBlocker and the MySQL 8.0 function list', () => {
  it('never reuses a plan holding a non-deterministic function', () => {
    for (const name of ['UUID', 'UUID_SHORT', 'RANDOM_BYTES', 'ROW_COUNT', 'FOUND_ROWS', 'BENCHMARK', 'CONNECTION_ID']) {
      const args = name === 'RANDOM_BYTES' ? '16' : name === 'BENCHMARK' ? '1, 1' : '';
      assert.equal(blocker(`SELECT ${name}(${args}), ? FROM t`), `function ${name}`, name);
    }
  });

  it('reuses plans whose functions read only their arguments', () => {
    for (const sql of [
      "SELECT id FROM t WHERE name REGEXP ? AND REGEXP_LIKE(name, ?, 'i')",
      'SELECT REGEXP_REPLACE(name, ?, ?), REGEXP_SUBSTR(name, ?), REGEXP_INSTR(name, ?) FROM t',
      'SELECT BIN_TO_UUID(id, 1) FROM t WHERE id = UUID_TO_BIN(?, 1) AND IS_UUID(?)',
      'SELECT INET6_NTOA(ip), INET_ATON(?) FROM t WHERE IS_IPV4(?)',
      "SELECT CONVERT_TZ(created, 'UTC', ?), YEARWEEK(created), TO_SECONDS(?) FROM t",
    ]) {
      assert.equal(blocker(sql), undefined, sql);
    }
  });
});
