// End-to-end: LOAD DATA [LOCAL] INFILE through real clients — the cases of test/sql/load-data-cases.ts through
// mysql2's infileStreamFactory, the mariadb CLI with --local-infile, the refusals (local_infile OFF, a client that
// does not allow it, secure_file_priv, privileges), an error while the file streams in, and a big file in bounded memory.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { LOAD_DATA_CASES } from '../sql/load-data-cases.js';
import { mariadb, mariadbAs } from './helpers/mariadb-cli.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal, tempDir } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** The rows of `sql`, every value as text (NULL as null). */
async function textRows(db: Connection, sql: string): Promise<(string | null)[][]> {
  const [result] = await db.query<RowDataPacket[]>({ sql, rowsAsArray: true });
  return (result as unknown as unknown[][]).map((row) => row.map((value) => (value === null ? null : String(value as string | number))));
}

/** Runs a LOAD DATA LOCAL statement, the client streaming `file` when the server asks for it. */
async function load(db: Connection, sql: string, file: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Promise<ResultSetHeader> {
  const [result] = await db.query<ResultSetHeader>({ sql, infileStreamFactory: () => Readable.from(asBuffers(file)) });
  return result;
}

/** mysql2 writes each chunk as bytes: text chunks become Buffers. */
async function* asBuffers(chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

describe('LOAD DATA', () => {
  let server: TidalProcess;
  let db: Connection;
  let files: Awaited<ReturnType<typeof tempDir>>;

  before(async () => {
    files = await tempDir('tidal-load-files');
    server = await startTidal({ args: ['--local-infile', '--secure-file-priv', files.path] });
    db = await connect(server.port);
    await db.query('CREATE DATABASE ld');
    await db.query('USE ld');
  });

  after(async () => {
    await db.end();
    await server.stop();
    await files.remove();
  });

  describe('cases through mysql2 infileStreamFactory', () => {
    for (const c of LOAD_DATA_CASES) {
      it(c.name, async () => {
        await db.query('DROP TABLE IF EXISTS t');
        await db.query(c.table);
        // An empty chunk would be an empty packet, which ends the file: mysql2 must send no chunk for an empty file.
        const result = await load(db, c.load, c.file === '' ? [] : [Buffer.from(c.file)]);
        if (c.info !== undefined) assert.equal(result.info, c.info);
        if (c.warnings !== undefined) {
          assert.deepEqual((await textRows(db, 'SHOW WARNINGS')).map((row) => Number(row[1])), c.warnings);
        }
        assert.deepEqual(await textRows(db, c.select ?? 'SELECT * FROM t ORDER BY 1'), c.rows);
      });
    }
  });

  it('an unknown CHARACTER SET is 1115 before the file is asked for', async () => {
    await db.query('DROP TABLE IF EXISTS t');
    await db.query('CREATE TABLE t (id INT PRIMARY KEY)');
    await assert.rejects(load(db, "LOAD DATA LOCAL INFILE 'x' INTO TABLE t CHARACTER SET nosuch", ['1\n']), (error: { errno?: number; message?: string }) => error.errno === 1115 && error.message === "Unknown character set: 'nosuch'");
    assert.deepEqual(await textRows(db, 'SELECT COUNT(*) FROM t'), [['0']]);
  });

  it('KILL QUERY stops a running load with 1317 between batches; the connection goes on', async () => {
    await db.query('DROP TABLE IF EXISTS t');
    await db.query('CREATE TABLE t (id INT PRIMARY KEY)');
    const [idRows] = await db.query<RowDataPacket[]>('SELECT CONNECTION_ID() AS id');
    const id = Number(idRows[0]?.id);
    const killer = await connect(server.port);
    let isKilled = false;
    // Lines until the kill has landed (a bound keeps a broken kill from streaming forever).
    async function* lines(): AsyncGenerator<string> {
      for (let i = 1; i <= 5_000_000 && !isKilled; i++) {
        yield `${i}\n`;
        if (i % 1000 === 0) await new Promise((done) => setImmediate(done));
      }
    }
    try {
      const loading = load(db, "LOAD DATA LOCAL INFILE 'x' INTO TABLE t", lines());
      const outcome = loading.then(() => 'finished', (error: { errno?: number }) => error.errno);
      // Kill once the server has rows of the load in flight.
      for (;;) {
        const [list] = await killer.query<RowDataPacket[]>('SELECT info FROM information_schema.PROCESSLIST WHERE id = ?', [id]);
        if (String(list[0]?.info ?? '').startsWith('LOAD DATA')) break;
        await new Promise((done) => setTimeout(done, 50));
      }
      await killer.query(`KILL QUERY ${id}`);
      isKilled = true;
      assert.equal(await outcome, 1317);
      assert.deepEqual(await textRows(db, 'SELECT 1'), [['1']]);
    } finally {
      await killer.end();
    }
  });

  it('counts into Com_load and sets ROW_COUNT()', async () => {
    await db.query('DROP TABLE IF EXISTS t');
    await db.query('CREATE TABLE t (id INT PRIMARY KEY)');
    const [before] = await textRows(db, "SHOW SESSION STATUS LIKE 'Com_load'");
    await load(db, "LOAD DATA LOCAL INFILE 'x' INTO TABLE t", ['1\n2\n']);
    assert.deepEqual(await textRows(db, 'SELECT ROW_COUNT()'), [['2']]);
    const [afterward] = await textRows(db, "SHOW SESSION STATUS LIKE 'Com_load'");
    assert.equal(Number(afterward?.[1]) - Number(before?.[1]), 1);
  });

  it('the mariadb CLI sends a file with --local-infile', async () => {
    const path = join(files.path, 'cli.tsv');
    await writeFile(path, '1\tcli one\n2\tcli two\n');
    await db.query('DROP TABLE IF EXISTS t');
    await db.query('CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))');
    const run = await mariadb(server.port, ['--local-infile=1', 'ld', '-e', `LOAD DATA LOCAL INFILE '${path}' INTO TABLE t; SELECT v FROM t ORDER BY id`]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'v\ncli one\ncli two\n');
  });

  it('refuses with 3948 when local_infile is OFF, or the client does not allow local files, and goes on', async () => {
    await db.query('DROP TABLE IF EXISTS t');
    await db.query('CREATE TABLE t (id INT PRIMARY KEY)');
    const message = 'Loading local data is disabled; this must be enabled on both the client and server sides';
    const noFiles = await connect(server.port, { database: 'ld', flags: ['-LOCAL_FILES'] });
    try {
      await assertSqlError(noFiles, "LOAD DATA LOCAL INFILE 'x' INTO TABLE t", 3948, message);
      assert.deepEqual(await textRows(noFiles, 'SELECT COUNT(*) FROM t'), [['0']]);
    } finally {
      await noFiles.end();
    }
    const cli = await mariadb(server.port, ['--local-infile=0', 'ld', '-e', "LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE t"]);
    assert.match(cli.stderr, /3948|Loading local data is disabled/);
    await db.query('SET GLOBAL local_infile = OFF');
    try {
      await assertSqlError(db, "LOAD DATA LOCAL INFILE 'x' INTO TABLE t", 3948, message);
    } finally {
      await db.query('SET GLOBAL local_infile = ON');
    }
    assert.deepEqual(await textRows(db, 'SELECT 1'), [['1']]);
  });

  it('an error while the file streams in: the rest is read and dropped, the batches committed before it stay', async () => {
    await db.query('DROP TABLE IF EXISTS t');
    await db.query('CREATE TABLE t (id INT PRIMARY KEY, v INT)');
    function* lines(): Generator<string> {
      for (let i = 1; i <= 50_000; i++) yield `${i}\t${i}\n`;
    }
    // Row 30,000 fails (3141 is no warning even under LOCAL's IGNORE); 20,000 rows were committed before it
    // (tidb_dml_batch_size 0: every 20,000 rows), as TiDB's batched LOAD DATA.
    await assert.rejects(
      load(db, "LOAD DATA LOCAL INFILE 'x' INTO TABLE t (id, @v) SET v = IF(@v = '30000', JSON_EXTRACT('x', '$'), @v)", lines()),
      (error: { errno?: number }) => error.errno === 3141,
    );
    assert.deepEqual(await textRows(db, 'SELECT COUNT(*), MAX(id) FROM t'), [['20000', '20000']]);
  });

  it('server-side files: only under secure_file_priv (1290), 29 when missing, FILE and INSERT privileges', async () => {
    await db.query('DROP TABLE IF EXISTS t');
    await db.query('CREATE TABLE t (id INT PRIMARY KEY)');
    await writeFile(join(files.path, 'server.txt'), '7\n8\n');
    const [result] = await db.query<ResultSetHeader>("LOAD DATA INFILE 'server.txt' INTO TABLE t");
    assert.equal(result.affectedRows, 2);
    await assertSqlError(db, "LOAD DATA INFILE '/etc/hostname' INTO TABLE t", 1290, 'The MySQL server is running with the --secure-file-priv option so it cannot execute this statement');
    await assertSqlError(db, "LOAD DATA INFILE 'missing.txt' INTO TABLE t", 29, /^File '.*missing\.txt' not found \(OS errno 2 - No such file or directory\)$/);
    await db.query("CREATE USER loader IDENTIFIED BY 'pw'");
    await db.query('GRANT INSERT ON ld.t TO loader');
    const noFile = await mariadbAs(server.port, 'loader', 'pw', ['ld', '-e', "LOAD DATA INFILE 'server.txt' IGNORE INTO TABLE t"]);
    assert.match(noFile.stderr, /Access denied/);
    await db.query('REVOKE INSERT ON ld.t FROM loader');
    await db.query('GRANT SELECT ON ld.t TO loader');
    const noInsert = await connect(server.port, { user: 'loader', password: 'pw', database: 'ld' });
    try {
      await assertSqlError(noInsert, "LOAD DATA LOCAL INFILE 'x' INTO TABLE t", 1142);
    } finally {
      await noInsert.end();
    }
  });

  it('a file larger than the server\'s whole heap loads in batches (memory bounded, not held)', async () => {
    // 200 MB of file through a server whose V8 heap may not pass 128 MB: holding the file (or the rows of more than a
    // few batches) would end it with "heap out of memory".
    const small = await startTidal({ args: ['--local-infile'], nodeFlags: ['--max-old-space-size=128'] });
    const big = await connect(small.port);
    try {
      await big.query('CREATE DATABASE ld');
      await big.query('CREATE TABLE ld.t (id INT PRIMARY KEY, n INT)');
      const rows = 200_000;
      const pad = 'x'.repeat(1000);
      function* chunks(): Generator<string> {
        // 1,000 lines per chunk: the client never holds the file either.
        for (let start = 1; start <= rows; start += 1000) {
          let text = '';
          for (let i = start; i < start + 1000; i++) text += `${i}\t${i % 7}\t${pad}\n`;
          yield text;
        }
      }
      const result = await load(big, "LOAD DATA LOCAL INFILE 'big' INTO TABLE ld.t (id, n, @pad)", chunks());
      assert.equal(result.affectedRows, rows);
      let sum = 0;
      for (let i = 1; i <= rows; i++) sum += i % 7;
      assert.deepEqual(await textRows(big, 'SELECT COUNT(*), SUM(n) FROM ld.t'), [[String(rows), String(sum)]]);
    } finally {
      await big.end();
      await small.stop();
    }
  });
});
