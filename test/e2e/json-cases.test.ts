// End-to-end: the JSON type — the cases in test/sql/json-cases.ts through mysql2's text protocol, column metadata as
// MySQL 8 sends it (MYSQL_TYPE_JSON, binary charset), mysql2 reading objects in text and binary (execute) protocol,
// and the `mariadb` CLI printing JSON text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { JSON_CASES, SETUP } from '../sql/json-cases.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect } from './helpers/mysql2-client.js';
import { checkSqlCase } from './helpers/sql-case-runner.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const MYSQL_TYPE_JSON = 245;
const BINARY_CHARSET = 63;

describe('JSON type cases', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { rowsAsArray: true });
    await db.query('CREATE DATABASE json_cases');
    await db.query('USE json_cases');
    for (const sql of SETUP) await db.query(sql);
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  for (const testCase of JSON_CASES) {
    it(testCase.sql, () => checkSqlCase(db, testCase));
  }

  it('describes JSON columns and results as MYSQL_TYPE_JSON with the binary charset', async () => {
    const [, fields] = await db.query<RowDataPacket[]>("SELECT doc, doc->'$.name', JSON_ARRAY(1) FROM docs LIMIT 1");
    assert.deepEqual(fields.map((field) => [field.columnType, field.characterSet, field.columnLength]), Array(3).fill([MYSQL_TYPE_JSON, BINARY_CHARSET, 4_294_967_295]));
    // ->> is text (LONGTEXT in the connection's character set), not JSON.
    const [, unquoted] = await db.query<RowDataPacket[]>("SELECT doc->>'$.name' FROM docs LIMIT 1");
    assert.notEqual(unquoted[0]?.columnType, MYSQL_TYPE_JSON);
    assert.notEqual(unquoted[0]?.characterSet, BINARY_CHARSET);
  });

  it('lets mysql2 read JSON as objects, through query() and execute()', async () => {
    const expected = [{ doc: { age: 31, name: 'Ann', tags: ['a', 'b'], active: true, address: { zip: '0150', city: 'Oslo' } }, city: 'Oslo', tags: ['a', 'b'] }];
    const sql = "SELECT doc, doc->>'$.address.city' AS city, doc->'$.tags' AS tags FROM docs WHERE id = ?";
    const objects = await connect(server.port, { database: 'json_cases' });
    try {
      const [viaText] = await objects.query<RowDataPacket[]>(sql, [1]);
      assert.deepEqual(viaText, expected);
      const [viaBinary] = await objects.execute<RowDataPacket[]>(sql, [1]);
      assert.deepEqual(viaBinary, expected);
      await objects.execute('INSERT INTO dup VALUES (?, ?)', [100, JSON.stringify({ written: [1, 'two'] })]);
      const [written] = await objects.execute<RowDataPacket[]>("SELECT j, j->>'$.written[1]' AS second FROM dup WHERE id = ?", [100]);
      assert.deepEqual(written, [{ j: { written: [1, 'two'] }, second: 'two' }]);
      // Documents and paths as parameters: planning a prepared statement must not evaluate its JSON calls.
      const [bound] = await objects.execute<RowDataPacket[]>('SELECT JSON_EXTRACT(?, ?) AS v, ? MEMBER OF (?) AS m, JSON_QUOTE(?) AS q', ['{"a": [1, 2]}', '$.a[1]', 2, '[1, 2]', 'x']);
      assert.deepEqual(bound, [{ v: 2, m: 1, q: '"x"' }]);
    } finally {
      await objects.end();
    }
  });

  it('prints JSON text in the mariadb CLI and reports its errors', async () => {
    const result = await mariadb(server.port, ['--batch', 'json_cases'], "SELECT doc, doc->>'$.name' FROM docs WHERE id = 2;");
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'doc\tdoc->>\'$.name\'\n{"age": 25.5, "name": "Bob", "tags": [], "active": false, "address": {"city": "Rome"}}\tBob\n');
    const failed = await mariadb(server.port, ['--batch', 'json_cases'], "INSERT INTO docs VALUES (9, '{\"a\": tru}', 'x');");
    assert.match(failed.stderr, /ERROR 3140 \(22032\) at line 1: Invalid JSON text: "Invalid value\." at position 9 in value for column 'docs\.doc'\./);
  });

  it('runs JSON_TABLE over a bound document through execute() and in the mariadb CLI', async () => {
    const objects = await connect(server.port, { database: 'json_cases' });
    try {
      const sql = "SELECT t.n, t.name, t.qty FROM JSON_TABLE(?, '$.items[*]' COLUMNS (n FOR ORDINALITY, name VARCHAR(20) PATH '$.name', qty INT PATH '$.qty' DEFAULT '0' ON EMPTY)) AS t WHERE t.qty >= ?";
      const document = JSON.stringify({ items: [{ name: 'pen', qty: 3 }, { name: 'ink' }, { name: 'pad', qty: 12 }] });
      for (let run = 0; run < 2; run++) {
        const [rows] = await objects.execute<RowDataPacket[]>(sql, [document, run]);
        assert.deepEqual(rows, run === 0 ? [{ n: 1, name: 'pen', qty: 3 }, { n: 2, name: 'ink', qty: 0 }, { n: 3, name: 'pad', qty: 12 }] : [{ n: 1, name: 'pen', qty: 3 }, { n: 3, name: 'pad', qty: 12 }]);
      }
    } finally {
      await objects.end();
    }
    const result = await mariadb(server.port, ['--batch', 'json_cases'], "SELECT d.id, t.tag FROM docs d, JSON_TABLE(d.doc, '$.tags[*]' COLUMNS (tag VARCHAR(5) PATH '$')) AS t WHERE d.id = 1;");
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'id\ttag\n1\ta\n1\tb\n');
  });
});
