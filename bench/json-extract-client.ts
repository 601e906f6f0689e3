// The client of bench/json-extract.sh: loads the same documents into TidalDB (a JSON column) and MariaDB (its JSON
// alias, LONGTEXT), then times one JSON_EXTRACT filter on each, alternating A B A B, and prints the result as JSON.
import type { Connection } from 'mysql2/promise';
import { median, parseSideBySideOptions, timeQuery as timeRun, withBothServers } from './side-by-side-client.js';

/** The measured filter, and the same filter on a plain INT column holding the same value: the scan's own cost. */
const QUERY = "SELECT COUNT(*) AS n FROM docs WHERE JSON_EXTRACT(doc, '$.score') > 900";
const BASELINE_QUERY = 'SELECT COUNT(*) AS n FROM docs WHERE score > 900';
const BATCH = 1000;

function score(i: number): number {
  return (i * 7919) % 1000;
}

/** Document `i`: a few members of each kind, about 170 bytes, `score` spread evenly over 0–999. */
function documentText(i: number): string {
  return JSON.stringify({
    id: i,
    name: `user${i}`,
    score: score(i),
    active: i % 3 === 0,
    tags: ['t' + (i % 5), 't' + (i % 7)],
    address: { city: `city${i % 50}`, zip: String(10000 + (i % 9000)) },
  });
}

async function load(db: Connection, rows: number): Promise<void> {
  await db.query('DROP DATABASE IF EXISTS jbench');
  await db.query('CREATE DATABASE jbench');
  await db.query('USE jbench');
  await db.query('CREATE TABLE docs (id INT PRIMARY KEY, doc JSON, score INT)');
  for (let start = 0; start < rows; start += BATCH) {
    const values: (number | string)[] = [];
    for (let i = start; i < Math.min(start + BATCH, rows); i++) values.push(i, documentText(i), score(i));
    await db.query(`INSERT INTO docs VALUES ${new Array(values.length / 3).fill('(?, ?, ?)').join(', ')}`, values);
  }
}

/** Runs the query once: milliseconds and the count it found. */
async function timeQuery(db: Connection, sql = QUERY): Promise<{ ms: number; count: number }> {
  const { ms, row } = await timeRun(db, sql);
  return { ms, count: Number(row?.n) };
}

async function main(): Promise<void> {
  const options = parseSideBySideOptions(process.argv.slice(2));
  await withBothServers(options, async (tidal, mariadb) => {
    const loadStarted = Date.now();
    await load(tidal, options.rows);
    const tidalLoadMs = Date.now() - loadStarted;
    await load(mariadb, options.rows);
    const mariadbLoadMs = Date.now() - loadStarted - tidalLoadMs;
    // One unmeasured run each: V8 compiles TidalDB's hot paths, MariaDB fills its buffer pool.
    const warm = [await timeQuery(tidal), await timeQuery(mariadb)];
    if (warm[0]!.count !== warm[1]!.count) throw new Error(`the servers disagree: TidalDB ${warm[0]!.count}, MariaDB ${warm[1]!.count}`);
    const times = { tidal: [] as number[], mariadb: [] as number[], tidalBaseline: [] as number[], mariadbBaseline: [] as number[] };
    await timeQuery(tidal, BASELINE_QUERY);
    await timeQuery(mariadb, BASELINE_QUERY);
    for (let round = 0; round < options.rounds; round++) {
      times.tidal.push((await timeQuery(tidal)).ms);
      times.mariadb.push((await timeQuery(mariadb)).ms);
      times.tidalBaseline.push((await timeQuery(tidal, BASELINE_QUERY)).ms);
      times.mariadbBaseline.push((await timeQuery(mariadb, BASELINE_QUERY)).ms);
    }
    const tidalMedian = median(times.tidal);
    const mariadbMedian = median(times.mariadb);
    const baselineRatio = median(times.tidalBaseline) / median(times.mariadbBaseline);
    console.log(JSON.stringify({ query: QUERY, baselineQuery: BASELINE_QUERY, rows: options.rows, matched: warm[0]!.count, rounds: options.rounds, tidalLoadMs, mariadbLoadMs, ...times, tidalMedianMs: tidalMedian, mariadbMedianMs: mariadbMedian, ratio: tidalMedian / mariadbMedian, baselineRatio }));
  });
}

await main();
