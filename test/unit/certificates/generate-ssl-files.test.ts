// generateSslFiles: the eight mysql_ssl_rsa_setup files, their X.509 contents and modes, and the keep/force rules.
import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CERTIFICATE_NAMES, SSL_FILE_NAMES, SslSetupError, generateSslFiles } from '../../../src/certificates/index.js';
import type { SslSetupSummary } from '../../../src/certificates/index.js';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const DAY_MS = 86_400_000;
const KEY_FILES = [
  SSL_FILE_NAMES.caKey,
  SSL_FILE_NAMES.serverKey,
  SSL_FILE_NAMES.clientKey,
  SSL_FILE_NAMES.rsaPrivateKey,
];
const PUBLIC_FILES = [
  SSL_FILE_NAMES.caCert,
  SSL_FILE_NAMES.serverCert,
  SSL_FILE_NAMES.clientCert,
  SSL_FILE_NAMES.rsaPublicKey,
];

let root: string;
let dir: string;
let first: SslSetupSummary;

async function certificate(directory: string, name: string): Promise<X509Certificate> {
  return new X509Certificate(await readFile(join(directory, name)));
}

async function contents(directory: string): Promise<Map<string, string>> {
  const entries = await Promise.all(
    Object.values(SSL_FILE_NAMES).map(async (name) => [name, await readFile(join(directory, name), 'utf8')] as const),
  );
  return new Map(entries);
}

function actions(summary: SslSetupSummary): Record<string, string> {
  return Object.fromEntries(summary.files.map((file) => [file.name, file.action]));
}

void describe('generateSslFiles', () => {
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tidal-ssl-unit-'));
    dir = join(root, 'fresh', 'nested');
    first = await generateSslFiles({ datadir: dir, hostName: 'db1.example.test' });
  });
  after(() => rm(root, { recursive: true, force: true }));

  void it('creates the directory and writes all eight files', () => {
    assert.equal(first.isDirectoryCreated, true);
    assert.equal(first.datadir, dir);
    assert.deepEqual(first.notes, []);
    assert.deepEqual(Object.values(actions(first)), Array(8).fill('written'));
    assert.deepEqual(new Set(first.files.map((file) => file.name)), new Set(Object.values(SSL_FILE_NAMES)));
    for (const file of first.files) assert.equal(file.path, join(dir, file.name));
  });

  void it('gives private keys mode 0600 and certificates and the public key 0644', async () => {
    for (const name of KEY_FILES) assert.equal((await stat(join(dir, name))).mode & 0o777, 0o600, name);
    for (const name of PUBLIC_FILES) assert.equal((await stat(join(dir, name))).mode & 0o777, 0o644, name);
  });

  void it('makes a self-signed CA that signs the server and client certificates', async () => {
    const ca = await certificate(dir, SSL_FILE_NAMES.caCert);
    const server = await certificate(dir, SSL_FILE_NAMES.serverCert);
    const client = await certificate(dir, SSL_FILE_NAMES.clientCert);
    assert.equal(ca.ca, true);
    assert.equal(ca.subject, `CN=${CERTIFICATE_NAMES.ca}`);
    assert.equal(ca.checkIssued(ca), true);
    assert.equal(ca.verify(ca.publicKey), true);
    for (const leaf of [server, client]) {
      assert.equal(leaf.ca, false);
      assert.equal(leaf.checkIssued(ca), true);
      assert.equal(leaf.verify(ca.publicKey), true);
    }
    assert.equal(server.subject, `CN=${CERTIFICATE_NAMES.server}`);
    assert.equal(client.subject, `CN=${CERTIFICATE_NAMES.client}`);
    assert.equal(new Set([ca.serialNumber, server.serialNumber, client.serialNumber]).size, 3);
  });

  void it('limits the leaves to their roles and names the server by SANs', async () => {
    const server = await certificate(dir, SSL_FILE_NAMES.serverCert);
    const client = await certificate(dir, SSL_FILE_NAMES.clientCert);
    assert.deepEqual(server.keyUsage, [SERVER_AUTH]);
    assert.deepEqual(client.keyUsage, [CLIENT_AUTH]);
    assert.equal(
      server.subjectAltName,
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:db1.example.test',
    );
    assert.equal(server.checkHost('localhost'), 'localhost');
    assert.equal(server.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(server.checkIP('::1'), '::1');
    assert.equal(server.checkHost('db1.example.test'), 'db1.example.test');
    assert.equal(client.subjectAltName, undefined);
  });

  void it('makes certificates valid from now for ten years', async () => {
    const server = await certificate(dir, SSL_FILE_NAMES.serverCert);
    const from = Date.parse(server.validFrom);
    const to = Date.parse(server.validTo);
    assert.ok(Math.abs(from - Date.now()) < 5 * 60_000, server.validFrom);
    assert.equal(Math.round((to - from) / DAY_MS), 3650);
  });

  void it('writes PKCS#8 private keys that match their certificates, and an SPKI public key', async () => {
    for (const name of KEY_FILES) {
      const text = await readFile(join(dir, name), 'utf8');
      assert.match(text, /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/, name);
      const key = createPrivateKey(text);
      assert.equal(key.asymmetricKeyType, 'rsa');
      assert.equal(key.asymmetricKeyDetails?.modulusLength, 2048);
    }
    const pairs = [
      [SSL_FILE_NAMES.caCert, SSL_FILE_NAMES.caKey],
      [SSL_FILE_NAMES.serverCert, SSL_FILE_NAMES.serverKey],
      [SSL_FILE_NAMES.clientCert, SSL_FILE_NAMES.clientKey],
    ] as const;
    for (const [cert, key] of pairs) {
      assert.equal(
        (await certificate(dir, cert)).checkPrivateKey(createPrivateKey(await readFile(join(dir, key)))),
        true,
        cert,
      );
    }
    const publicPem = await readFile(join(dir, SSL_FILE_NAMES.rsaPublicKey), 'utf8');
    assert.match(publicPem, /^-----BEGIN PUBLIC KEY-----\n/);
    const derived = createPublicKey(createPrivateKey(await readFile(join(dir, SSL_FILE_NAMES.rsaPrivateKey)))).export({
      type: 'spki',
      format: 'pem',
    });
    assert.equal(derived, publicPem);
  });

  void it('keeps every existing file on a second run', async () => {
    const before = await contents(dir);
    const again = await generateSslFiles({ datadir: dir });
    assert.equal(again.isDirectoryCreated, false);
    assert.deepEqual(Object.values(actions(again)), Array(8).fill('kept'));
    assert.deepEqual(again.notes, []);
    assert.deepEqual(await contents(dir), before);
  });

  void it('creates nothing of a set when some of it exists, as mysql_ssl_rsa_setup, and says so', async () => {
    const partial = join(root, 'partial');
    await cp(dir, partial, { recursive: true });
    await rm(join(partial, SSL_FILE_NAMES.serverKey));
    await rm(join(partial, SSL_FILE_NAMES.rsaPublicKey));
    const summary = await generateSslFiles({ datadir: partial });
    const result = actions(summary);
    assert.equal(result[SSL_FILE_NAMES.serverKey], 'missing');
    assert.equal(result[SSL_FILE_NAMES.rsaPublicKey], 'missing');
    assert.equal(result[SSL_FILE_NAMES.caCert], 'kept');
    assert.equal(result[SSL_FILE_NAMES.rsaPrivateKey], 'kept');
    assert.equal(summary.notes.length, 2);
    assert.match(
      summary.notes[0]!,
      /^SSL files incomplete: ca\.pem, server-cert\.pem exist but server-key\.pem is missing; like mysql_ssl_rsa_setup/,
    );
    assert.match(summary.notes[1]!, /^RSA files incomplete: private_key\.pem exists but public_key\.pem is missing/);
    await assert.rejects(stat(join(partial, SSL_FILE_NAMES.serverKey)), { code: 'ENOENT' });
  });

  void it('replaces leftover client or CA-key files when none of ca.pem, server-cert.pem, server-key.pem exists', async () => {
    const stray = join(root, 'stray');
    await cp(dir, stray, { recursive: true });
    for (const name of [SSL_FILE_NAMES.caCert, SSL_FILE_NAMES.serverCert, SSL_FILE_NAMES.serverKey])
      await rm(join(stray, name));
    const oldClient = await readFile(join(stray, SSL_FILE_NAMES.clientCert), 'utf8');
    const summary = await generateSslFiles({ datadir: stray });
    const result = actions(summary);
    assert.equal(result[SSL_FILE_NAMES.caCert], 'written');
    assert.equal(result[SSL_FILE_NAMES.clientCert], 'replaced');
    assert.equal(result[SSL_FILE_NAMES.caKey], 'replaced');
    assert.equal(result[SSL_FILE_NAMES.rsaPrivateKey], 'kept');
    assert.notEqual(await readFile(join(stray, SSL_FILE_NAMES.clientCert), 'utf8'), oldClient);
    const ca = await certificate(stray, SSL_FILE_NAMES.caCert);
    assert.equal((await certificate(stray, SSL_FILE_NAMES.clientCert)).verify(ca.publicKey), true);
  });

  void it('replaces all eight files with force, restoring key modes', async () => {
    const forced = join(root, 'forced');
    await cp(dir, forced, { recursive: true });
    await chmod(join(forced, SSL_FILE_NAMES.serverKey), 0o644);
    const before = await contents(forced);
    const summary = await generateSslFiles({ datadir: forced, force: true });
    assert.deepEqual(Object.values(actions(summary)), Array(8).fill('replaced'));
    const after = await contents(forced);
    for (const name of Object.values(SSL_FILE_NAMES)) assert.notEqual(after.get(name), before.get(name), name);
    assert.equal((await stat(join(forced, SSL_FILE_NAMES.serverKey))).mode & 0o777, 0o600);
  });

  void it('refuses a key size out of range and a path that is not a directory, in one line', async () => {
    await assert.rejects(generateSslFiles({ datadir: join(root, 'small'), rsaKeySize: 1024 }), (error: unknown) => {
      assert.ok(error instanceof SslSetupError);
      assert.equal(error.message, 'RSA key size must be an integer from 2048 to 16384 bits, got 1024');
      return true;
    });
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    await assert.rejects(generateSslFiles({ datadir: file }), {
      name: 'SslSetupError',
      message: `${file} is not a directory`,
    });
    await assert.rejects(generateSslFiles({ datadir: join(file, 'below') }), {
      name: 'SslSetupError',
      message: `cannot create directory ${join(file, 'below')}: a parent of it is not a directory (ENOTDIR)`,
    });
  });
});
