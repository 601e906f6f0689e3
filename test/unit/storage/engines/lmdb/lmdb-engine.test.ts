// Runs the KvEngine contract against LmdbEngine in temporary directories, plus durability and opening rules.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { KvEngine } from '../../../../../src/storage/kv.js';
import { LmdbEngine, beginTransaction } from '../../../../../src/storage/index.js';
import { defineKvEngineContract } from '../../kv-engine-contract.js';

const root = await mkdtemp(join(tmpdir(), 'tidal-lmdb-'));
let counter = 0;
const freshDir = (): string => join(root, `db${counter++}`);

defineKvEngineContract('lmdb', {
  create: () => LmdbEngine.open(freshDir()),
  reopen: async (engine: KvEngine) => {
    const directory = (engine as LmdbEngine).directory;
    await engine.close();
    return LmdbEngine.open(directory);
  },
});

after(() => rm(root, { recursive: true, force: true }));

const moduleUrl = new URL('../../../../../src/storage/index.js', import.meta.url).href;

/** Runs `source` as an ES module in a child node process; resolves with its exit signal/code and stdout. */
function runChild(source: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout }));
  });
}

void describe('LmdbEngine', () => {
  void it('runs onVisible once, no later than the first snapshot that reads the commit, and before it resolves', async () => {
    const engine = await LmdbEngine.open(freshDir());
    try {
      const key = Buffer.from('k');
      for (let round = 0; round < 20; round++) {
        let visibleCalls = 0;
        let resolved = false;
        const start = (await engine.snapshot()).version;
        const committing = engine
          .commit({ startVersion: start, mutations: [{ key, value: Buffer.from(String(round)) }], readKeys: [], onVisible: () => visibleCalls++ })
          .then((result) => {
            resolved = true;
            return result;
          });
        // Snapshots taken while the commit is on its way: whichever first reads its version must find onVisible run.
        while (!resolved) {
          const snapshot = await engine.snapshot();
          if (snapshot.version > start) {
            assert.equal(visibleCalls, 1, 'a snapshot read the commit before its locks could go');
            assert.equal(String(await snapshot.get(key)), String(round));
          }
          snapshot.close();
          await new Promise((next) => setImmediate(next));
        }
        const { commitVersion } = await committing;
        assert.equal(visibleCalls, 1, 'onVisible runs exactly once');
        const after = await engine.snapshot();
        assert.ok(after.version >= commitVersion);
        after.close();
      }
    } finally {
      await engine.close();
    }
  });

  void it('keeps a commit once its promise resolved, even when the process is killed right after', async () => {
    const dir = freshDir();
    const result = await runChild(`
      import { LmdbEngine, beginTransaction } from ${JSON.stringify(moduleUrl)};
      const engine = await LmdbEngine.open(${JSON.stringify(dir)});
      const txn = await beginTransaction(engine);
      for (let i = 0; i < 100; i++) txn.set(Buffer.from('crash' + i), Buffer.from('v' + i));
      await txn.commit();
      process.stdout.write('committed\\n');
      process.kill(process.pid, 'SIGKILL');
    `);
    assert.equal(result.signal, 'SIGKILL');
    assert.equal(result.stdout, 'committed\n');
    // The killed process left its lock file behind; a dead owner's lock is taken over.
    assert.match(await readFile(join(dir, 'tidaldb.lock'), 'utf8'), /^\d+\n$/);
    const engine = await LmdbEngine.open(dir);
    const txn = await beginTransaction(engine);
    let count = 0;
    for await (const batch of txn.scan({ start: Buffer.from('crash') }, { batchSize: 32 })) count += batch.length;
    assert.equal(count, 100);
    assert.equal(Buffer.from((await txn.get(Buffer.from('crash42')))!).toString(), 'v42');
    txn.rollback();
    await engine.close();
  });

  void it('applies concurrent commits in version order, each durable once its promise resolved', async () => {
    const dir = freshDir();
    // 60 commits at once (queued behind each other's batches in lmdb-js), each writing its own
    // key and the shared key `last`: the one with the highest version must win, as if they ran one by one.
    const result = await runChild(`
      import { LmdbEngine } from ${JSON.stringify(moduleUrl)};
      const engine = await LmdbEngine.open(${JSON.stringify(dir)});
      const start = (await engine.snapshot()).version;
      const commits = Array.from({ length: 60 }, (_, i) => engine.commit({
        startVersion: start,
        mutations: [{ key: Buffer.from('group' + i), value: Buffer.from('v' + i) }, { key: Buffer.from('last'), value: Buffer.from(String(i)) }],
        readKeys: [],
      }).then((r) => [i, r.commitVersion], (e) => [i, e.constructor.name]));
      process.stdout.write(JSON.stringify((await Promise.all(commits)).map(([i, v]) => [i, String(v)])) + '\\n');
      process.kill(process.pid, 'SIGKILL');
    `);
    assert.equal(result.signal, 'SIGKILL');
    const outcomes = JSON.parse(result.stdout) as [number, string][];
    // Every commit but the first conflicts on `last` (all started from the same snapshot): as without grouping.
    const committed = outcomes.filter(([, outcome]) => /^\d+$/.test(outcome));
    assert.deepEqual(committed.map(([i]) => i), [0]);
    assert.ok(outcomes.slice(1).every(([, outcome]) => outcome === 'WriteConflictError'));
    const engine = await LmdbEngine.open(dir);
    const txn = await beginTransaction(engine);
    assert.equal(Buffer.from((await txn.get(Buffer.from('last')))!).toString(), '0');
    assert.equal(Buffer.from((await txn.get(Buffer.from('group0')))!).toString(), 'v0');
    assert.equal(await txn.get(Buffer.from('group1')), undefined);
    txn.rollback();
    // Without conflicts (each starts at the version admitted before it): every commit of a burst is applied, and
    // the shared key holds the value of the highest version.
    const burst = Array.from({ length: 60 }, (_, i) =>
      engine.commit({ startVersion: engine.latestVersion, mutations: [{ key: Buffer.from('burst' + i), value: Buffer.from('b' + i) }, { key: Buffer.from('shared'), value: Buffer.from(String(i)) }], readKeys: [] }),
    );
    const versions = (await Promise.all(burst)).map((r) => r.commitVersion);
    assert.deepEqual(versions, [...versions].sort((x, y) => (x < y ? -1 : 1)));
    const reader = await beginTransaction(engine);
    for (let i = 0; i < 60; i++) assert.equal(Buffer.from((await reader.get(Buffer.from('burst' + i)))!).toString(), 'b' + i);
    assert.equal(Buffer.from((await reader.get(Buffer.from('shared')))!).toString(), '59');
    assert.equal(reader.startVersion, versions[59]);
    reader.rollback();
    await engine.close();
  });

  void it('rejects opening a directory twice in one process, and allows it again after close', async () => {
    const dir = freshDir();
    const engine = await LmdbEngine.open(dir);
    await assert.rejects(LmdbEngine.open(dir), {
      message: `LMDB data directory ${dir} is already open in this process`,
    });
    await engine.close();
    const again = await LmdbEngine.open(dir);
    await again.close();
  });

  void it('rejects a directory locked by another live process', async () => {
    const dir = freshDir();
    const engine = await LmdbEngine.open(dir);
    await engine.close();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await writeFile(join(dir, 'tidaldb.lock'), `${holder.pid}\n`);
      await assert.rejects(LmdbEngine.open(dir), {
        message: `data directory ${dir} is in use by process ${holder.pid} (lock file ${join(dir, 'tidaldb.lock')})`,
      });
    } finally {
      holder.kill();
    }
  });

  void it('names the path when the directory cannot be created', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, '');
    const dir = join(file, 'data');
    await assert.rejects(LmdbEngine.open(dir), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, new RegExp(`^cannot create data directory ${dir}: ENOTDIR`));
      return true;
    });
  });

  void it('releases snapshots that are still open when the engine closes', async () => {
    const engine = await LmdbEngine.open(freshDir());
    const txn = await beginTransaction(engine);
    txn.set(Buffer.from('a'), Buffer.from('1'));
    await txn.commit();
    const snapshot = await engine.snapshot();
    await engine.close();
    await assert.rejects(snapshot.get(Buffer.from('a')), /closed/);
    snapshot.close();
  });

  void it('shares one read between commits: snapshots see every commit made before them and none after', async () => {
    const engine = await LmdbEngine.open(freshDir());
    const write = async (value: string): Promise<void> => {
      const txn = await beginTransaction(engine);
      txn.set(Buffer.from('k'), Buffer.from(value));
      await txn.commit();
    };
    const readWith = async (snapshot: Awaited<ReturnType<LmdbEngine['snapshot']>>): Promise<string | undefined> => {
      const value = await snapshot.get(Buffer.from('k'));
      return value === undefined ? undefined : Buffer.from(value).toString();
    };
    const before = await engine.snapshot();
    const alsoBefore = await engine.snapshot();
    assert.equal(before.version, alsoBefore.version);
    alsoBefore.close();
    await write('1');
    const afterFirst = await engine.snapshot();
    assert.equal(await readWith(before), undefined, 'a snapshot keeps its state after a commit');
    assert.equal(await readWith(afterFirst), '1');
    assert.ok(afterFirst.version > before.version);
    before.close();
    // Closed in between or still open, a snapshot taken after the next commit sees it.
    const sameRead = await engine.snapshot();
    assert.equal(sameRead.version, afterFirst.version);
    sameRead.close();
    await write('2');
    const afterSecond = await engine.snapshot();
    assert.equal(await readWith(afterSecond), '2');
    assert.equal(await readWith(afterFirst), '1');
    afterFirst.close();
    afterSecond.close();
    await write('3');
    const last = await engine.snapshot();
    assert.equal(await readWith(last), '3');
    last.close();
    await engine.close();
  });

  void it('keeps every value read intact while later reads fill the shared value slabs', async () => {
    const engine = await LmdbEngine.open(freshDir());
    // Sizes cross the 64 KiB slab boundary many times, and one value is bigger than a slab.
    const valueOf = (i: number): Buffer => Buffer.alloc(i === 7 ? 100_000 : 1 + ((i * 37) % 900), i % 251);
    const keyOf = (i: number): Buffer => Buffer.from(`k${String(i).padStart(5, '0')}`);
    const txn = await beginTransaction(engine);
    for (let i = 0; i < 1500; i++) txn.set(keyOf(i), valueOf(i));
    await txn.commit();
    const snapshot = await engine.snapshot();
    const scanned: Buffer[] = [];
    for await (const batch of snapshot.scan({ start: keyOf(0) }, { batchSize: 100 })) for (const pair of batch) scanned.push(Buffer.from(pair.value));
    const viewed: Uint8Array[] = [];
    for await (const batch of snapshot.scan({ start: keyOf(0) }, { batchSize: 100 })) for (const pair of batch) viewed.push(pair.value);
    const got = await Promise.all([3, 7, 1499].map((i) => snapshot.get(keyOf(i))));
    snapshot.close();
    await engine.close();
    assert.equal(viewed.length, 1500);
    for (let i = 0; i < 1500; i++) {
      assert.deepEqual(scanned[i], valueOf(i));
      assert.deepEqual(Buffer.from(viewed[i]!), valueOf(i));
    }
    assert.deepEqual(got.map((value) => Buffer.from(value!)), [valueOf(3), valueOf(7), valueOf(1499)]);
  });

  void it("visits a range's values in either order without copies, and leaves a range with own writes to the scan", async () => {
    const engine = await LmdbEngine.open(freshDir());
    const valueOf = (i: number): Buffer => Buffer.alloc(i === 5 ? 100_000 : 1 + ((i * 37) % 300), i % 251);
    const keyOf = (i: number): Buffer => Buffer.from(`k${String(i).padStart(3, '0')}`);
    const writer = await beginTransaction(engine);
    for (let i = 0; i < 20; i++) writer.set(keyOf(i), valueOf(i));
    await writer.commit();
    const txn = await beginTransaction(engine);
    // The visitor copies each value: the engine may reuse the bytes it hands over for the next one.
    const visit = (range: { start: Buffer; end?: Buffer }, reverse: boolean): Buffer[] | undefined => {
      const seen: Buffer[] = [];
      return txn.visitValues!(range, { reverse }, (value) => seen.push(Buffer.from(value.subarray(0, value.length)))) ? seen : undefined;
    };
    const expected = [3, 4, 5, 6, 7].map(valueOf);
    assert.deepEqual(visit({ start: keyOf(3), end: keyOf(8) }, false), expected);
    assert.deepEqual(visit({ start: keyOf(3), end: keyOf(8) }, true), expected.reverse());
    assert.deepEqual(visit({ start: keyOf(8), end: keyOf(3) }, false), []);
    assert.equal(visit({ start: keyOf(0) }, false)?.length, 20);
    txn.set(keyOf(30), Buffer.from('own'));
    assert.equal(visit({ start: keyOf(3), end: keyOf(8) }, false)?.length, 5, 'own writes outside the range');
    txn.set(keyOf(4), Buffer.from('own'));
    assert.equal(visit({ start: keyOf(3), end: keyOf(8) }, false), undefined, 'own writes in the range need the merged scan');
    txn.rollback();
    await engine.close();
  });
});
