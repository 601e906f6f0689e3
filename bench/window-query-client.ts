// The client of bench/window-query.sh: loads the same 100,000 rows into TidalDB and MariaDB, then times window
// queries on each, alternating A B A B, and prints the result as JSON.
import type { Connection } from 'mysql2/promise';
import { median, parseSideBySideOptions, timeQuery, withBothServers } from './side-by-side-client.js';

/**
 * The measured queries. Each window runs over every row; the outer aggregate keeps the result set to one row, so
 * the time is the server's (scan, sort, window), not the transfer of 100,000 rows.
 */
const QUERIES: readonly { readonly name: string; readonly sql: string }[] = [
  {
    name: 'for scale: the same rows read and summed, no window',
    sql: 'SELECT COUNT(*) AS n, SUM(v) AS a, SUM(amount) AS b FROM facts',
  },
  {
    name: 'partitioned ROW_NUMBER + running SUM (sorts by grp, v)',
    sql: 'SELECT COUNT(*) AS n, SUM(rn) AS a, SUM(running) AS b FROM (SELECT ROW_NUMBER() OVER w AS rn, SUM(amount) OVER w AS running FROM facts WINDOW w AS (PARTITION BY grp ORDER BY v, id)) AS t',
  },
  {
    name: 'RANK over the whole table + 10-row moving AVG in key order',
    sql: 'SELECT COUNT(*) AS n, SUM(r) AS a, SUM(m) AS b FROM (SELECT RANK() OVER (ORDER BY v DESC) AS r, AVG(v) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS m FROM facts) AS t',
  },
  {
    name: 'LAG / LEAD per partition',
    sql: 'SELECT COUNT(*) AS n, SUM(d) AS a, SUM(e) AS b FROM (SELECT v - IFNULL(LAG(v) OVER w, 0) AS d, IFNULL(LEAD(v, 2) OVER w, 0) AS e FROM facts WINDOW w AS (PARTITION BY grp ORDER BY id)) AS t',
  },
];
const BATCH = 1000;

async function load(db: Connection, rows: number): Promise<void> {
  await db.query('DROP DATABASE IF EXISTS wbench');
  await db.query('CREATE DATABASE wbench');
  await db.query('USE wbench');
  await db.query('CREATE TABLE facts (id INT PRIMARY KEY, grp INT, v INT, amount DECIMAL(10,2))');
  for (let start = 0; start < rows; start += BATCH) {
    const values: number[] = [];
    for (let i = start; i < Math.min(start + BATCH, rows); i++) values.push(i, i % 100, (i * 7919) % 10007, ((i * 31) % 5000) / 100);
    await db.query(`INSERT INTO facts VALUES ${new Array(values.length / 4).fill('(?, ?, ?, ?)').join(', ')}`, values);
  }
}

/** Runs `sql` once: milliseconds and its one row, as text (to compare the servers' answers). */
async function run(db: Connection, sql: string): Promise<{ ms: number; row: string }> {
  const { ms, row } = await timeQuery(db, sql);
  return { ms, row: JSON.stringify(Object.values(row ?? {}).map(String)) };
}

async function main(): Promise<void> {
  const options = parseSideBySideOptions(process.argv.slice(2));
  await withBothServers(options, async (tidal, mariadb) => {
    await load(tidal, options.rows);
    await load(mariadb, options.rows);
    const results = [];
    for (const query of QUERIES) {
      // One unmeasured run each (V8 compiles TidalDB's hot paths, MariaDB fills its buffer pool), and the answers
      // must agree.
      const warm = [await run(tidal, query.sql), await run(mariadb, query.sql)];
      if (warm[0]!.row !== warm[1]!.row) throw new Error(`the servers disagree on ${query.name}: TidalDB ${warm[0]!.row}, MariaDB ${warm[1]!.row}`);
      const tidalMs: number[] = [];
      const mariadbMs: number[] = [];
      for (let round = 0; round < options.rounds; round++) {
        tidalMs.push((await run(tidal, query.sql)).ms);
        mariadbMs.push((await run(mariadb, query.sql)).ms);
      }
      results.push({ name: query.name, sql: query.sql, tidal: tidalMs, mariadb: mariadbMs, ratio: median(tidalMs) / median(mariadbMs), tidalMedianMs: median(tidalMs), mariadbMedianMs: median(mariadbMs) });
    }
    console.log(JSON.stringify({ rows: options.rows, rounds: options.rounds, results }));
  });
}

await main();
