// End-to-end: ALTER INSTANCE RELOAD TLS [NO ROLLBACK ON ERROR] and reloading when the certificate files change on disk.
import assert from 'node:assert/strict';
import { copyFile, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { makeCertificates } from './helpers/certificates.js';
import type { CertificateSet } from './helpers/certificates.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { makeServerCert } from './helpers/openssl-ca.js';
import { startTidal, tempDir } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

async function statusOf(db: Connection, scope: 'SESSION' | 'GLOBAL'): Promise<Record<string, string>> {
  const [rows] = await db.query<RowDataPacket[]>(`SHOW ${scope} STATUS LIKE 'Ssl_server_not_%'`);
  return Object.fromEntries(rows.map((row) => [row.Variable_name as string, String(row.Value)]));
}

/** Whether a client trusting only `ca` (and checking the name 127.0.0.1) can connect over TLS now. */
async function trusts(port: number, ca: Buffer): Promise<boolean> {
  try {
    const db = await connect(port, { ssl: { ca, rejectUnauthorized: true } });
    await db.end();
    return true;
  } catch {
    return false;
  }
}

/** Copies `from` over `to` the way deployment tools do: write a temporary file, then rename it into place. */
async function replaceAtomically(from: string, to: string): Promise<void> {
  await copyFile(from, `${to}.tmp`);
  await rename(`${to}.tmp`, to);
}

describe('reloading TLS material', () => {
  let first: CertificateSet;
  let second: CertificateSet;
  let live: { path: string; remove: () => Promise<void> };
  let cert: string;
  let key: string;
  let ca: string;
  let server: TidalProcess;
  let firstCa: Buffer;
  let secondCa: Buffer;

  before(async () => {
    [first, second, live] = await Promise.all([makeCertificates('reload-a'), makeCertificates('reload-b'), tempDir('reload-live')]);
    cert = join(live.path, 'server-cert.pem');
    key = join(live.path, 'server-key.pem');
    ca = join(live.path, 'ca.pem');
    await Promise.all([copyFile(first.serverCert, cert), copyFile(first.serverKey, key), copyFile(first.ca, ca)]);
    [firstCa, secondCa] = await Promise.all([readFile(first.ca), readFile(second.ca)]);
    server = await startTidal({ args: ['--ssl-cert', cert, '--ssl-key', key, '--ssl-ca', ca] });
  });

  after(async () => {
    await server.stop();
    await Promise.all([first.remove(), second.remove(), live.remove()]);
  });

  it('reloads on ALTER INSTANCE RELOAD TLS: new connections get the new certificate, open ones keep theirs', async () => {
    const shortLived = await makeServerCert(first, 'short-lived', 20);
    const open = await connect(server.port, { ssl: { ca: firstCa } });
    try {
      const before = await statusOf(open, 'SESSION');
      // Written in place, non-atomically: the watcher may see it too; either way the result below must hold.
      await writeFile(cert, await readFile(shortLived.cert));
      await writeFile(key, await readFile(shortLived.key));
      await open.query('ALTER INSTANCE RELOAD TLS');
      const global = await statusOf(open, 'GLOBAL');
      assert.notEqual(global.Ssl_server_not_after, before.Ssl_server_not_after);
      const expected = new Date(Date.now() + 20 * 86_400_000);
      assert.ok(Math.abs(Date.parse(global.Ssl_server_not_after ?? '') - expected.getTime()) < 120_000, global.Ssl_server_not_after);
      assert.deepEqual(await statusOf(open, 'SESSION'), before, 'an open connection keeps the context it was accepted with');
      const [[row]] = await open.query<RowDataPacket[]>('SELECT 1 AS one');
      assert.equal(row!.one, 1);
      const fresh = await connect(server.port, { ssl: { ca: firstCa } });
      assert.equal((await statusOf(fresh, 'SESSION')).Ssl_server_not_after, global.Ssl_server_not_after);
      await fresh.end();
    } finally {
      await open.end();
    }
    assert.ok(server.logs.some((line) => line.includes('TLS material reloaded') && line.includes('expires in 19 days')) || server.logs.some((line) => /certificate .* expires in 19 days/.test(line)), server.logs.slice(-5).join('\n'));
  });

  it('keeps the old material when the reload fails, and reports 3888', async () => {
    const db = await connect(server.port, { ssl: { ca: firstCa } });
    try {
      const before = await statusOf(db, 'GLOBAL');
      await writeFile(key, (await readFile(second.serverKey)).subarray(0, 200));
      await assertSqlError(db, 'ALTER INSTANCE RELOAD TLS', 3888, /^Failed to set up SSL because of the following SSL library error: private key file .*server-key\.pem is not PEM/);
      assert.deepEqual(await statusOf(db, 'GLOBAL'), before);
      assert.ok(await trusts(server.port, firstCa));
      const cli = await mariadb(server.port, ['-e', 'ALTER INSTANCE RELOAD TLS']);
      assert.match(cli.stderr, /ERROR 3888 \(HY000\)/);
    } finally {
      await db.end();
    }
    await writeFile(key, await readFile(first.serverKey));
    await writeFile(cert, await readFile(first.serverCert));
  });

  it('with NO ROLLBACK ON ERROR turns TLS off for new connections, with a warning', async () => {
    const db = await connect(server.port, { ssl: { ca: firstCa } });
    try {
      await writeFile(cert, 'not a certificate\n');
      await db.query('ALTER INSTANCE RELOAD TLS NO ROLLBACK ON ERROR');
      const [warnings] = await db.query<RowDataPacket[]>('SHOW WARNINGS');
      assert.equal(warnings[0]?.Code, 3888);
      assert.match(String(warnings[0]?.Message), /certificate file .* is not PEM/);
      const [[row]] = await db.query<RowDataPacket[]>('SELECT @@have_ssl AS h');
      assert.equal(row!.h, 'DISABLED');
      await assert.rejects(connect(server.port, { ssl: { ca: firstCa } }), /does not support secure connection/);
      // The connection that ran it is still encrypted and working.
      const [[one]] = await db.query<RowDataPacket[]>('SELECT 1 AS one');
      assert.equal(one!.one, 1);
      // Fixed files come back with the next reload.
      await writeFile(cert, await readFile(first.serverCert));
      await db.query('ALTER INSTANCE RELOAD TLS');
      assert.ok(await trusts(server.port, firstCa));
    } finally {
      await db.end();
    }
  });

  it('reloads by itself when the files are replaced on disk, logging what changed and the new expiry', async () => {
    const marker = server.logs.length;
    await replaceAtomically(second.serverKey, key);
    await replaceAtomically(second.serverCert, cert);
    await replaceAtomically(second.ca, ca);
    await waitFor(() => trusts(server.port, secondCa), 'the new certificate in use');
    assert.equal(await trusts(server.port, firstCa), false);
    const reloaded = server.records().slice(0).filter((record) => record.msg === 'TLS material reloaded' && record.trigger === 'file change');
    assert.ok(reloaded.length > 0, server.logs.slice(marker).join('\n'));
    const last = reloaded[reloaded.length - 1]!;
    assert.ok(Array.isArray(last.changed) && (last.changed as string[]).includes(cert));
    assert.match(String(last.notAfter), /^\d{4}-\d\d-\d\dT/);
    assert.match(String(last.fingerprint256), /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('never loads a half-written certificate: it keeps the old one until the file is complete', async () => {
    const marker = server.logs.length;
    const full = await readFile(first.serverCert);
    const keyFull = await readFile(first.serverKey);
    // Key first (the pair no longer matches: refused), then half the certificate (not PEM: refused).
    await writeFile(key, keyFull);
    await writeFile(cert, full.subarray(0, Math.floor(full.length / 2)));
    await waitFor(
      () => server.logs.slice(marker).some((line) => line.includes('TLS files changed but are not usable; keeping the current TLS material')),
      'the refusal in the log',
    );
    assert.ok(await trusts(server.port, secondCa), 'the old certificate stays in use');
    assert.equal(await trusts(server.port, firstCa), false);
    await writeFile(cert, full);
    await waitFor(() => trusts(server.port, firstCa), 'the completed certificate in use');
  });
});
