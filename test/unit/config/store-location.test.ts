// Tests storeLocation: `store` with `path` as a directory (lmdb) or etcd endpoints, keyspace-name, and each error line.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, loadConfig, storeLocation } from '../../../src/config/index.js';
import type { StoreLocation } from '../../../src/config/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'tidal-store-'));
after(() => rmSync(cwd, { recursive: true, force: true }));

function locate(argv: readonly string[]): StoreLocation {
  const loaded = loadConfig(argv, { cwd });
  assert.equal(loaded.kind, 'serve');
  return storeLocation(loaded.config);
}

function assertLocateError(argv: readonly string[], message: string): void {
  assert.throws(
    () => locate(argv),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
      assert.equal(error.message, message);
      return true;
    },
  );
}

void describe('storeLocation', () => {
  void it('opens the data directory by default, resolved against the cwd', () => {
    assert.deepEqual(locate([]), { kind: 'lmdb', directory: join(cwd, 'tidal-data') });
    assert.deepEqual(locate(['--path', 'data']), { kind: 'lmdb', directory: join(cwd, 'data') });
  });

  void it('reads path as the etcd endpoints with store = etcd, kept as written, with keyspace and cluster TLS', () => {
    const file = join(cwd, 'cluster.toml');
    writeFileSync(
      file,
      [
        'store = "etcd"',
        'path = "127.0.0.1:2379,127.0.0.1:2381,localhost:2383"',
        'keyspace-name = "shop"',
        '[security]',
        'cluster-ssl-ca = "certs/ca.pem"',
        'cluster-ssl-cert = "certs/node.pem"',
        'cluster-ssl-key = "certs/node-key.pem"',
      ].join('\n'),
    );
    assert.deepEqual(locate(['--config', file]), {
      kind: 'etcd',
      endpoints: ['127.0.0.1:2379', '127.0.0.1:2381', 'localhost:2383'],
      keyspace: 'shop',
      tls: { ca: join(cwd, 'certs/ca.pem'), cert: join(cwd, 'certs/node.pem'), key: join(cwd, 'certs/node-key.pem') },
    });
    assert.deepEqual(locate(['--store', 'etcd', '--path', '[::1]:2379']), {
      kind: 'etcd',
      endpoints: ['[::1]:2379'],
      keyspace: '',
      tls: { ca: '', cert: '', key: '' },
    });
  });

  void it('says in one line what is wrong with the store settings', () => {
    assertLocateError(
      ['--store', 'etcd'],
      `store = "etcd" needs path = the etcd endpoints (host:port[,host:port…]), got "${join(cwd, 'tidal-data')}"`,
    );
    assertLocateError(
      ['--path', '127.0.0.1:2379'],
      'path "127.0.0.1:2379" is a list of etcd endpoints: set store = "etcd" to use them, or give a directory',
    );
    assertLocateError(
      ['--store', 'etcd', '--path', '127.0.0.1:99999'],
      'path: etcd endpoint "127.0.0.1:99999" has no valid port (1 to 65535)',
    );
    assertLocateError(
      ['--store', 'etcd', '--path', '127.0.0.1:2379', '--keyspace-name', 'a/b'],
      `keyspace-name "a/b" must be 1 to 64 letters, digits, '_', '-' or '.'`,
    );
    assert.throws(() => loadConfig(['--store', 'tikv'], { cwd }), {
      message: 'flag --store must be one of lmdb, etcd, got "tikv"',
    });
  });
});
