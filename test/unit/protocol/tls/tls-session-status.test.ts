// tlsStatusVariables and tlsSessionStatus for plain connections and both scopes; TlsServerCounters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SSL_CIPHER_LIST,
  TlsServerCounters,
  UNLIMITED_VERIFY_DEPTH,
  loadServerTlsContext,
  tlsSessionStatus,
  tlsStatusVariables,
} from '../../../../src/protocol/tls/index.js';
import type { ServerTlsContext } from '../../../../src/protocol/tls/index.js';
import { makeCertificateDirs } from './tls-fixtures.js';

const CONNECTION_ROWS = [
  'Ssl_cipher',
  'Ssl_cipher_list',
  'Ssl_version',
  'Ssl_verify_mode',
  'Ssl_verify_depth',
  'Ssl_server_not_before',
  'Ssl_server_not_after',
  'Ssl_sessions_reused',
];
const OPENSSL_TIME = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/;

let context: ServerTlsContext;
let remove: () => Promise<void>;

function counted(accepts: number, finished: number, reused: number): TlsServerCounters {
  const counters = new TlsServerCounters();
  for (let index = 0; index < accepts; index++) counters.recordAccept();
  for (let index = 0; index < finished; index++) counters.recordFinishedAccept(index < reused);
  return counters;
}

void describe('TLS status variables', () => {
  before(async () => {
    const made = await makeCertificateDirs(1);
    remove = made.remove;
    const certs = made.dirs[0]!;
    const loaded = loadServerTlsContext({ cert: certs.serverCert, key: certs.serverKey, ca: certs.ca });
    assert.ok(loaded.ok);
    context = loaded.context;
  });
  after(() => remove());

  void it('counts handshakes started, finished and resumed', () => {
    const counters = counted(3, 2, 1);
    assert.deepEqual([counters.accepts, counters.finishedAccepts, counters.sessionsReused], [3, 2, 1]);
  });

  void it('shows a plain connection empty cipher, version and dates, as MySQL does', () => {
    assert.deepEqual(tlsSessionStatus(undefined), [
      ['Ssl_cipher', ''],
      ['Ssl_cipher_list', ''],
      ['Ssl_version', ''],
      ['Ssl_verify_mode', 0],
      ['Ssl_verify_depth', 0],
      ['Ssl_server_not_before', ''],
      ['Ssl_server_not_after', ''],
      ['Ssl_sessions_reused', 0],
    ]);
    const rows = new Map(tlsStatusVariables(context, undefined, counted(4, 3, 1), 'session'));
    assert.equal(rows.get('Ssl_accepts'), 4);
    assert.equal(rows.get('Ssl_finished_accepts'), 3);
    assert.equal(rows.get('Ssl_sessions_reused'), 0);
    assert.equal(rows.get('Ssl_cipher'), '');
    assert.equal(rows.get('Ssl_ctx_verify_mode'), 5);
    for (const name of CONNECTION_ROWS) assert.ok(rows.has(name), name);
  });

  void it("shows the server's context and counters for SHOW GLOBAL STATUS", () => {
    const rows = new Map(tlsStatusVariables(context, undefined, counted(4, 3, 2), 'global'));
    assert.equal(rows.get('Ssl_cipher'), '');
    assert.equal(rows.get('Ssl_version'), '');
    assert.equal(rows.get('Ssl_cipher_list'), SSL_CIPHER_LIST);
    assert.equal(rows.get('Ssl_verify_mode'), 5);
    assert.equal(rows.get('Ssl_verify_depth'), UNLIMITED_VERIFY_DEPTH);
    assert.equal(String(rows.get('Ssl_verify_depth')), '18446744073709551615');
    assert.equal(rows.get('Ssl_sessions_reused'), 2);
    assert.match(String(rows.get('Ssl_server_not_before')), OPENSSL_TIME);
    assert.match(String(rows.get('Ssl_server_not_after')), OPENSSL_TIME);
    assert.equal(rows.get('Ssl_server_not_after'), context.serverNotAfter);
  });

  void it('shows zeros and empty strings when TLS is off', () => {
    const rows = new Map(tlsStatusVariables(undefined, undefined, new TlsServerCounters(), 'global'));
    for (const [name, value] of rows) assert.ok(value === '' || value === 0, `${name}=${String(value)}`);
    assert.equal(rows.size, CONNECTION_ROWS.length + 7);
  });

  void it('formats the context the way MySQL reports it', () => {
    assert.equal(context.tlsVersion, 'TLSv1.2,TLSv1.3');
    assert.equal(context.sslCa.endsWith('ca.pem'), true);
    assert.equal(context.isClientCertificateRequested, true);
    assert.equal(context.serverNotBefore, context.certificate.validFromText);
    assert.equal(context.notAfter.getTime() - context.notBefore.getTime(), 3650 * 86_400_000);
  });

  void it('explains why TLS material cannot be loaded instead of throwing', () => {
    const loaded = loadServerTlsContext({ cert: '/nonexistent/server-cert.pem', key: '/nonexistent/server-key.pem' });
    assert.deepEqual(loaded, {
      ok: false,
      reason: 'cannot read certificate file /nonexistent/server-cert.pem: no such file or directory (ENOENT)',
    });
  });
});
