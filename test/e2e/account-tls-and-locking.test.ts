// End-to-end: per-account TLS requirements, require_secure_transport, ACCOUNT LOCK and brute-force lockout.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { makeCertificates, tlsFlags } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { mariadbAs } from './helpers/mariadb-cli.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** Key size for this file's certificates: they test accounts, not key strength. */
const FAST_KEYS = 2048;

const run = promisify(execFile);

async function currentUser(port: number, user: string, password: string, options: Record<string, unknown> = {}): Promise<string> {
  const db = await connect(port, { user, password, ...options });
  try {
    const [[row]] = await db.query<RowDataPacket[]>('SELECT CURRENT_USER() AS u');
    return row!.u as string;
  } finally {
    await db.end();
  }
}

async function assertDenied(port: number, user: string, password: string, options: Record<string, unknown>, code: number, message?: string): Promise<void> {
  await assert.rejects(connect(port, { user, password, ...options }), (error: unknown) => {
    const e = error as { errno?: number; message?: string };
    assert.equal(e.errno, code, `expected ${code}, got ${e.errno}: ${e.message}`);
    if (message !== undefined) assert.equal(e.message, message);
    return true;
  });
}

/** A client certificate signed by the set's CA with the given subject and subjectAltName, made with openssl. */
async function clientCertificateWithSan(certs: CertificateSet, cn: string, san: string): Promise<{ cert: string; key: string }> {
  const key = join(certs.dir, `${cn}-key.pem`);
  const csr = join(certs.dir, `${cn}.csr`);
  const cert = join(certs.dir, `${cn}-cert.pem`);
  const ext = join(certs.dir, `${cn}.ext`);
  await writeFile(ext, `subjectAltName=${san}\nextendedKeyUsage=clientAuth\n`);
  await run('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-subj', `/CN=${cn}`, '-out', csr]);
  await run('openssl', ['x509', '-req', '-in', csr, '-CA', certs.ca, '-CAkey', join(certs.dir, 'ca-key.pem'), '-CAcreateserial', '-days', '2', '-out', cert, '-extfile', ext]);
  return { cert, key };
}

const CA_SUBJECT = '/CN=TidalDB_Auto_Generated_CA_Certificate';
const CLIENT_SUBJECT = '/CN=TidalDB_Auto_Generated_Client_Certificate';

describe('per-account TLS requirements and login protection', () => {
  let certs: CertificateSet;
  let otherCa: CertificateSet;
  let server: TidalProcess;
  let plainServer: TidalProcess;
  let root: Connection;
  let tls: Record<string, unknown>;
  let withCert: Record<string, unknown>;

  before(async () => {
    [certs, otherCa] = await Promise.all([makeCertificates('req', FAST_KEYS), makeCertificates('req-other', FAST_KEYS)]);
    [server, plainServer] = await Promise.all([startTidal({ args: tlsFlags(certs) }), startTidal({ args: ['--auto-tls=false'] })]);
    const ca = await readFile(certs.ca);
    tls = { ssl: { ca } };
    withCert = { ssl: { ca, cert: await readFile(certs.clientCert), key: await readFile(certs.clientKey) } };
    root = await connect(server.port);
    await root.query('CREATE DATABASE keep');
    await root.query("CREATE TABLE keep.t (id INT PRIMARY KEY, v VARCHAR(10))");
    await root.query("INSERT INTO keep.t VALUES (1, 'a'), (2, 'b')");
  });

  after(async () => {
    await root.end();
    await Promise.all([server.stop(), plainServer.stop()]);
    await Promise.all([certs.remove(), otherCa.remove()]);
  });

  it('REQUIRE SSL refuses plain connections with 1045 and admits TLS', async () => {
    await root.query("CREATE USER 'needs_ssl'@'%' IDENTIFIED WITH mysql_native_password BY 'pw' REQUIRE SSL");
    await assertDenied(server.port, 'needs_ssl', 'pw', {}, 1045, "Access denied for user 'needs_ssl'@'127.0.0.1' (using password: YES)");
    assert.equal(await currentUser(server.port, 'needs_ssl', 'pw', tls), 'needs_ssl@%');
    const [[row]] = await root.query<RowDataPacket[]>("SHOW CREATE USER 'needs_ssl'@'%'");
    assert.match(Object.values(row!)[0] as string, / REQUIRE SSL /);
    assert.deepEqual((await root.query<RowDataPacket[]>("SELECT ssl_type FROM mysql.user WHERE User = 'needs_ssl'"))[0].map((r) => String(r.ssl_type)), ['ANY']);
    await root.query("ALTER USER 'needs_ssl'@'%' REQUIRE NONE");
    assert.equal(await currentUser(server.port, 'needs_ssl', 'pw'), 'needs_ssl@%');
  });

  it('REQUIRE X509 needs a verified client certificate', async () => {
    await root.query("CREATE USER 'needs_x509'@'%' IDENTIFIED WITH mysql_native_password BY 'pw' REQUIRE X509");
    await assertDenied(server.port, 'needs_x509', 'pw', {}, 1045);
    await assertDenied(server.port, 'needs_x509', 'pw', tls, 1045);
    assert.equal(await currentUser(server.port, 'needs_x509', 'pw', withCert), 'needs_x509@%');
  });

  it('REQUIRE SUBJECT / ISSUER / CIPHER compare with the certificate and the session, AND-combined', async () => {
    await root.query(`CREATE USER 'subj'@'%' IDENTIFIED WITH mysql_native_password BY 'pw' REQUIRE SUBJECT '${CLIENT_SUBJECT}' AND ISSUER '${CA_SUBJECT}'`);
    await root.query(`CREATE USER 'wrong_subj'@'%' IDENTIFIED WITH mysql_native_password BY 'pw' REQUIRE SUBJECT '/CN=someone-else'`);
    await root.query(`CREATE USER 'wrong_issuer'@'%' IDENTIFIED WITH mysql_native_password BY 'pw' REQUIRE ISSUER '/CN=Another CA'`);
    assert.equal(await currentUser(server.port, 'subj', 'pw', withCert), 'subj@%');
    await assertDenied(server.port, 'subj', 'pw', tls, 1045);
    await assertDenied(server.port, 'wrong_subj', 'pw', withCert, 1045);
    await assertDenied(server.port, 'wrong_issuer', 'pw', withCert, 1045);
    const [[row]] = await root.query<RowDataPacket[]>("SHOW CREATE USER 'subj'@'%'");
    assert.match(Object.values(row!)[0] as string, new RegExp(` REQUIRE ISSUER '${CA_SUBJECT}' AND SUBJECT '${CLIENT_SUBJECT}' `.replace(/\//g, '\\/')));

    await root.query("CREATE USER 'cipher13'@'%' IDENTIFIED WITH mysql_native_password BY 'pw' REQUIRE CIPHER 'TLS_AES_256_GCM_SHA384'");
    await root.query("CREATE USER 'cipher12'@'%' IDENTIFIED WITH mysql_native_password BY 'pw' REQUIRE CIPHER 'ECDHE-RSA-AES128-GCM-SHA256'");
    assert.equal(await currentUser(server.port, 'cipher13', 'pw', withCert), 'cipher13@%');
    await assertDenied(server.port, 'cipher12', 'pw', withCert, 1045);
  });

  it('REQUIRE SAN needs every listed subjectAltName entry (TiDB)', async () => {
    const client = await clientCertificateWithSan(certs, 'san-client', 'URI:spiffe://tidal/app,DNS:app.example');
    const sanOptions = { ssl: { ca: await readFile(certs.ca), cert: await readFile(client.cert), key: await readFile(client.key) } };
    await root.query("CREATE USER 'san_ok'@'%' IDENTIFIED WITH mysql_native_password BY 'pw' REQUIRE SAN 'URI:spiffe://tidal/app, DNS:app.example'");
    await root.query("CREATE USER 'san_bad'@'%' IDENTIFIED WITH mysql_native_password BY 'pw' REQUIRE SAN 'URI:spiffe://tidal/other'");
    assert.equal(await currentUser(server.port, 'san_ok', 'pw', sanOptions), 'san_ok@%');
    await assertDenied(server.port, 'san_ok', 'pw', withCert, 1045);
    await assertDenied(server.port, 'san_bad', 'pw', sanOptions, 1045);
  });

  it('the mariadb CLI meets or misses the requirements the same way', async () => {
    const plain = await mariadbAs(server.port, 'needs_x509', 'pw', ['--ssl=0', '-e', 'SELECT 1']);
    assert.match(plain.stderr, /ERROR 1045 \(28000\)/);
    const noCert = await mariadbAs(server.port, 'needs_x509', 'pw', ['--ssl', `--ssl-ca=${certs.ca}`, '-e', 'SELECT 1']);
    assert.match(noCert.stderr, /ERROR 1045 \(28000\)/);
    const ok = await mariadbAs(server.port, 'subj', 'pw', ['--ssl', `--ssl-ca=${certs.ca}`, `--ssl-cert=${certs.clientCert}`, `--ssl-key=${certs.clientKey}`, '-N', '-e', 'SELECT CURRENT_USER()']);
    assert.equal(ok.stdout.trim(), 'subj@%', ok.stderr);
  });

  it('require_secure_transport: SET GLOBAL turns plain logins into 3159; refused without TLS (3160)', async () => {
    await root.query('SET GLOBAL require_secure_transport = ON');
    try {
      await assertDenied(server.port, 'root', '', {}, 3159, 'Connections using insecure transport are prohibited while --require_secure_transport=ON.');
      const cli = await mariadbAs(server.port, 'root', '', ['--ssl=0', '-e', 'SELECT 1']);
      assert.match(cli.stderr, /ERROR 3159 \(HY000\)/);
      assert.equal(await currentUser(server.port, 'root', '', tls), 'root@%');
    } finally {
      await root.query('SET GLOBAL require_secure_transport = OFF');
    }
    assert.equal(await currentUser(server.port, 'root', ''), 'root@%');
    const plainRoot = await connect(plainServer.port);
    try {
      await assertSqlError(plainRoot, 'SET GLOBAL require_secure_transport = ON', 3160);
    } finally {
      await plainRoot.end();
    }
  });

  it('require-secure-transport in the configuration applies from the start', async () => {
    const strict = await startTidal({ args: [...tlsFlags(certs), '--require-secure-transport'] });
    try {
      await assertDenied(strict.port, 'root', '', {}, 3159);
      assert.equal(await currentUser(strict.port, 'root', '', tls), 'root@%');
    } finally {
      await strict.stop();
    }
  });

  it('ACCOUNT LOCK refuses the right password with 3118 (a wrong one still gets 1045) until UNLOCK', async () => {
    await root.query("CREATE USER 'locked'@'%' IDENTIFIED WITH mysql_native_password BY 'pw' ACCOUNT LOCK");
    await assertDenied(server.port, 'locked', 'pw', {}, 3118, "Access denied for user 'locked'@'%'. Account is locked.");
    await assertDenied(server.port, 'locked', 'nope', {}, 1045);
    const cli = await mariadbAs(server.port, 'locked', 'pw', ['-e', 'SELECT 1']);
    assert.match(cli.stderr, /ERROR 3118 \(HY000\)/);
    await root.query("ALTER USER 'locked'@'%' ACCOUNT UNLOCK");
    assert.equal(await currentUser(server.port, 'locked', 'pw'), 'locked@%');
    await root.query("ALTER USER 'locked'@'%' ACCOUNT LOCK");
    await assertDenied(server.port, 'locked', 'pw', {}, 3118);
  });

  it('FAILED_LOGIN_ATTEMPTS / PASSWORD_LOCK_TIME block brute force with 3955, even for the right password', async () => {
    await root.query("CREATE USER 'guarded'@'%' IDENTIFIED WITH mysql_native_password BY 'right' FAILED_LOGIN_ATTEMPTS 2 PASSWORD_LOCK_TIME 3");
    await assertDenied(server.port, 'guarded', 'guess1', {}, 1045);
    const blocked = "Access denied for user 'guarded'@'%'. Account is blocked for 3 day(s) (3 day(s) remaining) due to 2 consecutive failed logins.";
    await assertDenied(server.port, 'guarded', 'guess2', {}, 3955, blocked);
    await assertDenied(server.port, 'guarded', 'right', {}, 3955, blocked);
    const cli = await mariadbAs(server.port, 'guarded', 'right', ['-e', 'SELECT 1']);
    assert.match(cli.stderr, /ERROR 3955 \(HY000\)/);
    const [[row]] = await root.query<RowDataPacket[]>("SHOW CREATE USER 'guarded'@'%'");
    assert.match(Object.values(row!)[0] as string, / FAILED_LOGIN_ATTEMPTS 2 PASSWORD_LOCK_TIME 3 /);
    await root.query("ALTER USER 'guarded'@'%' ACCOUNT UNLOCK");
    assert.equal(await currentUser(server.port, 'guarded', 'right'), 'guarded@%');
    // A success resets the count: one more failure does not block.
    await assertDenied(server.port, 'guarded', 'guess3', {}, 1045);
    assert.equal(await currentUser(server.port, 'guarded', 'right'), 'guarded@%');

    await root.query("CREATE USER 'forever'@'%' IDENTIFIED WITH mysql_native_password BY 'right' FAILED_LOGIN_ATTEMPTS 1 PASSWORD_LOCK_TIME UNBOUNDED");
    await assertDenied(server.port, 'forever', 'nope', {}, 3955, "Access denied for user 'forever'@'%'. Account is blocked for unlimited day(s) (unlimited day(s) remaining) due to 1 consecutive failed logins.");
  });

  it('leaves rows written by other accounts untouched by all these failures', async () => {
    const [rows] = await root.query<RowDataPacket[]>('SELECT id, v FROM keep.t ORDER BY id');
    assert.deepEqual(rows.map((r) => ({ ...r })), [{ id: 1, v: 'a' }, { id: 2, v: 'b' }]);
  });
});
