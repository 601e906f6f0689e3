// End-to-end: encrypted private keys (PKCS#8 and traditional PEM) with ssl-key-password / ssl-key-password-file.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { makeCertificates } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { sClient } from './helpers/openssl-client.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { SERVER_BIN, startTidal, tempDir } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const run = promisify(execFile);

/** Encrypts `key` with `passphrase` into `out`: PKCS#8 (`ENCRYPTED PRIVATE KEY`) or traditional (`Proc-Type: 4,ENCRYPTED`). */
async function encryptKey(key: string, out: string, passphrase: string, format: 'pkcs8' | 'traditional'): Promise<string> {
  const args = format === 'pkcs8'
    ? ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', key, '-passout', `pass:${passphrase}`, '-out', out]
    : ['rsa', '-traditional', '-aes256', '-in', key, '-passout', `pass:${passphrase}`, '-out', out];
  await run('openssl', args);
  return out;
}

async function canConnectVerified(port: number, ca: Buffer): Promise<boolean> {
  try {
    const db = await connect(port, { ssl: { ca, rejectUnauthorized: true } });
    await db.end();
    return true;
  } catch {
    return false;
  }
}

describe('encrypted private keys', () => {
  let certs: CertificateSet;
  let other: CertificateSet;
  let ca: Buffer;
  let pkcs8: string;
  let traditional: string;
  let passwordFile: string;
  const servers: TidalProcess[] = [];

  before(async () => {
    [certs, other] = await Promise.all([makeCertificates('keypass'), makeCertificates('keypass-other')]);
    ca = await readFile(certs.ca);
    pkcs8 = await encryptKey(certs.serverKey, join(certs.dir, 'key-pkcs8.pem'), 's3cret', 'pkcs8');
    traditional = await encryptKey(certs.serverKey, join(certs.dir, 'key-traditional.pem'), 's3cret', 'traditional');
    passwordFile = join(certs.dir, 'key-password.txt');
    await writeFile(passwordFile, 's3cret\n', { mode: 0o600 });
    assert.match(await readFile(pkcs8, 'utf8'), /BEGIN ENCRYPTED PRIVATE KEY/);
    assert.match(await readFile(traditional, 'utf8'), /Proc-Type: 4,ENCRYPTED/);
  });

  after(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all([certs.remove(), other.remove()]);
  });

  async function start(args: string[]): Promise<TidalProcess> {
    const server = await startTidal({ args: ['--ssl-cert', certs.serverCert, ...args] });
    servers.push(server);
    return server;
  }

  it('loads a PKCS#8 encrypted key with ssl-key-password-file', async () => {
    const server = await start(['--ssl-key', pkcs8, '--ssl-key-password-file', passwordFile]);
    assert.ok(server.logs.some((line) => line.includes('Secure connection is enabled') && line.includes('"isKeyEncrypted":true')), server.logs.join('\n'));
    assert.ok(await canConnectVerified(server.port, ca));
  });

  it('loads a traditional encrypted PEM key with ssl-key-password (mariadb CLI verifying the server)', async () => {
    const server = await start(['--ssl-key', traditional, '--ssl-key-password', 's3cret']);
    const cli = await mariadb(server.port, ['--ssl-ca', certs.ca, '--ssl-verify-server-cert', '-e', "SHOW STATUS LIKE 'Ssl_version'"]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /TLSv1\.3/);
  });

  it('starts without TLS, saying why, on a wrong passphrase or none', async () => {
    const wrongFile = join(certs.dir, 'wrong-password.txt');
    await writeFile(wrongFile, 'not-it\n');
    const wrong = await start(['--ssl-key', pkcs8, '--ssl-key-password-file', wrongFile]);
    assert.ok(
      wrong.logs.some((line) => line.includes('Secure connection is NOT ENABLED: cannot decrypt private key file') && line.includes('wrong passphrase')),
      wrong.logs.join('\n'),
    );
    await assert.rejects(connect(wrong.port, { ssl: { ca } }), /does not support secure connection/);
    const cli = await mariadb(wrong.port, ['--ssl-ca', certs.ca, '--ssl-verify-server-cert', '-e', 'SELECT 1']);
    assert.match(cli.stderr, /ERROR 2026 \(HY000\): TLS\/SSL error: SSL is required, but the server does not support it/);
    const s = await sClient(wrong.port);
    assert.equal(s.cipher, undefined, s.output);
    const none = await start(['--ssl-key', traditional]);
    assert.ok(none.logs.some((line) => line.includes('is encrypted: set ssl-key-password-file (or ssl-key-password) to its passphrase')), none.logs.join('\n'));
  });

  it('refuses both settings at once in one line', async () => {
    const dir = await tempDir('keypass-both');
    try {
      const stderr = await new Promise<string>((resolve) => {
        execFile(process.execPath, [SERVER_BIN, '--port', '0', '--path', dir.path, '--ssl-key-password', 'x', '--ssl-key-password-file', passwordFile], (_error, _stdout, text) => resolve(text));
      });
      assert.equal(stderr.trim(), 'tidal-server: set ssl-key-password or ssl-key-password-file, not both');
    } finally {
      await dir.remove();
    }
  });

  it('reads the password file again on ALTER INSTANCE RELOAD TLS, so key and passphrase rotate together', async () => {
    const live = await tempDir('keypass-live');
    try {
      const cert = join(live.path, 'cert.pem');
      const key = join(live.path, 'key.pem');
      const password = join(live.path, 'password');
      await copyFile(certs.serverCert, cert);
      await copyFile(pkcs8, key);
      await writeFile(password, 's3cret\n');
      const server = await startTidal({ args: ['--ssl-cert', cert, '--ssl-key', key, '--ssl-key-password-file', password] });
      servers.push(server);
      assert.ok(await canConnectVerified(server.port, ca));
      await encryptKey(other.serverKey, join(live.path, 'next-key.pem'), 'n3w-pass', 'pkcs8');
      await copyFile(join(live.path, 'next-key.pem'), key);
      await copyFile(other.serverCert, cert);
      // The new key with the old passphrase: the reload fails (3888) and the old material stays in force.
      const db = await connect(server.port);
      await assertSqlError(db, 'ALTER INSTANCE RELOAD TLS', 3888, /^Failed to set up SSL because of the following SSL library error: cannot decrypt private key file .*key\.pem.*wrong passphrase/);
      assert.ok(await canConnectVerified(server.port, ca));
      await writeFile(password, 'n3w-pass\n');
      await db.query('ALTER INSTANCE RELOAD TLS');
      await db.end();
      assert.ok(await canConnectVerified(server.port, await readFile(other.ca)));
    } finally {
      await live.remove();
    }
  });
});
