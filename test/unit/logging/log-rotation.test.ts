// Log rotation through pino-roll: a new numbered file at max-size, at most max-backups kept, older than max-days gone.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createLogger } from '../../../src/logging/index.js';
import { waitFor } from '../../e2e/helpers/wait-for.js';

const root = mkdtempSync(join(tmpdir(), 'tidal-rotation-'));
after(() => rmSync(root, { recursive: true, force: true }));

function logFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => /^tidal\.\d+\.log$/.test(name)).sort();
}

test('rotates at max-size and keeps max-backups rotated files', async () => {
  const folder = join(root, 'count');
  const logger = await createLogger({ level: 'info', file: join(folder, 'tidal.log'), rotation: { maxSizeBytes: 2000, maxDays: 0, maxBackups: 2 } });
  for (let i = 0; i < 200; i++) {
    logger.info('a line long enough to fill the file quickly', { i });
    if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  // Rotation runs behind the logger, so the files settle after the last line: wait for the settled state.
  const newest = (): string => logFiles(folder).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).at(-1) ?? '?';
  await waitFor(() => logFiles(folder).length === 3 && Number(newest().split('.')[1]) > 3 && logger.currentFile()?.endsWith(newest()) === true, 'rotation with pruning');
  assert.equal(logFiles(folder).length, 3);
  await logger.close();
});

test('removes rotated files older than max-days when it opens a new one', async () => {
  const folder = join(root, 'age');
  const logger = await createLogger({ level: 'info', file: join(folder, 'tidal.log'), rotation: { maxSizeBytes: 1000, maxDays: 7, maxBackups: 0 } });
  const old = join(folder, 'tidal.0.log');
  writeFileSync(old, 'from a month ago\n');
  const monthAgo = new Date(Date.now() - 30 * 86_400_000);
  utimesSync(old, monthAgo, monthAgo);
  for (let i = 0; i < 50; i++) logger.info('filling the file until it rotates', { i });
  await waitFor(() => !logFiles(folder).includes('tidal.0.log') && logFiles(folder).length >= 2, 'the old file pruned after a rotation');
  await logger.close();
});
