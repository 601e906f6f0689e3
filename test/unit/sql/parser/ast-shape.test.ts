// The AST contract the planner relies on: node shapes, source texts, placeholder numbering, bare SET words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSql, parseStatements, type Statement } from '../../../../src/sql/parser/index.js';

function one(sql: string): Statement {
  const [s] = parseSql(sql);
  assert.ok(s !== undefined);
  return s;
}

test('SELECT shape', () => {
  assert.deepEqual(one('SELECT a, t.b AS x FROM db.t WHERE a > 1 ORDER BY a DESC LIMIT 2'), {
    kind: 'SelectStmt',
    text: 'SELECT a, t.b AS x FROM db.t WHERE a > 1 ORDER BY a DESC LIMIT 2',
    isDistinct: false,
    items: [
      { kind: 'SelectExprItem', expr: { kind: 'ColumnRefExpr', column: 'a' }, text: 'a' },
      { kind: 'SelectExprItem', expr: { kind: 'ColumnRefExpr', table: 't', column: 'b' }, alias: 'x', text: 't.b' },
    ],
    from: [{ kind: 'TableNameRef', table: { db: 'db', name: 't' } }],
    where: {
      kind: 'BinaryExpr',
      op: '>',
      left: { kind: 'ColumnRefExpr', column: 'a' },
      right: { kind: 'NumberLiteralExpr', numberKind: 'int', text: '1' },
    },
    orderBy: [{ expr: { kind: 'ColumnRefExpr', column: 'a' }, direction: 'DESC' }],
    limit: { count: { kind: 'NumberLiteralExpr', numberKind: 'int', text: '2' } },
  });
});

test('select items keep their source text for column naming', () => {
  const s = one('SELECT 1  +  1, COUNT( * ), `a` FROM t');
  assert.ok(s.kind === 'SelectStmt');
  assert.deepEqual(
    s.items.map((i) => (i.kind === 'SelectExprItem' ? i.text : '*')),
    ['1  +  1', 'COUNT( * )', '`a`'],
  );
});

test('statement texts exclude the separators and surrounding space', () => {
  const r = parseStatements('  SELECT 1 ;\n INSERT INTO t VALUES (1)\n;;  SHOW TABLES  ');
  assert.deepEqual(
    r.statements.map((s) => s.text),
    ['SELECT 1', 'INSERT INTO t VALUES (1)', 'SHOW TABLES'],
  );
});

test('placeholders are numbered from 0 in order within each statement', () => {
  const r = parseStatements('SELECT ?, ? FROM t WHERE a = ? LIMIT ?; SELECT ?');
  assert.deepEqual(r.paramCounts, [4, 1]);
  const s = r.statements[0];
  assert.ok(s?.kind === 'SelectStmt');
  assert.deepEqual(s.items[1], { kind: 'SelectExprItem', expr: { kind: 'ParamExpr', index: 1 }, text: '?' });
  assert.deepEqual(s.limit, { count: { kind: 'ParamExpr', index: 3 } });
});

test('numbers keep their source text and kind', () => {
  const s = one('SELECT 18446744073709551616, 1.50, 1e3, -5');
  assert.ok(s.kind === 'SelectStmt');
  assert.deepEqual(
    s.items.map((i) => (i.kind === 'SelectExprItem' ? i.expr : undefined)),
    [
      { kind: 'NumberLiteralExpr', numberKind: 'int', text: '18446744073709551616' },
      { kind: 'NumberLiteralExpr', numberKind: 'decimal', text: '1.50' },
      { kind: 'NumberLiteralExpr', numberKind: 'float', text: '1e3' },
      { kind: 'UnaryExpr', op: '-', operand: { kind: 'NumberLiteralExpr', numberKind: 'int', text: '5' } },
    ],
  );
});

test('INSERT shape with DEFAULT and ON DUPLICATE KEY UPDATE', () => {
  assert.deepEqual(one('INSERT INTO t (a, b) VALUES (1, DEFAULT) ON DUPLICATE KEY UPDATE b = VALUES(b)'), {
    kind: 'InsertStmt',
    text: 'INSERT INTO t (a, b) VALUES (1, DEFAULT) ON DUPLICATE KEY UPDATE b = VALUES(b)',
    isReplace: false,
    isIgnore: false,
    table: { name: 't' },
    columns: ['a', 'b'],
    source: {
      kind: 'values',
      rows: [[{ kind: 'NumberLiteralExpr', numberKind: 'int', text: '1' }, { kind: 'DefaultExpr' }]],
    },
    onDuplicate: [
      {
        column: { kind: 'ColumnRefExpr', column: 'b' },
        value: { kind: 'FuncCallExpr', name: 'VALUES', args: [{ kind: 'ColumnRefExpr', column: 'b' }] },
      },
    ],
  });
});

test('CREATE TABLE shape', () => {
  assert.deepEqual(
    one(
      "CREATE TABLE t (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, v VARCHAR(10) DEFAULT 'x', PRIMARY KEY (id)) ENGINE=InnoDB",
    ),
    {
      kind: 'CreateTableStmt',
      text: "CREATE TABLE t (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, v VARCHAR(10) DEFAULT 'x', PRIMARY KEY (id)) ENGINE=InnoDB",
      isTemporary: false,
      ifNotExists: false,
      table: { name: 't' },
      columns: [
        { name: 'id', type: { name: 'BIGINT', isUnsigned: true }, nullable: false, isAutoIncrement: true },
        { name: 'v', type: { name: 'VARCHAR', length: 10 }, default: { kind: 'StringLiteralExpr', value: 'x' } },
      ],
      constraints: [{ kind: 'IndexDef', indexType: 'PRIMARY', parts: [{ column: 'id' }] }],
      options: [{ name: 'ENGINE', value: 'InnoDB' }],
    },
  );
});

test('SET: bare words, DEFAULT, scopes carried over, user variables', () => {
  const s = one('SET sql_mode = ANSI, x = ON, GLOBAL y = DEFAULT, z = 1, @u = 2');
  assert.ok(s.kind === 'SetStmt');
  assert.deepEqual(s.assignments, [
    { kind: 'SetSysVar', name: 'sql_mode', value: { kind: 'StringLiteralExpr', value: 'ANSI', isBareWord: true } },
    { kind: 'SetSysVar', name: 'x', value: { kind: 'StringLiteralExpr', value: 'ON', isBareWord: true } },
    { kind: 'SetSysVar', name: 'y', scope: 'GLOBAL', value: { kind: 'DefaultExpr' } },
    {
      kind: 'SetSysVar',
      name: 'z',
      scope: 'GLOBAL',
      value: { kind: 'NumberLiteralExpr', numberKind: 'int', text: '1' },
    },
    {
      kind: 'SetUserVar',
      target: { kind: 'UserVarExpr', name: 'u' },
      value: { kind: 'NumberLiteralExpr', numberKind: 'int', text: '2' },
    },
  ]);
});

test('a trailing ORDER BY / LIMIT after UNION belongs to the union', () => {
  const s = one('SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 2');
  assert.ok(s.kind === 'UnionStmt');
  assert.equal(s.right.orderBy, undefined);
  assert.equal(s.orderBy?.length, 1);
  assert.ok(s.limit !== undefined);
});

test('joins nest as MySQL nests them', () => {
  const s = one('SELECT * FROM a JOIN b JOIN c ON x');
  assert.ok(s.kind === 'SelectStmt');
  const j = s.from?.[0];
  assert.ok(j?.kind === 'JoinRef');
  assert.equal(j.on, undefined);
  assert.equal(j.right.kind, 'JoinRef');
});

test('functions without parentheses and case-insensitive names', () => {
  const s = one('SELECT current_timestamp, now(), Count(*)');
  assert.ok(s.kind === 'SelectStmt');
  assert.deepEqual(
    s.items.map((i) => (i.kind === 'SelectExprItem' ? i.expr : undefined)),
    [
      { kind: 'FuncCallExpr', name: 'CURRENT_TIMESTAMP', args: [], hasNoParens: true },
      { kind: 'FuncCallExpr', name: 'NOW', args: [] },
      { kind: 'FuncCallExpr', name: 'COUNT', args: [], isStar: true },
    ],
  );
});

test('keywords that are not reserved work as names', () => {
  const s = one('SELECT status, date, text, level, name, time, timestamp, user, data, comment FROM status');
  assert.ok(s.kind === 'SelectStmt');
  assert.equal(s.items.length, 10);
  assert.ok(s.items.every((i) => i.kind === 'SelectExprItem' && i.expr.kind === 'ColumnRefExpr'));
});
