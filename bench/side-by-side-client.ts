// What the side-by-side bench clients share (bench/lib/side-by-side.sh runs them): their command line, connections to
// both servers, timing one query, and medians.
import { createConnection } from 'mysql2/promise';
import type { Connection, RowDataPacket } from 'mysql2/promise';

/** `--tidal-port P --mariadb-port P --rows N --rounds N`, as side-by-side.sh passes them. */
export interface SideBySideOptions {
  readonly tidalPort: number;
  readonly mariadbPort: number;
  readonly rows: number;
  readonly rounds: number;
}

export function parseSideBySideOptions(argv: readonly string[]): SideBySideOptions {
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(`--${name}`);
    return at < 0 ? fallback : Number(argv[at + 1]);
  };
  return { tidalPort: value('tidal-port', 0), mariadbPort: value('mariadb-port', 0), rows: value('rows', 100_000), rounds: value('rounds', 5) };
}

/** Runs `body` with a root connection to each server, closing both afterwards. */
export async function withBothServers<T>(options: SideBySideOptions, body: (tidal: Connection, mariadb: Connection) => Promise<T>): Promise<T> {
  const tidal = await createConnection({ host: '127.0.0.1', port: options.tidalPort, user: 'root' });
  const mariadb = await createConnection({ host: '127.0.0.1', port: options.mariadbPort, user: 'root' });
  try {
    return await body(tidal, mariadb);
  } finally {
    await tidal.end();
    await mariadb.end();
  }
}

/** Runs `sql` once: milliseconds and its first row. */
export async function timeQuery(db: Connection, sql: string): Promise<{ ms: number; row: RowDataPacket | undefined }> {
  const started = process.hrtime.bigint();
  const [result] = await db.query<RowDataPacket[]>(sql);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, row: result[0] };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
