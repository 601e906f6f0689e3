// End-to-end: statement text keeps its bytes. Literals of bytes that are not UTF-8 (`_binary'…'`, X'…', 0x…, b'…')
// are the same bytes in every expression, and a 16 MiB one is inserted by a server held to a small heap.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { binaryLiteral, mariadbBinary, sqlBytes } from './helpers/binary-literal.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** Sixteen bytes that are no UTF-8 at all: continuation bytes alone, a surrogate's encoding, 0xFF, quote and backslash. */
const NOT_UTF8 = Buffer.from('8081feffc328eda080e228a1f0288c27bc5c', 'hex').subarray(0, 16);

/** Enough heap for the server and a 16 MiB statement held a few times, far too little for one copy per byte. */
const SMALL_HEAP_MB = 384;

describe('binary literals keep their bytes', () => {
  let server: TidalProcess;

  before(async () => {
    server = await startTidal({ nodeFlags: [`--max-old-space-size=${SMALL_HEAP_MB}`] });
    const setup = await mariadbBinary(server.port, sqlBytes('CREATE DATABASE bin; USE bin; CREATE TABLE t (k VARBINARY(32) PRIMARY KEY, v INT);'));
    assert.equal(setup.code, 0, setup.stderr);
  });

  after(async () => {
    await server.stop();
  });

  const run = async (...parts: ReadonlyArray<string | Buffer>): Promise<string[][]> => {
    const result = await mariadbBinary(server.port, sqlBytes('USE bin;\n', ...parts));
    assert.equal(result.code, 0, result.stderr);
    return result.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
  };

  it('a _binary literal is its bytes in LENGTH, HEX, WHERE on the key and UPDATE', async () => {
    const literal = binaryLiteral(NOT_UTF8);
    const hex = NOT_UTF8.toString('hex').toUpperCase();
    assert.deepEqual(await run('INSERT INTO t VALUES (', literal, ', 1);\nSELECT LENGTH(', literal, '), HEX(', literal, ');'), [['16', hex]]);
    assert.deepEqual(await run('SELECT v FROM t WHERE k = ', literal, ';'), [['1']]);
    assert.deepEqual(await run('UPDATE t SET v = 2 WHERE k = ', literal, ';\nSELECT HEX(k), v FROM t;'), [[hex, '2']]);
    assert.deepEqual(await run('SELECT COUNT(*) FROM t WHERE k IN (', literal, ", 'x') AND k LIKE CONCAT(LEFT(", literal, ', 3), "%");'), [['1']]);
  });

  it('a plain quoted literal of raw bytes (how mysqlclient sends a BLOB) finds the bytes stored, by key and by scan', async () => {
    // mysqlclient and Django's BinaryField send bytes as '…' without _binary: compared with a binary column, the
    // literal is its bytes (MySQL's binary comparison), not text with replacement characters.
    const plain = binaryLiteral(NOT_UTF8).subarray('_binary'.length);
    assert.deepEqual(await run('SELECT v FROM t WHERE k = ', plain, ';'), [['2']]);
    assert.deepEqual(await run('SELECT COUNT(*) FROM t WHERE CONCAT(k) = ', plain, ';'), [['1']]);
  });

  it("X'…', 0x… and b'…' literals are the same bytes", async () => {
    const hex = NOT_UTF8.toString('hex');
    const bits = [...NOT_UTF8].map((byte) => byte.toString(2).padStart(8, '0')).join('');
    assert.deepEqual(
      await run(`SELECT LENGTH(X'${hex}'), LENGTH(0x${hex}), LENGTH(b'${bits}'), X'${hex}' = 0x${hex}, b'${bits}' = `, binaryLiteral(NOT_UTF8), ';'),
      [['16', '16', '16', '1', '1']],
    );
    assert.deepEqual(await run(`SELECT v FROM t WHERE k = X'${hex}'; SELECT v FROM t WHERE k = 0x${hex}; SELECT v FROM t WHERE k = b'${bits}';`), [['2'], ['2'], ['2']]);
    // In numeric context they are numbers: arithmetic, comparison with a number, a numeric column.
    assert.deepEqual(await run("SELECT 0x41 + 0, b'1000001' + 0, 0x41 = 65, -0x01;"), [['65', '65', '1', '-1']]);
    assert.deepEqual(await run("CREATE TABLE n (i INT, d DECIMAL(6,2)); INSERT INTO n VALUES (0x41, b'101'); SELECT i, d FROM n;"), [['65', '5.00']]);
  });

  it('a 16 MiB _binary literal of random bytes is stored whole within a small heap', async () => {
    const blob = randomBytes(16 * 1024 * 1024);
    const rows = await run('CREATE TABLE big (id INT PRIMARY KEY, b LONGBLOB);\nINSERT INTO big VALUES (1, ', binaryLiteral(blob), ');\nSELECT LENGTH(b), MD5(b) FROM big;');
    assert.deepEqual(rows, [[String(blob.length), createHash('md5').update(blob).digest('hex')]]);
  });
});
