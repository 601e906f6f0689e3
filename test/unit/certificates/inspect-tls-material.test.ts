// inspectTlsMaterial: valid material, and one distinct one-line reason for each way TLS files can be wrong.
import assert from 'node:assert/strict';
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ENCRYPTED_KEY_REASON,
  SSL_FILE_NAMES,
  generateSslFiles,
  inspectTlsMaterial,
} from '../../../src/certificates/index.js';
import type { TlsMaterialPaths } from '../../../src/certificates/index.js';

let root: string;
let setA: string;
let setB: string;
/** Writes `content` to a file in the temporary root and returns its path. */
let file: (name: string, content: string | Buffer) => Promise<string>;

function pathsOf(dir: string, withCa = true): TlsMaterialPaths {
  return {
    cert: join(dir, SSL_FILE_NAMES.serverCert),
    key: join(dir, SSL_FILE_NAMES.serverKey),
    ...(withCa ? { ca: join(dir, SSL_FILE_NAMES.caCert) } : {}),
  };
}

function reasonOf(paths: TlsMaterialPaths, now?: Date): string {
  const result = inspectTlsMaterial(paths, now);
  assert.equal(result.ok, false, 'expected the material to be refused');
  return result.ok ? '' : result.reason;
}

function encryptedKey(type: 'pkcs8' | 'pkcs1'): string {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type, format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' },
  }).privateKey;
}

void describe('inspectTlsMaterial', () => {
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tidal-inspect-'));
    setA = join(root, 'a');
    setB = join(root, 'b');
    await Promise.all([generateSslFiles({ datadir: setA }), generateSslFiles({ datadir: setB })]);
    file = async (name, content) => {
      const path = join(root, name);
      await writeFile(path, content);
      return path;
    };
  });
  after(() => rm(root, { recursive: true, force: true }));

  void it('accepts generated material and describes the server certificate', async () => {
    const result = inspectTlsMaterial(pathsOf(setA));
    assert.ok(result.ok);
    const certPem = await readFile(join(setA, SSL_FILE_NAMES.serverCert));
    const parsed = new X509Certificate(certPem);
    assert.deepEqual(result.secureContextOptions.cert, certPem);
    assert.deepEqual(result.secureContextOptions.key, await readFile(join(setA, SSL_FILE_NAMES.serverKey)));
    assert.deepEqual(result.secureContextOptions.ca, await readFile(join(setA, SSL_FILE_NAMES.caCert)));
    assert.equal(result.certificate.subject, 'CN=TidalDB_Auto_Generated_Server_Certificate');
    assert.equal(result.certificate.issuer, 'CN=TidalDB_Auto_Generated_CA_Certificate');
    assert.equal(result.certificate.fingerprint256, parsed.fingerprint256);
    assert.ok(result.certificate.notBefore instanceof Date);
    assert.equal(result.certificate.notBefore.getTime(), Date.parse(parsed.validFrom));
    assert.equal(result.certificate.notAfter.getTime(), Date.parse(parsed.validTo));
    assert.equal(result.caCertificates.length, 1);
    assert.equal(result.caCertificates[0]?.isCa, true);
    assert.deepEqual(result.warnings, []);
  });

  void it('accepts material without a CA, an empty ca path meaning none', () => {
    for (const ca of [undefined, '']) {
      const result = inspectTlsMaterial({ ...pathsOf(setA, false), ca });
      assert.ok(result.ok);
      assert.equal(result.secureContextOptions.ca, undefined);
      assert.deepEqual(result.caCertificates, []);
    }
  });

  void it('names a missing or unreadable file and why', async () => {
    const missing = join(root, 'nope.pem');
    assert.equal(
      reasonOf({ ...pathsOf(setA), cert: missing }),
      `cannot read certificate file ${missing}: no such file or directory (ENOENT)`,
    );
    assert.equal(
      reasonOf({ ...pathsOf(setA), key: missing }),
      `cannot read private key file ${missing}: no such file or directory (ENOENT)`,
    );
    assert.equal(
      reasonOf({ ...pathsOf(setA), ca: missing }),
      `cannot read CA file ${missing}: no such file or directory (ENOENT)`,
    );
    const directory = join(root, 'a-directory.pem');
    await mkdir(directory);
    assert.equal(
      reasonOf({ ...pathsOf(setA), cert: directory }),
      `cannot read certificate file ${directory}: is a directory (EISDIR)`,
    );
  });

  void it('says when only one of certificate and key is set', () => {
    assert.match(reasonOf({ ...pathsOf(setA), key: '' }), /^no private key file is set/);
    assert.match(reasonOf({ ...pathsOf(setA), cert: '' }), /^no certificate file is set/);
  });

  void it('tells a file that is not PEM, or empty, from one holding the wrong thing', async () => {
    const garbage = await file('garbage.pem', 'this is not a certificate\n');
    const empty = await file('empty.pem', '');
    const der = await file('cert.der', new X509Certificate(await readFile(join(setA, SSL_FILE_NAMES.serverCert))).raw);
    assert.match(reasonOf({ ...pathsOf(setA), cert: garbage }), new RegExp(`^certificate file ${garbage} is not PEM`));
    assert.match(reasonOf({ ...pathsOf(setA), cert: der }), new RegExp(`^certificate file ${der} is not PEM`));
    assert.equal(reasonOf({ ...pathsOf(setA), cert: empty }), `certificate file ${empty} is empty`);
    const swapped = { cert: join(setA, SSL_FILE_NAMES.serverKey), key: join(setA, SSL_FILE_NAMES.serverCert) };
    assert.equal(
      reasonOf(swapped),
      `certificate file ${swapped.cert} holds no certificate (found "PRIVATE KEY"); are ssl-cert and ssl-key swapped?`,
    );
    assert.equal(
      reasonOf({ ...pathsOf(setA), key: join(setA, SSL_FILE_NAMES.caCert) }),
      `private key file ${join(setA, SSL_FILE_NAMES.caCert)} holds no private key (found "CERTIFICATE"); are ssl-cert and ssl-key swapped?`,
    );
    assert.match(reasonOf({ ...pathsOf(setA), key: garbage }), new RegExp(`^private key file ${garbage} is not PEM`));
  });

  void it('refuses a CERTIFICATE block that does not parse', async () => {
    const broken = await file(
      'broken-cert.pem',
      '-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n',
    );
    assert.equal(
      reasonOf({ ...pathsOf(setA), cert: broken }),
      `certificate file ${broken} has a CERTIFICATE block that is not a valid X.509 certificate`,
    );
    const brokenKey = await file(
      'broken-key.pem',
      '-----BEGIN PRIVATE KEY-----\nTm90IGEga2V5\n-----END PRIVATE KEY-----\n',
    );
    assert.equal(
      reasonOf({ ...pathsOf(setA), key: brokenKey }),
      `private key file ${brokenKey} holds a PRIVATE KEY block that is not a valid private key`,
    );
  });

  void it('refuses a key that belongs to another certificate', () => {
    const key = join(setB, SSL_FILE_NAMES.serverKey);
    assert.equal(
      reasonOf({ ...pathsOf(setA), key }),
      `private key ${key} does not match the certificate in ${join(setA, SSL_FILE_NAMES.serverCert)}`,
    );
  });

  void it('refuses password-protected keys without a passphrase, PKCS#8 and legacy PKCS#1 alike', async () => {
    for (const type of ['pkcs8', 'pkcs1'] as const) {
      const key = await file(`encrypted-${type}.pem`, encryptedKey(type));
      assert.equal(
        reasonOf({ ...pathsOf(setA), key }),
        `private key file ${key} is encrypted: ${ENCRYPTED_KEY_REASON}`,
      );
    }
    assert.equal(ENCRYPTED_KEY_REASON, 'set ssl-key-password-file (or ssl-key-password) to its passphrase');
  });

  void it('refuses an invalid CA file', async () => {
    const garbage = await file('ca-garbage.pem', 'garbage');
    const keyOnly = join(setA, SSL_FILE_NAMES.caKey);
    const broken = await file(
      'ca-broken.pem',
      `${await readFile(join(setA, SSL_FILE_NAMES.caCert), 'utf8')}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`,
    );
    assert.match(reasonOf({ ...pathsOf(setA), ca: garbage }), new RegExp(`^CA file ${garbage} is not PEM`));
    assert.equal(
      reasonOf({ ...pathsOf(setA), ca: keyOnly }),
      `CA file ${keyOnly} holds no certificate (found "PRIVATE KEY")`,
    );
    assert.equal(
      reasonOf({ ...pathsOf(setA), ca: broken }),
      `CA file ${broken} (certificate 2) has a CERTIFICATE block that is not a valid X.509 certificate`,
    );
  });

  void it('accepts a CA bundle of several certificates', async () => {
    const bundle = await file(
      'bundle.pem',
      `${await readFile(join(setA, SSL_FILE_NAMES.caCert), 'utf8')}${await readFile(join(setB, SSL_FILE_NAMES.caCert), 'utf8')}`,
    );
    const result = inspectTlsMaterial({ ...pathsOf(setA), ca: bundle });
    assert.ok(result.ok);
    assert.equal(result.caCertificates.length, 2);
  });

  void it('reports the first problem in file order: certificate, key, CA', async () => {
    const garbage = await file('first-problem.pem', 'garbage');
    assert.match(reasonOf({ cert: garbage, key: garbage, ca: garbage }), /^certificate file/);
    assert.match(reasonOf({ ...pathsOf(setA), key: garbage, ca: garbage }), /^private key file/);
  });

  void it('warns, without refusing, about expired or not yet valid certificates and a CA file that is no CA', () => {
    const late = inspectTlsMaterial(pathsOf(setA), new Date(Date.UTC(2100, 0, 1)));
    assert.ok(late.ok);
    assert.match(
      late.warnings[0] ?? '',
      /^certificate .*server-cert\.pem expired on [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT; clients/,
    );
    const early = inspectTlsMaterial(pathsOf(setA), new Date(Date.UTC(2000, 0, 1)));
    assert.ok(early.ok);
    assert.match(early.warnings[0] ?? '', /is not valid before/);
    const soon = inspectTlsMaterial(pathsOf(setA), new Date(Date.now() + 3640 * 86_400_000));
    assert.ok(soon.ok);
    assert.match(soon.warnings[0] ?? '', /expires in \d days/);
    const notCa = inspectTlsMaterial({ ...pathsOf(setA), ca: join(setA, SSL_FILE_NAMES.clientCert) });
    assert.ok(notCa.ok);
    assert.match(notCa.warnings.join('\n'), /is not a CA certificate/);
    const clientAsServer = inspectTlsMaterial({
      cert: join(setA, SSL_FILE_NAMES.clientCert),
      key: join(setA, SSL_FILE_NAMES.clientKey),
    });
    assert.ok(clientAsServer.ok);
    assert.match(clientAsServer.warnings.join('\n'), /without serverAuth/);
  });
});
