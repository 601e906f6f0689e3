// Tests createLogger: JSON lines with level, ISO time and msg in a file; levels, children, close, exit flush.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError } from '../../../src/config/index.js';
import { createLogger } from '../../../src/logging/index.js';

const root = mkdtempSync(join(tmpdir(), 'tidal-logger-'));
after(() => rmSync(root, { recursive: true, force: true }));

function readRecords(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

void describe('createLogger', () => {
  void it('writes one JSON line per record with level label, ISO time, pid, fields and msg', async () => {
    const file = join(root, 'nested', 'dir', 'tidal.log');
    const logger = await createLogger({ level: 'info', file });
    logger.info('server started', { port: 4000 });
    logger.warn('slow query', { ms: 1200 });
    await logger.close();
    const records = readRecords(file);
    assert.equal(records.length, 2);
    const [first, second] = records;
    assert.equal(first?.level, 'info');
    assert.equal(first?.msg, 'server started');
    assert.equal(first?.port, 4000);
    assert.equal(first?.pid, process.pid);
    assert.match(String(first?.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(second?.level, 'warn');
    assert.equal(second?.ms, 1200);
  });

  void it('drops records below the level and reports which levels are enabled', async () => {
    const file = join(root, 'levels.log');
    const logger = await createLogger({ level: 'warn', file });
    assert.equal(logger.isLevelEnabled('info'), false);
    assert.equal(logger.isLevelEnabled('error'), true);
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.log('error', 'e');
    await logger.close();
    assert.deepEqual(
      readRecords(file).map((record) => [record.level, record.msg]),
      [
        ['warn', 'w'],
        ['error', 'e'],
      ],
    );
  });

  void it('adds child bindings, serialises errors under err, and ignores records after close', async () => {
    const file = join(root, 'child.log');
    const logger = await createLogger({ level: 'debug', file });
    const child = logger.child({ connectionId: 7 });
    child.error('handshake failed', { err: new Error('bad packet') });
    await logger.close();
    await logger.close();
    child.info('after close');
    logger.info('after close');
    const records = readRecords(file);
    assert.equal(records.length, 1);
    assert.equal(records[0]?.connectionId, 7);
    const err = records[0]?.err as { type: string; message: string; stack: string };
    assert.equal(err.type, 'Error');
    assert.equal(err.message, 'bad packet');
    assert.match(err.stack, /bad packet/);
  });

  void it('appends to an existing file', async () => {
    const file = join(root, 'append.log');
    writeFileSync(file, '{"old":true}\n');
    const logger = await createLogger({ level: 'info', file });
    logger.info('new');
    await logger.close();
    assert.deepEqual(
      readRecords(file).map((record) => record.old ?? record.msg),
      [true, 'new'],
    );
  });

  void it('throws a one-line ConfigError when the file cannot be opened', async () => {
    const blocker = join(root, 'blocker');
    writeFileSync(blocker, '');
    const file = join(blocker, 'tidal.log');
    await assert.rejects(
      () => createLogger({ level: 'info', file }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, new RegExp(`^log file ${file} cannot be opened: (ENOTDIR|EEXIST): `));
        return true;
      },
    );
  });

  void it('keeps the last lines written right before process.exit', () => {
    const file = join(root, 'exit.log');
    const moduleUrl = new URL('../../../src/logging/index.js', import.meta.url).href;
    const script = `
      import { createLogger } from ${JSON.stringify(moduleUrl)};
      const logger = await createLogger({ level: 'info', file: ${JSON.stringify(file)} });
      for (let i = 0; i < 500; i++) logger.info('line', { i });
      logger.error('fatal: exiting');
      process.exit(3);
    `;
    assert.throws(
      () => execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe' }),
      (error: { status?: number }) => error.status === 3,
    );
    const records = readRecords(file);
    assert.equal(records.length, 501);
    assert.equal(records.at(-1)?.msg, 'fatal: exiting');
  });

  void it('writes to stderr when no file is given', () => {
    const moduleUrl = new URL('../../../src/logging/index.js', import.meta.url).href;
    const script = `
      import { createLogger } from ${JSON.stringify(moduleUrl)};
      const logger = await createLogger({ level: 'info' });
      logger.info('to stderr', { n: 1 });
      await logger.close();
      process.stderr.write('still open\\n');
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 0);
    assert.equal(child.stdout, '');
    const [line, after] = child.stderr.trimEnd().split('\n');
    const record = JSON.parse(line ?? '') as Record<string, unknown>;
    assert.equal(record.msg, 'to stderr');
    assert.equal(record.n, 1);
    assert.equal(after, 'still open');
  });
});
