// End-to-end: RSA and ECDSA certificate/key pairs side by side; each client gets the one its algorithms allow.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { makeCertificates, tlsFlags } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { connect } from './helpers/mysql2-client.js';
import { makeServerCert } from './helpers/openssl-ca.js';
import { sClient } from './helpers/openssl-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** The server's public key as s_client reports it: `Server public key is 2048 bit` (RSA) or `256 bit` (P-256). */
function serverKeyBits(output: string): number | undefined {
  const match = /Server public key is (\d+) bit/.exec(output);
  return match ? Number(match[1]) : undefined;
}

describe('RSA and ECDSA certificates side by side', () => {
  let certs: CertificateSet;
  let ecdsa: { cert: string; key: string };
  let server: TidalProcess;

  before(async () => {
    certs = await makeCertificates('dual');
    ecdsa = await makeServerCert(certs, 'ecdsa-server', 365);
    server = await startTidal({ args: [...tlsFlags(certs), '--ssl-alt-cert', ecdsa.cert, '--ssl-alt-key', ecdsa.key] });
  });

  after(async () => {
    await server.stop();
    await certs.remove();
  });

  it('logs both key types and serves RSA or ECDSA by what the client offers', async () => {
    assert.ok(server.logs.some((line) => line.includes('Secure connection is enabled') && line.includes('"keyTypes":["rsa","ec"]')), server.logs.join('\n'));
    const rsa12 = await sClient(server.port, ['-tls1_2', '-cipher', 'ECDHE-RSA-AES128-GCM-SHA256']);
    assert.equal(rsa12.cipher, 'ECDHE-RSA-AES128-GCM-SHA256');
    assert.equal(serverKeyBits(rsa12.output), 2048);
    const ec12 = await sClient(server.port, ['-tls1_2', '-cipher', 'ECDHE-ECDSA-AES128-GCM-SHA256']);
    assert.equal(ec12.cipher, 'ECDHE-ECDSA-AES128-GCM-SHA256', ec12.output);
    assert.equal(serverKeyBits(ec12.output), 256);
    const ec13 = await sClient(server.port, ['-tls1_3', '-sigalgs', 'ecdsa_secp256r1_sha256']);
    assert.equal(serverKeyBits(ec13.output), 256, ec13.output);
    const rsa13 = await sClient(server.port, ['-tls1_3', '-sigalgs', 'rsa_pss_rsae_sha256']);
    assert.equal(serverKeyBits(rsa13.output), 2048, rsa13.output);
  });

  it('verifies with either certificate against the same CA (mysql2)', async () => {
    const ca = await readFile(certs.ca);
    for (const ciphers of ['ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384']) {
      const db = await connect(server.port, { ssl: { ca, rejectUnauthorized: true, maxVersion: 'TLSv1.2', ciphers } });
      const [rows] = await db.query("SHOW SESSION STATUS LIKE 'Ssl_cipher'");
      assert.equal((rows as Array<{ Value: string }>)[0]?.Value, ciphers);
      await db.end();
    }
  });

  it('refuses a second pair of the same key type, leaving TLS off with the reason', async () => {
    const other = await startTidal({ args: [...tlsFlags(certs), '--ssl-alt-cert', certs.clientCert, '--ssl-alt-key', certs.clientKey] });
    try {
      assert.ok(other.logs.some((line) => line.includes('Secure connection is NOT ENABLED') && line.includes('has the same key type (rsa) as ssl-cert')), other.logs.join('\n'));
    } finally {
      await other.stop();
    }
  });
});
