// The KvEngine contract as tests, run against every engine (through beginTransaction, as the SQL layer uses it).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type {
  Bytes,
  KeyRange,
  KvEngine,
  KvPair,
  KvReader,
  KvTransaction,
  ScanOptions,
} from '../../../src/storage/kv.js';
import { WriteConflictError, beginTransaction, compareBytes, toHex } from '../../../src/storage/index.js';

/** How a suite gets engines. */
export interface EngineHarness {
  /** A fresh, empty engine. */
  create: () => Promise<KvEngine>;
  /** Closes `engine` and opens the same store again; only for durable engines. */
  reopen?: (engine: KvEngine) => Promise<KvEngine>;
  /** Runs once after the suite (removes temporary directories). */
  cleanup?: () => Promise<void>;
}

const b = (text: string): Buffer => Buffer.from(text, 'latin1');
const text = (bytes: Bytes | undefined): string | undefined =>
  bytes === undefined ? undefined : Buffer.from(bytes).toString('latin1');
const key3 = (n: number): Buffer => b(`k${String(n).padStart(3, '0')}`);

/** Reads a whole scan, checking batch sizes; returns the pairs as [key, value] strings. */
async function collect(reader: KvReader, range: KeyRange, options?: ScanOptions): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for await (const batch of reader.scan(range, options)) {
    assert.ok(batch.length > 0, 'batches are never empty');
    if (options?.batchSize !== undefined) assert.ok(batch.length <= options.batchSize, 'batch within batchSize');
    for (const pair of batch) out.push([text(pair.key)!, text(pair.value)!]);
  }
  return out;
}

/** Commits `pairs` (value undefined = delete) in one transaction. */
async function put(engine: KvEngine, pairs: Record<string, string | undefined>): Promise<void> {
  const txn = await beginTransaction(engine);
  for (const [key, value] of Object.entries(pairs)) {
    if (value === undefined) txn.delete(b(key));
    else txn.set(b(key), b(value));
  }
  await txn.commit();
}

async function read(engine: KvEngine, key: string): Promise<string | undefined> {
  const txn = await beginTransaction(engine);
  try {
    return text(await txn.get(b(key)));
  } finally {
    txn.rollback();
  }
}

/** Runs `body` on a transaction and commits, retrying on write conflicts. */
async function withRetry(engine: KvEngine, body: (txn: KvTransaction) => Promise<void>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const txn = await beginTransaction(engine);
    try {
      await body(txn);
      await txn.commit();
      return attempt;
    } catch (error) {
      txn.rollback();
      if (!(error instanceof WriteConflictError)) throw error;
    }
  }
}

/** Defines the contract tests for the engines `harness` creates. */
export function defineKvEngineContract(name: string, harness: EngineHarness): void {
  void describe(`KvEngine contract: ${name}`, () => {
    after(async () => {
      await harness.cleanup?.();
    });

    const withEngine = (body: (engine: KvEngine) => Promise<void>) => async () => {
      const engine = await harness.create();
      try {
        await body(engine);
      } finally {
        await engine.close();
      }
    };

    void it(
      'puts, gets, overwrites and deletes',
      withEngine(async (engine) => {
        await put(engine, { a: '1', b: '2' });
        assert.equal(await read(engine, 'a'), '1');
        assert.equal(await read(engine, 'b'), '2');
        assert.equal(await read(engine, 'c'), undefined);
        await put(engine, { a: 'one', b: undefined });
        assert.equal(await read(engine, 'a'), 'one');
        assert.equal(await read(engine, 'b'), undefined);
      }),
    );

    void it(
      'keeps an empty value distinct from an absent key',
      withEngine(async (engine) => {
        await put(engine, { empty: '' });
        const txn = await beginTransaction(engine);
        const value = await txn.get(b('empty'));
        assert.ok(value !== undefined);
        assert.equal(value.byteLength, 0);
        assert.equal(await txn.get(b('missing')), undefined);
        txn.rollback();
      }),
    );

    void it(
      'batchGet returns present keys by hex, merging buffered writes',
      withEngine(async (engine) => {
        await put(engine, { a: '1', b: '2', c: '3' });
        const txn = await beginTransaction(engine);
        txn.set(b('d'), b('4'));
        txn.delete(b('b'));
        const found = await txn.batchGet([b('a'), b('b'), b('d'), b('zz')]);
        assert.deepEqual(
          new Map([...found].map(([hex, value]) => [hex, text(value)])),
          new Map([
            [toHex(b('a')), '1'],
            [toHex(b('d')), '4'],
          ]),
        );
        assert.equal(found.size, 2);
        txn.rollback();
        const snapshot = await engine.snapshot();
        const committed = await snapshot.batchGet([b('a'), b('b'), b('nope')]);
        snapshot.close();
        assert.deepEqual(new Set(committed.keys()), new Set([toHex(b('a')), toHex(b('b'))]));
      }),
    );

    void it(
      'reads its own buffered writes before commit, and nobody else does',
      withEngine(async (engine) => {
        await put(engine, { a: '1' });
        const txn = await beginTransaction(engine);
        txn.set(b('a'), b('2'));
        txn.set(b('n'), b('new'));
        assert.equal(text(await txn.get(b('a'))), '2');
        assert.equal(text(await txn.get(b('n'))), 'new');
        txn.delete(b('a'));
        assert.equal(await txn.get(b('a')), undefined);
        assert.equal(txn.isDirty, true);
        assert.equal(await read(engine, 'a'), '1');
        assert.equal(await read(engine, 'n'), undefined);
        await txn.commit();
        assert.equal(await read(engine, 'a'), undefined);
        assert.equal(await read(engine, 'n'), 'new');
      }),
    );

    void it(
      'scans committed data in order, forward and reverse, with limits and batch sizes',
      withEngine(async (engine) => {
        const txn0 = await beginTransaction(engine);
        for (let i = 0; i < 100; i++) txn0.set(key3(i), b(`v${i}`));
        await txn0.commit();
        const txn = await beginTransaction(engine);
        const keys = (pairs: [string, string][]) => pairs.map(([k]) => k);
        const expected = Array.from({ length: 40 }, (_, i) => `k${String(i + 10).padStart(3, '0')}`);
        const range = { start: key3(10), end: key3(50) };
        assert.deepEqual(keys(await collect(txn, range, { batchSize: 7 })), expected);
        assert.deepEqual(keys(await collect(txn, range, { batchSize: 7, reverse: true })), [...expected].reverse());
        assert.deepEqual(keys(await collect(txn, range, { limit: 5, batchSize: 2 })), expected.slice(0, 5));
        assert.deepEqual(keys(await collect(txn, range, { limit: 5, reverse: true })), expected.slice(-5).reverse());
        assert.deepEqual(await collect(txn, range, { limit: 0 }), []);
        assert.deepEqual(await collect(txn, { start: key3(50), end: key3(50) }), []);
        assert.deepEqual(await collect(txn, { start: key3(60), end: key3(50) }), []);
        assert.equal((await collect(txn, { start: Buffer.alloc(0) })).length, 100);
        assert.deepEqual(keys(await collect(txn, { start: key3(98) })), ['k098', 'k099']);
        assert.deepEqual(keys(await collect(txn, { start: key3(98) }, { reverse: true })), ['k099', 'k098']);
        assert.deepEqual(keys(await collect(txn, { start: b('k0105'), end: b('k012') })), ['k011']);
        assert.deepEqual(keys(await collect(txn, { start: b('k0105'), end: b('k0125') }, { reverse: true })), [
          'k012',
          'k011',
        ]);
        const first = await collect(txn, { start: Buffer.alloc(0) }, { limit: 1, reverse: true });
        assert.deepEqual(first, [['k099', 'v99']]);
        txn.rollback();
      }),
    );

    void it(
      'value-only scans give the values a full scan gives, in order, with buffered writes merged',
      withEngine(async (engine) => {
        await put(engine, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`w${String(i).padStart(2, '0')}`, `v${i}`])));
        const txn = await beginTransaction(engine);
        const values = async (options: ScanOptions): Promise<string[]> => {
          const out: string[] = [];
          for await (const batch of txn.scan({ start: b('w03'), end: b('w15') }, { ...options, isValueOnly: true })) {
            for (const pair of batch) out.push(text(pair.value)!);
          }
          return out;
        };
        const expected = (await collect(txn, { start: b('w03'), end: b('w15') })).map(([, value]) => value);
        assert.deepEqual(await values({ batchSize: 5 }), expected);
        assert.deepEqual(await values({ reverse: true, limit: 4 }), [...expected].reverse().slice(0, 4));
        txn.set(b('w05'), b('new'));
        txn.delete(b('w06'));
        const merged = await collect(txn, { start: b('w03'), end: b('w15') }, { isValueOnly: true });
        assert.deepEqual(merged.map(([key]) => key).slice(0, 4), ['w03', 'w04', 'w05', 'w07'], 'keys come back where the transaction merges');
        assert.deepEqual(merged.map(([, value]) => value).slice(0, 4), ['v3', 'v4', 'new', 'v7']);
        txn.rollback();
      }),
    );

    void it(
      'closes a scan that is abandoned early and can scan again',
      withEngine(async (engine) => {
        await put(engine, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`s${i}`, 'x'])));
        const txn = await beginTransaction(engine);
        let seen = 0;
        for await (const batch of txn.scan({ start: b('s') }, { batchSize: 4 })) {
          seen += batch.length;
          break;
        }
        assert.equal(seen, 4);
        assert.equal((await collect(txn, { start: b('s') })).length, 30);
        txn.rollback();
      }),
    );

    void it(
      'merges buffered writes with the snapshot in scans (model check)',
      withEngine(async (engine) => {
        const keyArb = fc.integer({ min: 0, max: 40 }).map((n) => `m${String(n).padStart(2, '0')}`);
        let round = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.uniqueArray(keyArb, { maxLength: 25 }),
            fc.array(fc.tuple(keyArb, fc.boolean()), { maxLength: 25 }),
            fc.tuple(keyArb, fc.option(keyArb, { nil: undefined })),
            fc.record({
              reverse: fc.boolean(),
              limit: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
              batchSize: fc.integer({ min: 1, max: 8 }),
            }),
            async (committedKeys, ops, [start, end], options) => {
              round++;
              // Each round uses its own key prefix so the rounds do not see each other's data.
              const prefix = `r${round}/`;
              const model = new Map<string, string>();
              const setup = await beginTransaction(engine);
              for (const k of committedKeys) {
                setup.set(b(prefix + k), b(`c${k}`));
                model.set(prefix + k, `c${k}`);
              }
              await setup.commit();
              const txn = await beginTransaction(engine);
              for (const [i, [k, isDelete]] of ops.entries()) {
                if (isDelete) {
                  txn.delete(b(prefix + k));
                  model.delete(prefix + k);
                } else {
                  txn.set(b(prefix + k), b(`t${i}`));
                  model.set(prefix + k, `t${i}`);
                }
              }
              const range = { start: b(prefix + start), end: end === undefined ? b(`r${round}0`) : b(prefix + end) };
              let expected = [...model.entries()]
                .filter(([k]) => compareBytes(b(k), range.start) >= 0 && compareBytes(b(k), range.end) < 0)
                .sort(([x], [y]) => compareBytes(b(x), b(y)));
              if (options.reverse) expected.reverse();
              if (options.limit !== undefined) expected = expected.slice(0, options.limit);
              const actual = await collect(txn, range, options);
              txn.rollback();
              assert.deepEqual(actual, expected);
            },
          ),
          { numRuns: 40 },
        );
      }),
    );

    void it(
      'lets a scan consumer write (and delete what it scans) without disturbing the scan',
      withEngine(async (engine) => {
        await put(
          engine,
          Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`d${String(i).padStart(2, '0')}`, 'x'])),
        );
        const txn = await beginTransaction(engine);
        txn.set(b('d05a'), b('buffered'));
        const seen: string[] = [];
        for await (const batch of txn.scan({ start: b('d'), end: b('e') }, { batchSize: 3 })) {
          for (const pair of batch) {
            seen.push(text(pair.key)!);
            txn.delete(pair.key);
            txn.set(b(`d${text(pair.key)!.slice(1)}z`), b('added during scan'));
          }
        }
        assert.equal(seen.length, 21);
        assert.ok(seen.includes('d05a'));
        const after = await collect(txn, { start: b('d'), end: b('e') });
        assert.equal(after.length, 21);
        assert.ok(after.every(([k]) => k.endsWith('z')));
        await txn.commit();
      }),
    );

    void it(
      'gives snapshot isolation: a transaction never sees commits made after it began',
      withEngine(async (engine) => {
        await put(engine, { x: 'old', y: 'old' });
        const reader = await beginTransaction(engine);
        const snapshot = await engine.snapshot();
        await put(engine, { x: 'new', y: undefined, z: 'new' });
        assert.equal(text(await reader.get(b('x'))), 'old');
        assert.equal(text(await reader.get(b('y'))), 'old');
        assert.equal(await reader.get(b('z')), undefined);
        assert.deepEqual(await collect(reader, { start: b('x'), end: b('zz') }), [
          ['x', 'old'],
          ['y', 'old'],
        ]);
        assert.equal(text(await snapshot.get(b('x'))), 'old');
        assert.deepEqual((await collect(snapshot, { start: b('x') }, { reverse: true })).length, 2);
        snapshot.close();
        snapshot.close();
        reader.rollback();
        assert.equal(await read(engine, 'x'), 'new');
        assert.equal(await read(engine, 'z'), 'new');
      }),
    );

    void it(
      'lockingView reads the newest commits plus own writes, keeps plain reads on the snapshot, and moves the commit check',
      withEngine(async (engine) => {
        await put(engine, { row: 'v1', other: 'o1' });
        const txn = await beginTransaction(engine);
        txn.set(b('mine'), b('buffered'));
        await put(engine, { row: 'v2' });
        const view = await txn.lockingView();
        assert.equal(text(await view.get(b('row'))), 'v2');
        assert.equal(text(await view.get(b('mine'))), 'buffered');
        assert.deepEqual(await collect(view, { start: b('m'), end: b('s') }), [['mine', 'buffered'], ['other', 'o1'], ['row', 'v2']]);
        assert.equal(text(await txn.get(b('row'))), 'v1', 'the transaction itself still reads its snapshot');
        view.set(b('row'), b('v3'));
        assert.equal(text(await txn.get(b('row'))), 'v3', 'writes through the view are the transaction’s');
        await txn.commit();
        assert.equal(await read(engine, 'row'), 'v3');
        assert.equal(await read(engine, 'mine'), 'buffered');
      }),
    );

    void it(
      'lockingView without newer commits is the transaction itself; commits after the view still conflict',
      withEngine(async (engine) => {
        await put(engine, { row: 'v1' });
        const txn = await beginTransaction(engine);
        assert.equal(await txn.lockingView(), txn);
        await put(engine, { row: 'v2' });
        const view = await txn.lockingView();
        assert.notEqual(view, txn);
        await put(engine, { row: 'v3' });
        view.set(b('row'), b('mine'));
        await assert.rejects(txn.commit(), WriteConflictError);
        assert.equal(await read(engine, 'row'), 'v3');
      }),
    );

    void it(
      'keeps an old transaction isolated and conflict-checked across many later commits',
      withEngine(async (engine) => {
        await put(engine, { target: 'old', stable: 'old' });
        const old = await beginTransaction(engine);
        for (let i = 0; i < 150; i++)
          await put(engine, { [`noise${i}`]: String(i), ...(i === 70 ? { target: 'new' } : {}) });
        assert.equal(text(await old.get(b('target'))), 'old');
        assert.deepEqual(await collect(old, { start: b('noise'), end: b('noisf') }), []);
        old.set(b('target'), b('from old'));
        await assert.rejects(old.commit(), WriteConflictError);
        const fresh = await beginTransaction(engine);
        fresh.set(b('target'), b('fresh'));
        await fresh.commit();
        assert.equal(await read(engine, 'target'), 'fresh');
      }),
    );

    void it(
      'numbers commits with increasing versions that snapshots read at',
      withEngine(async (engine) => {
        const first = await beginTransaction(engine);
        first.set(b('v'), b('1'));
        const r1 = await first.commit();
        const second = await beginTransaction(engine);
        assert.equal(second.startVersion, r1!.commitVersion);
        second.set(b('v'), b('2'));
        const r2 = await second.commit();
        assert.ok(r2!.commitVersion > r1!.commitVersion);
        const snapshot = await engine.snapshot();
        assert.equal(snapshot.version, r2!.commitVersion);
        snapshot.close();
      }),
    );

    void it(
      'rejects a write-write conflict with WriteConflictError and applies nothing of the loser',
      withEngine(async (engine) => {
        await put(engine, { k: '0' });
        const a = await beginTransaction(engine);
        const loser = await beginTransaction(engine);
        a.set(b('k'), b('a'));
        loser.set(b('k'), b('b'));
        loser.set(b('other'), b('b'));
        const committed = await a.commit();
        await assert.rejects(loser.commit(), (error: unknown) => {
          assert.ok(error instanceof WriteConflictError);
          assert.equal(error.code, 9007);
          assert.equal(error.startVersion, loser.startVersion);
          assert.equal(error.conflictCommitVersion, committed!.commitVersion);
          assert.equal(error.keyHex, toHex(b('k')));
          assert.match(
            error.message,
            /^Write conflict, txnStartTS=\d+, conflictStartTS=\d+, conflictCommitTS=\d+, key=/,
          );
          return true;
        });
        loser.rollback();
        assert.equal(await read(engine, 'k'), 'a');
        assert.equal(await read(engine, 'other'), undefined);
      }),
    );

    void it(
      'treats a concurrent delete as a conflicting write, and a write racing a delete the same way',
      withEngine(async (engine) => {
        await put(engine, { row: 'v1', other: 'o1' });
        const writer = await beginTransaction(engine);
        const deleter = await beginTransaction(engine);
        deleter.delete(b('row'));
        await deleter.commit();
        writer.set(b('row'), b('v2'));
        await assert.rejects(writer.commit(), WriteConflictError);
        assert.equal(await read(engine, 'row'), undefined);
        const reader = await beginTransaction(engine);
        await reader.get(b('other'));
        reader.trackRead(b('other'));
        reader.set(b('audit'), b('saw o1'));
        await put(engine, { other: undefined });
        await assert.rejects(reader.commit(), WriteConflictError);
        assert.equal(await read(engine, 'audit'), undefined);
      }),
    );

    void it(
      'rejects a read-write conflict on tracked reads and applies nothing',
      withEngine(async (engine) => {
        await put(engine, { balance: '10' });
        const reader = await beginTransaction(engine);
        assert.equal(text(await reader.get(b('balance'))), '10');
        reader.trackRead(b('balance'));
        reader.set(b('audit'), b('saw 10'));
        await put(engine, { balance: '20' });
        await assert.rejects(reader.commit(), WriteConflictError);
        assert.equal(await read(engine, 'audit'), undefined);
      }),
    );

    void it(
      'does not conflict on disjoint keys, untracked reads or transactions that began after a commit',
      withEngine(async (engine) => {
        await put(engine, { p: '0', q: '0' });
        const a = await beginTransaction(engine);
        const c = await beginTransaction(engine);
        await c.get(b('p'));
        a.set(b('p'), b('a'));
        c.set(b('q'), b('c'));
        await a.commit();
        await c.commit();
        const later = await beginTransaction(engine);
        later.set(b('p'), b('later'));
        await later.commit();
        assert.equal(await read(engine, 'p'), 'later');
        assert.equal(await read(engine, 'q'), 'c');
      }),
    );

    void it(
      'rolls back to savepoints, nested, and keeps earlier writes',
      withEngine(async (engine) => {
        await put(engine, { keep: 'committed', gone: 'committed' });
        const txn = await beginTransaction(engine);
        txn.set(b('a'), b('1'));
        const sp1 = txn.savepoint();
        txn.set(b('a'), b('2'));
        txn.set(b('b'), b('2'));
        txn.delete(b('keep'));
        const sp2 = txn.savepoint();
        txn.set(b('c'), b('3'));
        txn.delete(b('gone'));
        txn.rollbackTo(sp2);
        assert.equal(text(await txn.get(b('c'))), undefined);
        assert.equal(text(await txn.get(b('gone'))), 'committed');
        assert.equal(text(await txn.get(b('b'))), '2');
        txn.rollbackTo(sp1);
        assert.equal(text(await txn.get(b('a'))), '1');
        assert.equal(await txn.get(b('b')), undefined);
        assert.equal(text(await txn.get(b('keep'))), 'committed');
        assert.deepEqual(await collect(txn, { start: b('a'), end: b('h') }), [
          ['a', '1'],
          ['gone', 'committed'],
        ]);
        assert.throws(() => txn.rollbackTo(sp2), RangeError);
        txn.set(b('d'), b('4'));
        await txn.commit();
        assert.equal(await read(engine, 'a'), '1');
        assert.equal(await read(engine, 'b'), undefined);
        assert.equal(await read(engine, 'd'), '4');
        assert.equal(await read(engine, 'keep'), 'committed');
      }),
    );

    void it(
      'is clean after rolling back every write to a savepoint',
      withEngine(async (engine) => {
        const txn = await beginTransaction(engine);
        const sp = txn.savepoint();
        txn.set(b('a'), b('1'));
        assert.equal(txn.isDirty, true);
        txn.rollbackTo(sp);
        assert.equal(txn.isDirty, false);
        assert.equal(await txn.commit(), undefined);
      }),
    );

    void it(
      'finishes transactions exactly once',
      withEngine(async (engine) => {
        const readOnly = await beginTransaction(engine);
        assert.equal(readOnly.isDirty, false);
        assert.equal(await readOnly.commit(), undefined);
        assert.throws(() => readOnly.set(b('a'), b('1')), /already been committed or rolled back/);
        await assert.rejects(readOnly.commit(), /already been committed or rolled back/);
        readOnly.rollback();
        const rolledBack = await beginTransaction(engine);
        rolledBack.set(b('a'), b('1'));
        rolledBack.rollback();
        rolledBack.rollback();
        await assert.rejects(rolledBack.get(b('a')), /already been committed or rolled back/);
        assert.equal(await read(engine, 'a'), undefined);
      }),
    );

    void it(
      'rejects empty keys in transactions and oversized keys at commit, applying nothing',
      withEngine(async (engine) => {
        const txn = await beginTransaction(engine);
        assert.throws(() => txn.set(Buffer.alloc(0), b('x')), RangeError);
        txn.set(b('fine'), b('x'));
        txn.set(Buffer.alloc(5000, 0x61), b('x'));
        await assert.rejects(txn.commit(), /exceeds the maximum/);
        assert.equal(await read(engine, 'fine'), undefined);
      }),
    );

    void it(
      'validates read keys on a direct engine commit',
      withEngine(async (engine) => {
        await put(engine, { r: '1' });
        const snapshot = await engine.snapshot();
        await put(engine, { r: '2' });
        await assert.rejects(
          engine.commit({
            startVersion: snapshot.version,
            mutations: [{ key: b('w'), value: b('1') }],
            readKeys: [b('r')],
          }),
          WriteConflictError,
        );
        const ok = await engine.commit({
          startVersion: snapshot.version,
          mutations: [{ key: b('w'), value: b('1') }],
          readKeys: [b('unrelated')],
        });
        snapshot.close();
        assert.ok(ok.commitVersion > snapshot.version);
        assert.equal(await read(engine, 'w'), '1');
      }),
    );

    void it(
      'applies the last of several mutations of one key in a direct engine commit',
      withEngine(async (engine) => {
        const snapshot = await engine.snapshot();
        await engine.commit({
          startVersion: snapshot.version,
          mutations: [
            { key: b('twice'), value: b('first') },
            { key: b('gone'), value: b('x') },
            { key: b('twice'), value: b('second') },
            { key: b('gone'), value: undefined },
          ],
          readKeys: [],
        });
        snapshot.close();
        assert.equal(await read(engine, 'twice'), 'second');
        assert.equal(await read(engine, 'gone'), undefined);
      }),
    );

    void it(
      'ends 50 concurrent increments with retries at exactly 50',
      withEngine(async (engine) => {
        await put(engine, { counter: '0' });
        const attempts = await Promise.all(
          Array.from({ length: 50 }, () =>
            withRetry(engine, async (txn) => {
              const current = Number(text(await txn.get(b('counter'))));
              await new Promise((resolve) => setImmediate(resolve));
              txn.set(b('counter'), b(String(current + 1)));
            }),
          ),
        );
        assert.equal(await read(engine, 'counter'), '50');
        assert.ok(
          attempts.some((count) => count > 1),
          'some increments had to retry',
        );
      }),
    );

    void it(
      'keeps many concurrent blind writers to distinct keys conflict-free',
      withEngine(async (engine) => {
        await Promise.all(
          Array.from({ length: 40 }, (_, i) => put(engine, { [`w${String(i).padStart(2, '0')}`]: String(i) })),
        );
        const all = await (async () => {
          const txn = await beginTransaction(engine);
          try {
            return await collect(txn, { start: b('w'), end: b('x') });
          } finally {
            txn.rollback();
          }
        })();
        assert.equal(all.length, 40);
      }),
    );

    void it('fails calls after close', async () => {
      const engine = await harness.create();
      await engine.close();
      await assert.rejects(engine.snapshot(), /closed/);
      await assert.rejects(engine.commit({ startVersion: 0n, mutations: [], readKeys: [] }), /closed/);
      await engine.close();
    });

    const reopen = harness.reopen;
    if (reopen !== undefined) {
      void it('keeps committed data and versions across close and reopen', async () => {
        let engine = await harness.create();
        try {
          await put(engine, { durable: 'yes', gone: 'x' });
          await put(engine, { gone: undefined });
          const last = await engine.snapshot();
          const version = last.version;
          last.close();
          engine = await reopen(engine);
          assert.equal(await read(engine, 'durable'), 'yes');
          assert.equal(await read(engine, 'gone'), undefined);
          const snapshot = await engine.snapshot();
          assert.equal(snapshot.version, version);
          snapshot.close();
          const txn = await beginTransaction(engine);
          txn.set(b('after'), b('1'));
          const result = await txn.commit();
          assert.ok(result!.commitVersion > version);
        } finally {
          await engine.close();
        }
      });
    }
  });
}

/** Pairs as strings, for assertions in engine-specific tests. */
export function pairsText(pairs: readonly KvPair[]): [string, string][] {
  return pairs.map((pair) => [text(pair.key)!, text(pair.value)!]);
}
