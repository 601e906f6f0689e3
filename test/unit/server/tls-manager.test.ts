// TlsManager's periodic expiry check: the daily warning for certificates (server and CA) near or past expiry.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateSslFiles } from '../../../src/certificates/index.js';
import { createMemoryLogger } from '../../../src/logging/index.js';
import { DEFAULT_TLS_POLICY } from '../../../src/protocol/tls/index.js';
import { TlsManager } from '../../../src/server/tls-manager.js';

const DAY = 86_400_000;

void describe('TlsManager expiry checks', () => {
  let root: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'tidal-expiry-'));
    // Ten-year certificates issued 3640 days ago: CA and server certificate expire in about ten days.
    await generateSslFiles({ datadir: root, rsaKeySize: 2048, now: new Date(Date.now() - 3640 * DAY) });
  });
  after(() => rm(root, { recursive: true, force: true }));

  void it('warns at start and on every periodic check, for the server certificate and the CA', async () => {
    const logger = createMemoryLogger();
    const manager = new TlsManager({
      sources: {
        cert: join(root, 'server-cert.pem'),
        key: join(root, 'server-key.pem'),
        ca: join(root, 'ca.pem'),
        crl: '',
        altCert: '',
        altKey: '',
        keyPassword: '',
        keyPasswordFile: '',
        policy: DEFAULT_TLS_POLICY,
        verifyDepth: -1,
      },
      logger,
      isSecureTransportRequired: () => false,
      expiryCheckIntervalMs: 100,
    });
    manager.start();
    const atStart = logger.records.filter((record) => / expires in (9|10) days, on /.test(record.msg));
    assert.equal(atStart.length, 2, JSON.stringify(logger.records));
    manager.startExpiryChecks();
    await new Promise((resolve) => setTimeout(resolve, 350));
    manager.close();
    const periodic = logger.records.filter((record) => record.fields.check === 'periodic certificate expiry check');
    assert.ok(periodic.length >= 4, `${periodic.length} periodic warnings`);
    assert.ok(periodic.some((record) => record.msg.startsWith(`certificate ${join(root, 'server-cert.pem')} expires in`)));
    assert.ok(periodic.some((record) => record.msg.startsWith(`certificate 1 of CA file ${join(root, 'ca.pem')} expires in`)));
    assert.deepEqual(manager.checkExpiry(new Date(Date.now() + 20 * DAY)).map((line) => line.replace(/ on .*/, '')), [
      `certificate ${join(root, 'server-cert.pem')} expired`,
      `certificate 1 of CA file ${join(root, 'ca.pem')} expired`,
    ]);
  });
});
