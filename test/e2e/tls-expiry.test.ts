// End-to-end: expired and soon-to-expire certificates: warnings at start and periodically, and what verifying clients do.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RowDataPacket } from 'mysql2/promise';
import { generateSslFiles } from '../../src/certificates/index.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect } from './helpers/mysql2-client.js';
import { sClient } from './helpers/openssl-client.js';
import { startTidal, tempDir } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';
import { waitFor } from './helpers/wait-for.js';

const DAY = 86_400_000;

describe('certificate expiry', () => {
  let expiredDir: { path: string; remove: () => Promise<void> };
  let soonDir: { path: string; remove: () => Promise<void> };
  let expired: TidalProcess;
  let soon: TidalProcess;
  let fresh: TidalProcess;

  const flags = (dir: string): string[] => ['--ssl-cert', join(dir, 'server-cert.pem'), '--ssl-key', join(dir, 'server-key.pem'), '--ssl-ca', join(dir, 'ca.pem')];

  before(async () => {
    [expiredDir, soonDir] = await Promise.all([tempDir('expired'), tempDir('expiring')]);
    // Ten-year certificates: issued 3660 days ago they expired ten days ago; issued 3640 days ago they have ten left.
    await Promise.all([
      generateSslFiles({ datadir: expiredDir.path, rsaKeySize: 2048, now: new Date(Date.now() - 3660 * DAY) }),
      generateSslFiles({ datadir: soonDir.path, rsaKeySize: 2048, now: new Date(Date.now() - 3640 * DAY) }),
    ]);
    // The periodic check every second instead of daily, so that it is seen to repeat.
    const everySecond = ['--ssl-expiry-check-interval', '1'];
    [expired, soon, fresh] = await Promise.all([
      startTidal({ args: flags(expiredDir.path) }),
      startTidal({ args: [...flags(soonDir.path), ...everySecond] }),
      startTidal({ args: everySecond }),
    ]);
  });

  after(async () => {
    await Promise.all([expired.stop(), soon.stop(), fresh.stop()]);
    await Promise.all([expiredDir.remove(), soonDir.remove()]);
  });

  it('warns at start about an expired server certificate and CA; verifying clients refuse, others connect', async () => {
    const warnings = expired.records().filter((record) => record.level === 'warn').map((record) => String(record.msg));
    assert.ok(warnings.some((msg) => /^certificate .*server-cert\.pem expired on .*; clients that verify it will refuse to connect$/.test(msg)), warnings.join('\n'));
    assert.ok(warnings.some((msg) => /^certificate 1 of CA file .*ca\.pem expired on /.test(msg)), warnings.join('\n'));
    const ca = await readFile(join(expiredDir.path, 'ca.pem'));
    await assert.rejects(connect(expired.port, { ssl: { ca, rejectUnauthorized: true } }), /certificate has expired/);
    const cli = await mariadb(expired.port, ['--ssl-ca', join(expiredDir.path, 'ca.pem'), '--ssl-verify-server-cert', '-e', 'SELECT 1']);
    assert.notEqual(cli.code, 0);
    assert.match(cli.stderr, /expired/);
    const openssl = await sClient(expired.port, ['-CAfile', join(expiredDir.path, 'ca.pem'), '-verify_return_error']);
    assert.equal(openssl.cipher, undefined);
    assert.match(openssl.output, /certificate has expired/);
    const db = await connect(expired.port, { ssl: { rejectUnauthorized: false } });
    const [[row]] = await db.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Ssl_server_not_after'");
    assert.ok(Date.parse(String(row!.Value)) < Date.now(), String(row!.Value));
    await db.end();
  });

  it('warns at start when the server certificate or CA expires within 30 days', () => {
    const warnings = soon.records().filter((record) => record.level === 'warn').map((record) => String(record.msg));
    assert.ok(warnings.some((msg) => /^certificate .*server-cert\.pem expires in (9|10) days, on /.test(msg)), warnings.join('\n'));
    assert.ok(warnings.some((msg) => /^certificate 1 of CA file .*ca\.pem expires in (9|10) days, on /.test(msg)), warnings.join('\n'));
  });

  it('repeats the warnings every ssl-expiry-check-interval seconds', async () => {
    const periodic = (): Array<Record<string, unknown>> =>
      soon.records().filter((record) => record.level === 'warn' && record.check === 'periodic certificate expiry check');
    await waitFor(() => periodic().filter((record) => /server-cert\.pem expires in (9|10) days/.test(String(record.msg))).length >= 2, 'two periodic warnings');
    const times = periodic().filter((record) => /server-cert\.pem/.test(String(record.msg))).map((record) => Date.parse(String(record.time)));
    assert.ok(times[1]! - times[0]! >= 900, `checks ${times[1]! - times[0]!} ms apart`);
    assert.ok(periodic().some((record) => /^certificate 1 of CA file .*ca\.pem expires in (9|10) days/.test(String(record.msg))));
    const startWarning = soon.records().findIndex((record) => record.level === 'warn' && /server-cert\.pem expires in/.test(String(record.msg)));
    const firstPeriodic = soon.records().findIndex((record) => record.check === 'periodic certificate expiry check');
    assert.ok(startWarning >= 0 && startWarning < firstPeriodic, 'the first warning comes at start, before any periodic check');
  });

  it('logs nothing about a certificate with plenty of validity, though the check runs', async () => {
    const checks = (): Array<Record<string, unknown>> => fresh.records().filter((record) => record.msg === 'certificate expiry check');
    await waitFor(() => checks().length >= 2, 'two periodic checks');
    // auto-tls's server certificates (RSA and ECDSA) and its CA.
    assert.deepEqual(checks()[0], { ...checks()[0], level: 'debug', warnings: 0, certificates: 3 });
    const warnings = fresh.records().filter((record) => record.level === 'warn' && /expire|not valid yet/.test(String(record.msg)));
    assert.deepEqual(warnings, []);
  });
});
