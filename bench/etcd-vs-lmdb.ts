// sysbench against tidal-server on LMDB, then on a 3-member etcd cluster (mutual TLS, loopback) with one SQL node and
// with two (sysbench spreads its connections over both), one after the other. Prints QPS per test and the ratios
// to LMDB. Usage (after `npm run build`):
//   node dist/bench/etcd-vs-lmdb.js [--tests oltp_point_select,oltp_read_write] [--time 20] [--threads 4]
//     [--table-size 10000] [--warmup 5]
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { startEtcdCluster } from '../test/cluster/helpers/etcd-cluster.js';
import type { EtcdCluster } from '../test/cluster/helpers/etcd-cluster.js';
import { SERVER_BIN } from '../test/e2e/helpers/tidal-process.js';

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    tests: { type: 'string', default: 'oltp_point_select,oltp_read_write' },
    time: { type: 'string', default: '20' },
    threads: { type: 'string', default: '4' },
    'table-size': { type: 'string', default: '10000' },
    warmup: { type: 'string', default: '5' },
  },
});
const tests = (values.tests ?? '').split(',').filter((test) => test !== '');
const seconds = Number(values.time);
const threads = Number(values.threads);
const tableSize = Number(values['table-size']);
const warmup = Number(values.warmup);

/** etcd's limits raised as the README's "Run a cluster" starts it: sysbench's prepare inserts thousands of rows at once. */
const ETCD_ARGS = ['--max-txn-ops=10000', '--max-request-bytes=10485760'];

interface Server {
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts tidal-server with `args` on port 0; resolves once it listens. */
function startServer(args: readonly string[]): Promise<Server> {
  const child: ChildProcess = spawn(
    process.execPath,
    [SERVER_BIN, '--port', '0', '--status-port', '0', '--auto-tls=false', '--log-level', 'info', ...args],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /"port":(\d+)[^\n]*server is running MySQL protocol/.exec(log);
      if (match !== null) {
        resolve({
          port: Number(match[1]),
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`tidal-server exited with ${code}: ${log}`)));
  });
}

function sysbenchArgs(ports: readonly number[]): string[] {
  return [
    '--db-driver=mysql',
    '--tables=1',
    `--table-size=${tableSize}`,
    '--create_secondary=off',
    '--mysql-host=127.0.0.1',
    // A list: sysbench opens its connections over the ports in turn.
    `--mysql-port=${ports.join(',')}`,
    '--mysql-user=root',
    '--mysql-password=',
    '--mysql-db=sbtest',
    `--threads=${threads}`,
  ];
}

/** Prepares sbtest1, then measures each test; returns QPS by test. */
async function measure(name: string, ports: readonly number[]): Promise<Map<string, number>> {
  const port = ports[0]!;
  const db = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', password: '' });
  await db.query('CREATE DATABASE sbtest');
  await db.end();
  const started = Date.now();
  await run('sysbench', ['oltp_point_select', ...sysbenchArgs([port]), 'prepare'], { maxBuffer: 1 << 24 });
  process.stderr.write(`${name}: prepared ${tableSize} rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const qps = new Map<string, number>();
  const ignored = '--mysql-ignore-errors=9007,1213,1205';
  for (const test of tests) {
    // sysbench 1.0 has no --warmup-time: an unmeasured run first lets V8 compile the hot paths.
    if (warmup > 0)
      await run('sysbench', [test, ...sysbenchArgs(ports), `--time=${warmup}`, ignored, 'run'], { maxBuffer: 1 << 24 });
    const { stdout } = await run('sysbench', [test, ...sysbenchArgs(ports), `--time=${seconds}`, ignored, 'run'], {
      maxBuffer: 1 << 24,
      timeout: (seconds + 120) * 1000,
    });
    const match = /queries:\s+\d+\s+\(([\d.]+) per sec\.\)/.exec(stdout);
    const errors = /ignored errors:\s+(\d+)/.exec(stdout)?.[1] ?? '0';
    qps.set(test, match === null ? Number.NaN : Number(match[1]));
    process.stderr.write(`${name}: ${test} ${match?.[1] ?? '?'} QPS (${errors} ignored errors)\n`);
  }
  return qps;
}

async function main(): Promise<void> {
  const results = new Map<string, Map<string, number>>();
  const dir = await mkdtemp(join(tmpdir(), 'tidal-bench-store-'));
  let cluster: EtcdCluster | undefined;
  try {
    const lmdb = await startServer(['--path', join(dir, 'lmdb')]);
    try {
      results.set('lmdb', await measure('lmdb', [lmdb.port]));
    } finally {
      await lmdb.stop();
    }
    cluster = await startEtcdCluster({ extraArgs: ETCD_ARGS });
    const certs = cluster.certificates;
    const node = (keyspace: string, name: string): Promise<Server> =>
      startServer([
        '--store=etcd',
        `--path=${cluster!.endpoints.join(',')}`,
        `--cluster-ssl-ca=${certs.ca}`,
        `--cluster-ssl-cert=${certs.clientCert}`,
        `--cluster-ssl-key=${certs.clientKey}`,
        `--keyspace-name=${keyspace}`,
        `--temp-dir=${join(dir, name)}`,
      ]);
    const etcd = await node('one', 'node');
    try {
      results.set('etcd', await measure('etcd 1 node', [etcd.port]));
    } finally {
      await etcd.stop();
    }
    // Two SQL nodes on a keyspace of their own: row locks, schema and ids shared through etcd.
    const first = await node('two', 'node-a');
    const second = await node('two', 'node-b');
    try {
      results.set('etcd2', await measure('etcd 2 nodes', [first.port, second.port]));
    } finally {
      await second.stop();
      await first.stop();
    }
  } finally {
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const lines = [
    `sysbench ${threads} threads, ${seconds} s per test, ${tableSize} rows; etcd: 3 members, mutual TLS, loopback`,
    `${'test'.padEnd(20)} ${'LMDB QPS'.padStart(10)} ${'etcd 1 node'.padStart(12)} ${'ratio'.padStart(7)} ${'etcd 2 nodes'.padStart(13)} ${'ratio'.padStart(7)}`,
  ];
  for (const test of tests) {
    const lmdb = results.get('lmdb')?.get(test) ?? Number.NaN;
    const one = results.get('etcd')?.get(test) ?? Number.NaN;
    const two = results.get('etcd2')?.get(test) ?? Number.NaN;
    lines.push(
      `${test.padEnd(20)} ${lmdb.toFixed(1).padStart(10)} ${one.toFixed(1).padStart(12)} ${(one / lmdb).toFixed(3).padStart(7)} ${two.toFixed(1).padStart(13)} ${(two / lmdb).toFixed(3).padStart(7)}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
