// End-to-end: ssl-verify-depth limits the intermediate CAs in a client certificate chain (mysql2 and the mariadb CLI).
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection, ConnectionOptions, RowDataPacket } from 'mysql2/promise';
import { makeCertificates } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect } from './helpers/mysql2-client.js';
import { makeClientChain, makeClient } from './helpers/openssl-ca.js';
import type { ClientChain } from './helpers/openssl-ca.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

const ACCESS_DENIED = { errno: 1045, message: "Access denied for user 'root'@'127.0.0.1' (using password: NO)" };

async function verifyDepth(db: Connection): Promise<string> {
  const [[row]] = await db.query<RowDataPacket[]>("SHOW SESSION STATUS LIKE 'Ssl_verify_depth'");
  return String(row!.Value);
}

/** Connects presenting `cert` (a PEM file, possibly followed by its intermediates) and returns Ssl_verify_depth. */
async function depthSeen(port: number, ca: Buffer, cert: string, key: string): Promise<string> {
  const db = await connect(port, { ssl: { ca, cert: await readFile(cert), key: await readFile(key) } });
  try {
    return await verifyDepth(db);
  } finally {
    await db.end();
  }
}

describe('client certificate verify depth (ssl-verify-depth)', () => {
  let certs: CertificateSet;
  let direct: { cert: string; key: string };
  let one: ClientChain;
  let two: ClientChain;
  let unlimited: TidalProcess;
  let depth0: TidalProcess;
  let depth1: TidalProcess;
  let depth1Bundle: TidalProcess;
  let ca: Buffer;

  before(async () => {
    certs = await makeCertificates('verify-depth', 2048);
    direct = await makeClient(certs, 'direct-client');
    one = await makeClientChain(certs, 'one-deep', 1);
    two = await makeClientChain(certs, 'two-deep', 2);
    ca = await readFile(certs.ca);
    // ssl-ca holding the intermediates too: clients then need not send them, and they still count.
    const bundle = join(certs.dir, 'ca-bundle.pem');
    await writeFile(bundle, Buffer.concat(await Promise.all([certs.ca, ...one.intermediates, ...two.intermediates].map((file) => readFile(file)))));
    const flags = ['--ssl-cert', certs.serverCert, '--ssl-key', certs.serverKey];
    [unlimited, depth0, depth1, depth1Bundle] = await Promise.all([
      startTidal({ args: [...flags, '--ssl-ca', certs.ca] }),
      startTidal({ args: [...flags, '--ssl-ca', certs.ca, '--ssl-verify-depth', '0'] }),
      startTidal({ args: [...flags, '--ssl-ca', certs.ca, '--ssl-verify-depth', '1'] }),
      startTidal({ args: [...flags, '--ssl-ca', bundle, '--ssl-verify-depth', '1'] }),
    ]);
  });

  after(async () => {
    await Promise.all([unlimited, depth0, depth1, depth1Bundle].map((server) => server.stop()));
    await certs.remove();
  });

  it('depth 1 accepts a chain with one intermediate CA and refuses one with two (mysql2)', async () => {
    assert.equal(await depthSeen(depth1.port, ca, direct.cert, direct.key), '1');
    assert.equal(await depthSeen(depth1.port, ca, one.chain, one.key), '1');
    const ssl: ConnectionOptions['ssl'] = { ca, cert: await readFile(two.chain), key: await readFile(two.key) };
    await assert.rejects(connect(depth1.port, { ssl }), ACCESS_DENIED);
    await waitFor(
      () => depth1.logs.some((line) => /client certificate \\"CN=two-deep\\" refused: its chain has 2 intermediate CA certificates, more than ssl-verify-depth 1 allows/.test(line)),
      'the depth refusal with its reason in the log',
    );
    const anonymous = await connect(depth1.port, { ssl: { ca } });
    const [[refused]] = await anonymous.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Ssl_client_certificates_refused'");
    assert.equal(String(refused!.Value), '1');
    await anonymous.end();
  });

  it('depth 1 with the mariadb CLI: one intermediate logs in, two get ERROR 1045', async () => {
    const cli = (chain: ClientChain): Promise<{ code: number; stdout: string; stderr: string }> =>
      mariadb(depth1.port, ['--ssl-ca', certs.ca, '--ssl-cert', chain.chain, '--ssl-key', chain.key, '-N', '-e', "SHOW STATUS LIKE 'Ssl_verify_depth'"]);
    const accepted = await cli(one);
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.match(accepted.stdout, /^Ssl_verify_depth\t1$/m);
    const refused = await cli(two);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /ERROR 1045 \(28000\): Access denied for user 'root'@'127\.0\.0\.1'/);
  });

  it('counts intermediates of ssl-ca too: a client sending only its own certificate is judged by the full chain', async () => {
    const bundleCa = await readFile(join(certs.dir, 'ca-bundle.pem'));
    assert.equal(await depthSeen(depth1Bundle.port, bundleCa, one.cert, one.key), '1');
    await assert.rejects(connect(depth1Bundle.port, { ssl: { ca: bundleCa, cert: await readFile(two.cert), key: await readFile(two.key) } }), ACCESS_DENIED);
    await waitFor(() => depth1Bundle.logs.some((line) => /its chain has 2 intermediate CA certificates, more than ssl-verify-depth 1 allows/.test(line)), 'the refusal');
  });

  it('depth 0 accepts only certificates signed by a CA of ssl-ca itself', async () => {
    assert.equal(await depthSeen(depth0.port, ca, direct.cert, direct.key), '0');
    await assert.rejects(connect(depth0.port, { ssl: { ca, cert: await readFile(one.chain), key: await readFile(one.key) } }), ACCESS_DENIED);
    await waitFor(() => depth0.logs.some((line) => /its chain has 1 intermediate CA certificate, more than ssl-verify-depth 0 allows/.test(line)), 'the refusal');
  });

  it('without ssl-verify-depth there is no limit of ours, and Ssl_verify_depth shows OpenSSL\'s unset value', async () => {
    assert.equal(await depthSeen(unlimited.port, ca, two.chain, two.key), '18446744073709551615');
    const cli = await mariadb(unlimited.port, ['--ssl-ca', certs.ca, '--ssl-cert', two.chain, '--ssl-key', two.key, '-N', '-e', 'SELECT 1']);
    assert.equal(cli.code, 0, cli.stderr);
  });
});
