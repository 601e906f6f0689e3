// The client matrix, Node part (see test/clients/README.md): mysql2 and the `mariadb` npm connector, each with text
// queries and with execute(), and the `mariadb` CLI, each over TLS verifying the server certificate and host name, run the same script: a table of
// every common type, an insert with parameters, exact read-back, commit and rollback, an error with its code.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import * as mariadbConnector from 'mariadb';
import mysql from 'mysql2/promise';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { MATRIX_BLOB, MATRIX_ROW, MATRIX_TABLE } from '../clients/matrix-expectations.js';
import { makeCertificates, tlsFlags } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

type Run = (sql: string, params?: readonly unknown[]) => Promise<Array<Record<string, unknown>>>;

describe('client matrix: Node clients (mysql2, mariadb) and the mariadb CLI over verified TLS', () => {
  let certs: CertificateSet;
  let server: TidalProcess;

  before(async () => {
    certs = await makeCertificates('matrix');
    server = await startTidal({ args: tlsFlags(certs) });
  });

  after(async () => {
    await server.stop();
    await certs.remove();
  });

  for (const mode of ['text', 'execute'] as const) {
    it(`mysql2 with ${mode === 'text' ? 'text queries (client-side parameters)' : 'execute() (server-side prepared statements)'}`, async () => {
      // mysql2 verifies the certificate chain and the host name (VERIFY_IDENTITY) with rejectUnauthorized.
      const db = await mysql.createConnection({
        host: 'localhost', port: server.port, user: 'root', password: '', dateStrings: true, supportBigNumbers: true,
        bigNumberStrings: true, decimalNumbers: false, ssl: { ca: await readFile(certs.ca), rejectUnauthorized: true },
      });
      const run = async (sql: string, params: readonly unknown[] = []): Promise<[RowDataPacket[], unknown]> => {
        const values = [...params] as never[];
        return mode === 'text' ? db.query<RowDataPacket[]>(sql, values) : db.execute<RowDataPacket[]>(sql, values);
      };
      try {
        const [[tls]] = await db.query<RowDataPacket[]>("SHOW SESSION STATUS LIKE 'Ssl_version'");
        assert.match(tls!.Value as string, /^TLS/);
        await db.query(`CREATE DATABASE m_mysql2_${mode}`);
        await db.query(`USE m_mysql2_${mode}`);
        await db.query(MATRIX_TABLE);
        await run('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', MATRIX_ROW);
        const [[row]] = await run('SELECT * FROM t WHERE id = ?', [1]);
        assert.deepEqual(Object.values(row!), [...MATRIX_ROW]);
        await transactionsAndError(db, run);
      } finally {
        await db.end();
      }
    });
  }

  for (const mode of ['text', 'execute'] as const) {
    it(`the mariadb npm connector with ${mode === 'text' ? 'query() (client-side parameters)' : 'execute() (server-side prepared statements)'}`, async () => {
      // With a CA given and rejectUnauthorized, the connector verifies the chain and then the host name against the
      // certificate (tls.checkServerIdentity) after authentication.
      const options = {
        host: 'localhost', port: server.port, user: 'root', password: '', dateStrings: true, supportBigNumbers: true,
        bigNumberStrings: true, ssl: { ca: await readFile(certs.ca), rejectUnauthorized: true },
      };
      const db = await mariadbConnector.createConnection(options);
      const run: Run = async (sql, params = []) => {
        const result: unknown = mode === 'text' ? await db.query(sql, [...params]) : await db.execute(sql, [...params]);
        return result as Array<Record<string, unknown>>;
      };
      try {
        const [tls] = await db.query<Array<{ Value: string }>>("SHOW SESSION STATUS LIKE 'Ssl_version'");
        assert.match(tls!.Value, /^TLS/);
        await db.query(`CREATE DATABASE m_mariadb_${mode}`);
        await db.query(`USE m_mariadb_${mode}`);
        await db.query(MATRIX_TABLE);
        await run('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', MATRIX_ROW);
        const [row] = await run('SELECT * FROM t WHERE id = ?', [1]);
        assert.deepEqual(Object.values(row!), [...MATRIX_ROW]);
        const count = async (): Promise<number> => Number((await run('SELECT COUNT(*) AS n FROM t'))[0]!.n);
        await db.beginTransaction();
        await run('INSERT INTO t (id) VALUES (?)', [2]);
        await db.rollback();
        assert.equal(await count(), 1);
        await db.beginTransaction();
        await run('INSERT INTO t (id) VALUES (?)', [3]);
        await db.commit();
        assert.equal(await count(), 2);
        await assert.rejects(run('INSERT INTO t (id) VALUES (?)', [1]), (error: { errno?: number; code?: string; sqlState?: string }) =>
          error.errno === 1062 && error.code === 'ER_DUP_ENTRY' && error.sqlState === '23000');
      } finally {
        await db.end();
      }
      // The identity check is real: the same CA with a name the certificate does not carry is refused.
      // (`servername` is passed on to tls.connect and used for the check, though the connector's types omit it.)
      const wrongName = { ...options.ssl, servername: 'not-this-server.invalid' };
      await assert.rejects(
        mariadbConnector.createConnection({ ...options, ssl: wrongName }),
        /certificate identify Error|does not match certificate|altnames/i,
      );
    });
  }

  it('the mariadb CLI (SQL PREPARE / EXECUTE … USING)', async () => {
    const tls = ['--ssl', `--ssl-ca=${certs.ca}`, '--ssl-verify-server-cert', '-h', 'localhost', '--batch', '--skip-column-names', '--binary-mode'];
    const cli = async (sql: string): Promise<string> => {
      const result = await mariadb(server.port, tls, sql);
      assert.equal(result.code, 0, result.stderr);
      return result.stdout;
    };
    assert.match(await cli("SHOW SESSION STATUS LIKE 'Ssl_version'"), /^Ssl_version\tTLS/);
    await cli(`CREATE DATABASE m_cli; USE m_cli; ${MATRIX_TABLE};
      SET @id = 1, @i = -9223372036854775808, @u = 18446744073709551615, @dec = '-12345678901234.123456', @d = 2.5,
          @s = 'héllo ✓ ''q''', @b = X'${MATRIX_BLOB.toString('hex')}', @dt = '2024-02-29', @dtm = '2024-02-29 23:59:58.123456',
          @tm = '12:34:56', @n = NULL;
      PREPARE ins FROM 'INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
      EXECUTE ins USING @id, @i, @u, @dec, @d, @s, @b, @dt, @dtm, @tm, @n;`);
    const text = await cli('SELECT id, i, u, dec_, d, s, HEX(b), dt, dtm, tm, n FROM m_cli.t');
    assert.equal(text, `1\t-9223372036854775808\t18446744073709551615\t-12345678901234.123456\t2.5\théllo ✓ 'q'\t${MATRIX_BLOB.toString('hex').toUpperCase()}\t2024-02-29\t2024-02-29 23:59:58.123456\t12:34:56\tNULL\n`);
    assert.equal(await cli('USE m_cli; BEGIN; INSERT INTO t (id) VALUES (2); ROLLBACK; SELECT COUNT(*) FROM t'), '1\n');
    assert.equal(await cli('USE m_cli; BEGIN; INSERT INTO t (id) VALUES (3); COMMIT; SELECT COUNT(*) FROM t'), '2\n');
    const duplicate = await mariadb(server.port, tls, 'INSERT INTO m_cli.t (id) VALUES (1)');
    assert.notEqual(duplicate.code, 0);
    assert.match(duplicate.stderr, /ERROR 1062 \(23000\)/);
  });
});

async function transactionsAndError(db: Connection, run: (sql: string, params?: readonly unknown[]) => Promise<[RowDataPacket[], unknown]>): Promise<void> {
  const count = async (): Promise<number> => Number((await run('SELECT COUNT(*) AS n FROM t'))[0][0]!.n);
  await db.beginTransaction();
  await run('INSERT INTO t (id) VALUES (?)', [2]);
  await db.rollback();
  assert.equal(await count(), 1);
  await db.beginTransaction();
  await run('INSERT INTO t (id) VALUES (?)', [3]);
  await db.commit();
  assert.equal(await count(), 2);
  await assert.rejects(run('INSERT INTO t (id) VALUES (?)', [1]), (error: { errno?: number }) => error.errno === 1062);
}
