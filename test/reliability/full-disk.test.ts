// A full disk: writes fail with MySQL's "Error writing file … (errno: 28 - No space left on device)", reads go on,
// nothing acknowledged is lost, and writes resume once space is freed. Needs root for a small tmpfs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RowDataPacket } from 'mysql2/promise';
import { connect } from '../e2e/helpers/mysql2-client.js';
import { startTidal } from '../e2e/helpers/tidal-process.js';
import { report } from './reliability-scale.js';

const isRoot = process.getuid?.() === 0;
const ROW_BYTES = 1024 * 1024;

test('a full disk answers errno 28 and the server carries on', { timeout: 110_000 }, async () => {
  if (!isRoot) {
    report('full disk', 'skipped: mounting a small tmpfs needs root');
    return;
  }
  const mountPoint = mkdtempSync(join(tmpdir(), 'tidal-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (error) {
    // Root inside a container without CAP_SYS_ADMIN cannot mount: say so, as for a non-root run.
    rmSync(mountPoint, { recursive: true, force: true });
    report('full disk', `skipped: cannot mount a tmpfs (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`);
    return;
  }
  let server: Awaited<ReturnType<typeof startTidal>> | undefined;
  try {
    const ballast = join(mountPoint, 'ballast');
    writeFileSync(ballast, Buffer.alloc(6 * 1024 * 1024));
    server = await startTidal({ dataDir: join(mountPoint, 'data') });
    const db = await connect(server.port);
    await db.query('CREATE DATABASE f');
    await db.query('CREATE TABLE f.t (id INT PRIMARY KEY, b LONGBLOB)');
    let acknowledged = 0;
    let failure: { errno?: number; message?: string } | undefined;
    for (let id = 1; id <= 200 && failure === undefined; id++) {
      try {
        await db.query('INSERT INTO f.t VALUES (?, REPEAT(?, ?))', [id, 'x', ROW_BYTES]);
        acknowledged = id;
      } catch (error) {
        failure = error as { errno?: number; message?: string };
      }
    }
    report('full disk error', `${failure?.errno}: ${failure?.message}`);
    assert.equal(failure?.errno, 3);
    assert.match(failure?.message ?? '', /^Error writing file '.*data\.mdb' \(errno: 28 - No space left on device\)$/);
    const [rows] = await db.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM f.t');
    assert.equal(Number(rows[0]?.n), acknowledged, 'reads work and every acknowledged row is there');
    unlinkSync(ballast);
    await db.query('INSERT INTO f.t VALUES (?, ?)', [acknowledged + 1, 'small']);
    const unhandled = server.records().filter((record) => String(record.msg).includes('unhandled'));
    report('full disk: acknowledged rows kept', acknowledged);
    report('full disk: unhandled rejections logged', unhandled.length);
    assert.deepEqual(unhandled, [], 'a failed write is reported to its statement, never as an unhandled rejection');
    await db.end();
  } finally {
    await server?.stop();
    execFileSync('umount', ['--lazy', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }
});
