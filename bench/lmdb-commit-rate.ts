// Measures durable commits per second of the LMDB engine alone (no SQL, no sockets): CONCURRENCY writers in one
// process, each committing transactions of 4 row-sized puts back to back for SECONDS, on a fresh data directory.
// Usage: node dist/bench/lmdb-commit-rate.js [CONCURRENCY] [SECONDS]   (defaults: 4 5)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LmdbEngine, beginTransaction } from '../src/storage/index.js';

const [concurrencyText, secondsText] = process.argv.slice(2);
const concurrency = Number(concurrencyText ?? 4);
const durationMs = Number(secondsText ?? 5) * 1000;
const directory = await mkdtemp(join(tmpdir(), 'tidal-commit-rate-'));
const engine = await LmdbEngine.open(join(directory, 'data'));
let commits = 0;
const endsAt = Date.now() + durationMs;
try {
  await Promise.all(
    Array.from({ length: concurrency }, async (_, writer) => {
      for (let i = 0; Date.now() < endsAt; i++) {
        const txn = await beginTransaction(engine);
        for (let k = 0; k < 4; k++) txn.set(Buffer.from(`w${writer}-${(i * 4 + k) % 5000}`), Buffer.alloc(200, k));
        await txn.commit();
        commits++;
      }
    }),
  );
} finally {
  await engine.close();
  await rm(directory, { recursive: true, force: true });
}
console.log(JSON.stringify({ concurrency, commits, commitsPerSecond: Math.round((commits * 1000) / durationMs) }));
