// End-to-end: the BIT(M) type — the cases in test/sql/bit-cases.ts through mysql2's text protocol, column metadata as
// MySQL sends it (MYSQL_TYPE_BIT, binary charset, UNSIGNED), mysql2 reading Buffers through query() and execute(),
// the `mariadb` CLI's --binary-as-hex, and a mysqldump round trip.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { BIT_CASES, SETUP } from '../sql/bit-cases.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect } from './helpers/mysql2-client.js';
import { mysqldump } from './helpers/mysqldump.js';
import { checkSqlCase } from './helpers/sql-case-runner.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const MYSQL_TYPE_BIT = 16;
const BINARY_CHARSET = 63;
const UNSIGNED_FLAG = 32;
const MULTIPLE_KEY_FLAG = 8;
describe('BIT type', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { rowsAsArray: true });
    await db.query('CREATE DATABASE bit_cases');
    await db.query('USE bit_cases');
    for (const sql of SETUP) await db.query(sql);
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  for (const testCase of BIT_CASES) {
    it(testCase.sql, () => checkSqlCase(db, testCase));
  }

  it('describes BIT columns as MYSQL_TYPE_BIT with the binary charset, UNSIGNED and M as the length', async () => {
    const [, fields] = await db.query<RowDataPacket[]>('SELECT b, w, one FROM flags LIMIT 1');
    assert.deepEqual(
      fields.map((field) => [field.columnType, field.characterSet, field.columnLength, field.flags]),
      [[MYSQL_TYPE_BIT, BINARY_CHARSET, 8, UNSIGNED_FLAG | MULTIPLE_KEY_FLAG], [MYSQL_TYPE_BIT, BINARY_CHARSET, 64, UNSIGNED_FLAG], [MYSQL_TYPE_BIT, BINARY_CHARSET, 1, UNSIGNED_FLAG]],
    );
  });

  it('lets mysql2 read BIT values as Buffers through query() and execute(), and write numbers and Buffers', async () => {
    const objects = await connect(server.port, { database: 'bit_cases' });
    try {
      await objects.query('CREATE TABLE io (id INT PRIMARY KEY, b BIT(12), one BIT)');
      await objects.execute('INSERT INTO io VALUES (?, ?, ?)', [1, 1025, 1]);
      await objects.execute('INSERT INTO io VALUES (?, ?, ?)', [2, Buffer.from([0x00, 0x07]), 0]);
      await objects.query("INSERT INTO io VALUES (3, b'111111111111', NULL)");
      const expected = [
        { id: 1, b: Buffer.from([0x04, 0x01]), one: Buffer.from([1]), n: 1025 },
        { id: 2, b: Buffer.from([0x00, 0x07]), one: Buffer.from([0]), n: 7 },
        { id: 3, b: Buffer.from([0x0f, 0xff]), one: null, n: 4095 },
      ];
      const sql = 'SELECT id, b, one, CAST(b + 0 AS SIGNED) AS n FROM io WHERE id >= ? ORDER BY id';
      const [viaText] = await objects.query<RowDataPacket[]>(sql, [1]);
      assert.deepEqual(viaText, expected);
      const [viaBinary] = await objects.execute<RowDataPacket[]>(sql, [1]);
      assert.deepEqual(viaBinary, expected);
      const [matched] = await objects.execute<RowDataPacket[]>('SELECT id FROM io WHERE b = ?', [1025]);
      assert.deepEqual(matched, [{ id: 1 }]);
      await assert.rejects(objects.execute('INSERT INTO io VALUES (?, ?, ?)', [4, 4096, 0]), { errno: 1406 });
      // Widening M keeps every value; the cells grow to the new byte count.
      await objects.query('ALTER TABLE io MODIFY b BIT(20)');
      const [widened] = await objects.query<RowDataPacket[]>('SELECT b FROM io WHERE id = 1');
      assert.deepEqual(widened, [{ b: Buffer.from([0x00, 0x04, 0x01]) }]);
    } finally {
      await objects.end();
    }
  });

  it('shows BIT values as 0x… in the mariadb CLI with --binary-as-hex', async () => {
    const result = await mariadb(server.port, ['--batch', '--binary-as-hex', 'bit_cases'], 'SELECT b, w FROM flags WHERE id IN (1, 3) ORDER BY id;');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'b\tw\n0x05\t0xFFFFFFFFFFFFFFFF\n0xFF\t0x0000000000000001\n');
  });

  for (const options of [[], ['--hex-blob']]) {
    it(`round-trips BIT columns through mysqldump (${options.length === 0 ? 'default options' : options.join(' ')})`, async () => {
      const source = `SELECT id, HEX(b), HEX(w), HEX(one) FROM ${'%s'}.flags ORDER BY id;`;
      const dump = await mysqldump(server.port, [...options, 'bit_cases', 'flags']);
      assert.equal(dump.code, 0, dump.stderr);
      assert.match(dump.stdout, /`b` bit\(8\) DEFAULT NULL,\n {2}`w` bit\(64\) DEFAULT NULL,\n {2}`one` bit\(1\) DEFAULT NULL,/);
      const target = `bit_copy_${options.length}`;
      const created = await mariadb(server.port, ['--batch'], `CREATE DATABASE ${target};`);
      assert.equal(created.code, 0, created.stderr);
      const restored = await mariadb(server.port, ['--binary-mode', target], Buffer.from(dump.stdout, 'latin1'));
      assert.equal(restored.code, 0, restored.stderr);
      const [copied, original] = await Promise.all([target, 'bit_cases'].map((name) => mariadb(server.port, ['--batch'], source.replace('%s', name))));
      assert.equal(copied?.stdout, original?.stdout);
      assert.match(original?.stdout ?? '', /^1\t5\tFFFFFFFFFFFFFFFF\t1$/m);
    });
  }
});
