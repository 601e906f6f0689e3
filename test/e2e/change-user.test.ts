// End-to-end: COM_CHANGE_USER re-authenticates with the login's rules (plugins, TLS requirements, locks) via mysql2.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { makeCertificates, tlsFlags } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** Key size for this file's certificates: they test accounts, not key strength. */
const FAST_KEYS = 2048;

async function whoAmI(db: Connection): Promise<Record<string, unknown>> {
  const [[row]] = await db.query<RowDataPacket[]>('SELECT CURRENT_USER() AS account, USER() AS user, DATABASE() AS db, @marker AS marker');
  return { ...row };
}

async function assertChangeRefused(db: Connection, options: { user: string; password: string }, code: number): Promise<void> {
  db.on('error', () => undefined);
  await assert.rejects(db.changeUser(options), (error: unknown) => {
    const e = error as { errno?: number; message?: string };
    assert.equal(e.errno, code, `expected ${code}, got ${e.errno}: ${e.message}`);
    return true;
  });
  // MySQL closes the connection after a refused COM_CHANGE_USER.
  await assert.rejects(db.query('SELECT 1'));
}

describe('COM_CHANGE_USER', () => {
  let certs: CertificateSet;
  let server: TidalProcess;
  let ca: Buffer;

  before(async () => {
    certs = await makeCertificates('change-user', FAST_KEYS);
    ca = await readFile(certs.ca);
    server = await startTidal({ args: tlsFlags(certs) });
    const root = await connect(server.port);
    await root.query('CREATE DATABASE cu_db');
    await root.query("CREATE USER 'native'@'%' IDENTIFIED WITH mysql_native_password BY 'native-pw'");
    await root.query("GRANT SELECT ON cu_db.* TO 'native'@'%'");
    await root.query("CREATE USER 'sha'@'%' IDENTIFIED BY 'sha-pw'");
    await root.query("CREATE USER 'tls_only'@'%' IDENTIFIED WITH mysql_native_password BY 'tls-pw' REQUIRE SSL");
    await root.query("CREATE USER 'locked'@'%' IDENTIFIED WITH mysql_native_password BY 'locked-pw' ACCOUNT LOCK");
    await root.end();
  });

  after(async () => {
    await server.stop();
    await certs.remove();
  });

  it('switches to another account with a fresh session', async () => {
    const db = await connect(server.port);
    try {
      await db.query("SET @marker = 'root-session'");
      await db.changeUser({ user: 'native', password: 'native-pw', database: 'cu_db' });
      assert.deepEqual(await whoAmI(db), { account: 'native@%', user: 'native@127.0.0.1', db: 'cu_db', marker: null });
    } finally {
      await db.end();
    }
  });

  it('runs caching_sha2_password full authentication inside TLS', async () => {
    const db = await connect(server.port, { ssl: { ca } });
    try {
      await db.changeUser({ user: 'sha', password: 'sha-pw' });
      assert.equal((await whoAmI(db)).account, 'sha@%');
    } finally {
      await db.end();
    }
  });

  it('enforces REQUIRE SSL: refused on a plain connection, admitted on a TLS one', async () => {
    await assertChangeRefused(await connect(server.port), { user: 'tls_only', password: 'tls-pw' }, 1045);
    const db = await connect(server.port, { ssl: { ca } });
    try {
      await db.changeUser({ user: 'tls_only', password: 'tls-pw' });
      assert.equal((await whoAmI(db)).account, 'tls_only@%');
    } finally {
      await db.end();
    }
  });

  it('refuses a wrong password (1045) and a locked account (3118), closing the connection', async () => {
    await assertChangeRefused(await connect(server.port), { user: 'native', password: 'wrong' }, 1045);
    await assertChangeRefused(await connect(server.port), { user: 'locked', password: 'locked-pw' }, 3118);
  });

  it('checks the new account\'s privileges from the next statement on', async () => {
    const db = await connect(server.port);
    try {
      await db.query('CREATE TABLE cu_db.t (id INT PRIMARY KEY)');
      await db.changeUser({ user: 'native', password: 'native-pw' });
      await assert.rejects(db.query('INSERT INTO cu_db.t VALUES (1)'), (error: { errno?: number }) => error.errno === 1142);
      const [rows] = await db.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM cu_db.t');
      assert.equal(rows[0]!.n, 0);
    } finally {
      await db.end();
    }
  });
});
