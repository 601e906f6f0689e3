// Tests checkDataDirectoryWritable: creates missing folders, and fails with one clear line otherwise.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkDataDirectoryWritable, ConfigError } from '../../../src/config/index.js';

const root = mkdtempSync(join(tmpdir(), 'tidal-datadir-'));
after(() => rmSync(root, { recursive: true, force: true }));

void describe('checkDataDirectoryWritable', () => {
  void it('creates a missing directory with its parents', () => {
    const path = join(root, 'a', 'b', 'data');
    checkDataDirectoryWritable(path);
    assert.ok(statSync(path).isDirectory());
  });

  void it('accepts an existing writable directory', () => {
    const path = join(root, 'existing');
    mkdirSync(path);
    assert.doesNotThrow(() => checkDataDirectoryWritable(path));
  });

  void it('rejects a path that is a file', () => {
    const path = join(root, 'file');
    writeFileSync(path, '');
    assert.throws(() => checkDataDirectoryWritable(path), new ConfigError(`data directory ${path} is not a directory`));
  });

  void it('rejects a path below a file', () => {
    const path = join(root, 'file2', 'data');
    writeFileSync(join(root, 'file2'), '');
    assert.throws(() => checkDataDirectoryWritable(path), {
      name: 'ConfigError',
      message: `data directory ${path} is not writable: ENOTDIR: not a directory, stat '${path}'`,
    });
  });
});
