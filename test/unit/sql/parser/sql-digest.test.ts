// Statement digests: TiDB's normalisation rules as data (text → normalised text), and TiDB's own digest values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digestStatements, normalizeSql } from '../../../../src/sql/parser/sql-digest.js';

const CASES: ReadonlyArray<readonly [string, string]> = [
  ['SELECT 1', 'select ?'],
  ['select null', 'select ?'],
  ['SELECT `null`', 'select `null`'],
  ["select _utf8mb4'123'", 'select (_charset) ?'],
  ['select * from b where id = 1', 'select * from `b` where `id` = ?'],
  ["select 1 from b where id in (1, 3, '3', 1, 2, 3, 4)", 'select ? from `b` where `id` in ( ... )'],
  ['select 1 from b where id in (1, a, 4)', 'select ? from `b` where `id` in ( ? , `a` , ? )'],
  ['select 1 from b order by 2', 'select ? from `b` order by 2'],
  ['select /*+ a hint */ 1', 'select ?'],
  ['select /* a comment */ 1', 'select ?'],
  ['select truncate(1, 2)', 'select truncate ( ... )'],
  ['select -1 + - 2 + b - c + 0.2 + (-2) from c where d in (1, -2, +3)', 'select ? + ? + `b` - `c` + ? + ( ? ) from `c` where `d` in ( ... )'],
  ['select * from t where a <= -1 and b < -2 and c = -3 and c > -4 and c >= -5 and e is 1', 'select * from `t` where `a` <= ? and `b` < ? and `c` = ? and `c` > ? and `c` >= ? and `e` is ?'],
  ['select count(a), b from t group by 2', 'select count ( `a` ) , `b` from `t` group by 2'],
  ['select count(a), b, c from t group by 2, 3', 'select count ( `a` ) , `b` , `c` from `t` group by 2 , 3'],
  ['select count(a), b, c from t group by (2, 3)', 'select count ( `a` ) , `b` , `c` from `t` group by ( 2 , 3 )'],
  ['select a, b from t order by 1, 2', 'select `a` , `b` from `t` order by 1 , 2'],
  ['select count(*) from t', 'select count ( ? ) from `t`'],
  ['select * from t Force Index(kk)', 'select * from `t`'],
  ['select * from t USE Index(kk)', 'select * from `t`'],
  ['select * from t1 straight_join t2 on t1.id=t2.id', 'select * from `t1` join `t2` on `t1` . `id` = `t2` . `id`'],
  ['select * from `table`', 'select * from `table`'],
  ['select * from `select`', 'select * from `select`'],
  ['select 1 / 2', 'select ? / ?'],
  ['select * from t where a = 40 limit ?, ?', 'select * from `t` where `a` = ? limit ...'],
  ['select * from t where a > ?', 'select * from `t` where `a` > ?'],
  ['select @a=b from t', 'select @a = `b` from `t`'],
  ['select * from `table', 'select * from'],
  ['SELECT @@GLOBAL.tidb_slow_log_threshold, @@version', 'select @@global.tidb_slow_log_threshold , @@version'],
  ["INSERT INTO t VALUES (1, 'a'), (2, 'b')", 'insert into `t` values ( ... ) , ( ... )'],
  ["ALTER USER u IDENTIFIED BY 'secret'", 'alter user `u` identified by ?'],
];

test('normalises as TiDB does', () => {
  for (const [sql, expected] of CASES) assert.equal(normalizeSql(sql), expected, sql);
});

test("digests are TiDB's: SHA-256 of the normalised text", () => {
  const [first] = digestStatements("select 1 from b where id in (1, 3, '3', 1, 2, 3, 4)");
  assert.equal(first?.digest, 'e1c8cc2738f596dc24f15ef8eb55e0d902910d7298983496362a7b46dbc0b310');
  assert.equal(digestStatements('select 2')[0]?.digest, 'e1c71d1661ae46e09b7aaec1c390957f0d6260410df4e4bc71b9c8d681021471');
  assert.equal(digestStatements('Select 3')[0]?.digest, digestStatements('select 1')[0]?.digest);
  assert.notEqual(digestStatements('select a from b where id = 1')[0]?.digest, digestStatements('select * from b where id = 1')[0]?.digest);
});

test('splits a multi-statement text into its statements, keeping each one as written', () => {
  const digests = digestStatements("SELECT 1; ;\n  UPDATE t SET a = 'x' /* why */ WHERE id = 2;");
  assert.deepEqual(digests.map((d) => d.text), ['SELECT 1', "UPDATE t SET a = 'x' /* why */ WHERE id = 2"]);
  assert.deepEqual(digests.map((d) => d.normalized), ['select ?', 'update `t` set `a` = ? where `id` = ?']);
  assert.deepEqual(digestStatements('  '), []);
});
