// The client of bench/load-data.sh: LOAD DATA LOCAL INFILE of the same generated file into TidalDB and MariaDB,
// alternately, reporting rows per second. The file is generated while it streams, so the client holds none of it.
import { Readable } from 'node:stream';
import type { Connection, ResultSetHeader } from 'mysql2/promise';
import { median, parseSideBySideOptions, withBothServers } from './side-by-side-client.js';

const options = parseSideBySideOptions(process.argv.slice(2));
const LINES_PER_CHUNK = 2000;

/** The file: `rows` tab-separated lines of about 100 bytes, in chunks. */
function* file(rows: number): Generator<Buffer> {
  for (let start = 1; start <= rows; start += LINES_PER_CHUNK) {
    let text = '';
    const end = Math.min(start + LINES_PER_CHUNK, rows + 1);
    for (let i = start; i < end; i++) text += `${i}\t${i % 1000}\tname-${i}\tpadding text of row number ${i} to make it longer\n`;
    yield Buffer.from(text);
  }
}

async function loadOnce(db: Connection): Promise<number> {
  await db.query('TRUNCATE TABLE bench_load.t');
  const started = process.hrtime.bigint();
  const [result] = await db.query<ResultSetHeader>({
    sql: "LOAD DATA LOCAL INFILE 'generated.tsv' INTO TABLE bench_load.t",
    infileStreamFactory: () => Readable.from(file(options.rows)),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.affectedRows !== options.rows) throw new Error(`loaded ${result.affectedRows} of ${options.rows} rows`);
  return options.rows / seconds;
}

const result = await withBothServers(options, async (tidal, mariadb) => {
  for (const db of [tidal, mariadb]) {
    await db.query('CREATE DATABASE IF NOT EXISTS bench_load');
    await db.query('CREATE TABLE IF NOT EXISTS bench_load.t (id INT PRIMARY KEY, n INT, name VARCHAR(40), pad VARCHAR(80))');
  }
  const tidalRates: number[] = [];
  const mariadbRates: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    tidalRates.push(await loadOnce(tidal));
    mariadbRates.push(await loadOnce(mariadb));
  }
  return { rows: options.rows, rounds: options.rounds, tidal: tidalRates, mariadb: mariadbRates, tidalMedian: median(tidalRates), mariadbMedian: median(mariadbRates) };
});
console.log(JSON.stringify(result));
