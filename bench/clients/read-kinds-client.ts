// The query kinds of sysbench's oltp_read_only, one kind at a time, as server-side prepared statements through
// mysql2, printing the server's CPU microseconds per query for each (read from /proc/<pid>/stat); a steadier measure
// than QPS on a shared machine for finding which kind a read-path change helped. Usage (a table sbtest.sbtest1 of
// `--rows` rows made by `sysbench oltp_point_select prepare`):
//   node dist/bench/clients/read-kinds-client.js --port P --pid SERVER_PID [--seconds 5] [--connections 4] [--kinds point,simple,…]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import type { Connection } from 'mysql2/promise';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    pid: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '4' },
    rows: { type: 'string', default: '10000' },
    kinds: { type: 'string', default: 'point,simple1,sum1,simple,sum,order,distinct,begin-commit' },
  },
});
const RANGE = 100;
const rows = Number(values.rows);

/** Each kind: the statements one step runs, with their parameters. */
const KINDS: Record<string, () => [string, number[]][]> = {
  point: () => [['SELECT c FROM sbtest1 WHERE id=?', [randomId()]]],
  simple: () => [['SELECT c FROM sbtest1 WHERE id BETWEEN ? AND ?', range()]],
  sum: () => [['SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN ? AND ?', range()]],
  // A range of one row: the fixed cost of a range query, without the per-row cost.
  sum1: () => [['SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN ? AND ?', oneId()]],
  simple1: () => [['SELECT c FROM sbtest1 WHERE id BETWEEN ? AND ?', oneId()]],
  order: () => [['SELECT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c', range()]],
  distinct: () => [['SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c', range()]],
  'begin-commit': () => [
    ['BEGIN', []],
    ['COMMIT', []],
  ],
};

function randomId(): number {
  return 1 + Math.floor(Math.random() * rows);
}

function oneId(): number[] {
  const id = randomId();
  return [id, id];
}

function range(): number[] {
  const low = 1 + Math.floor(Math.random() * (rows - RANGE));
  return [low, low + RANGE - 1];
}

/** The server's user + system CPU time in clock ticks (100 per second on Linux). */
function serverTicks(pid: string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function runKind(kind: string, step: () => [string, number[]][]): Promise<void> {
  const connections: Connection[] = [];
  for (let i = 0; i < Number(values.connections); i++) {
    connections.push(await mysql.createConnection({ host: '127.0.0.1', port: Number(values.port), user: 'root', database: 'sbtest' }));
  }
  // Warm up (prepares every statement, lets the JIT settle), then measure.
  const loop = async (db: Connection, until: number, counter: { queries: number }): Promise<void> => {
    while (Date.now() < until) {
      for (const [sql, params] of step()) {
        await db.execute(sql, params);
        counter.queries++;
      }
    }
  };
  const warm = { queries: 0 };
  await Promise.all(connections.map((db) => loop(db, Date.now() + 1500, warm)));
  const counter = { queries: 0 };
  const ticksBefore = serverTicks(values.pid!);
  const startedAt = Date.now();
  await Promise.all(connections.map((db) => loop(db, startedAt + Number(values.seconds) * 1000, counter)));
  const ticks = serverTicks(values.pid!) - ticksBefore;
  const elapsed = (Date.now() - startedAt) / 1000;
  const micros = (ticks * 10_000) / counter.queries;
  console.log(`${kind.padEnd(14)} ${(counter.queries / elapsed).toFixed(0).padStart(7)} q/s  ${micros.toFixed(1).padStart(6)} µs/q server CPU`);
  await Promise.all(connections.map((db) => db.end()));
}

for (const kind of values.kinds.split(',')) {
  const step = KINDS[kind];
  if (!step) throw new Error(`unknown kind ${kind}; known: ${Object.keys(KINDS).join(', ')}`);
  await runKind(kind, step);
}
