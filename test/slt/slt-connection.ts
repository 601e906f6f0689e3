// One mysql2 text-protocol connection for a sqllogictest file, with a reconnect after a fatal error (e.g. a timeout).
import mysql from 'mysql2/promise';
import type { Connection, FieldPacket, RowDataPacket } from 'mysql2/promise';
import type { RawValue } from './slt-format.js';

/** Where the server under test listens. */
export interface ServerTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/** The result of one SQL text: rows as arrays, and the column count (0 for statements without a result set). */
export interface SqlResult {
  readonly rows: readonly (readonly RawValue[])[];
  readonly columns: number;
}

/** What the runner needs from a connection; rejects with the server's error when the SQL fails. */
export interface SltConnection {
  query(sql: string): Promise<SqlResult>;
}

/** The shape of a mysql2 query error that matters here. */
interface DriverError {
  readonly fatal?: boolean;
}

/**
 * A mysql2 connection that returns exact text for numbers (DECIMAL and BIGINT as strings, dates as strings) so
 * formatting sees what the server sent. After a fatal error it reconnects and re-selects the database before the next
 * query, so one crashed or timed-out statement does not fail the rest of the file.
 */
export class MysqlSltConnection implements SltConnection {
  private database: string | undefined;

  private constructor(
    private connection: Connection | undefined,
    private readonly target: ServerTarget,
    private readonly timeoutMs: number,
  ) {}

  /** Opens a connection; `timeoutMs` bounds each query (0: no limit). */
  static async open(target: ServerTarget, timeoutMs: number): Promise<MysqlSltConnection> {
    return new MysqlSltConnection(await connect(target), target, timeoutMs);
  }

  /** Runs `USE db` and remembers it for reconnects. */
  async useDatabase(database: string): Promise<void> {
    await this.query(`USE ${database}`);
    this.database = database;
  }

  async query(sql: string): Promise<SqlResult> {
    const connection = this.connection ?? (await this.reconnect());
    try {
      const [rows, fields] = await connection.query({
        sql,
        rowsAsArray: true,
        ...(this.timeoutMs > 0 ? { timeout: this.timeoutMs } : {}),
      });
      if (!Array.isArray(rows)) return { rows: [], columns: 0 };
      return { rows: rows as unknown as RawValue[][], columns: (fields as FieldPacket[] | undefined)?.length ?? 0 };
    } catch (error) {
      if ((error as DriverError).fatal === true) {
        connection.destroy();
        this.connection = undefined;
      }
      throw error;
    }
  }

  /** Closes the connection (quietly if it is already broken). */
  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    await connection.end().catch(() => connection.destroy());
  }

  private async reconnect(): Promise<Connection> {
    const connection = await connect(this.target);
    if (this.database !== undefined) await connection.query(`USE ${this.database}`);
    this.connection = connection;
    return connection;
  }
}

/**
 * A connection in the SQL mode the suite was written for: without ONLY_FULL_GROUP_BY (MySQL 5.6's default, and
 * MariaDB's), whose random GROUP BY queries read ungrouped columns and expect a value, not error 1055.
 */
async function connect(target: ServerTarget): Promise<Connection> {
  const connection = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    dateStrings: true,
  });
  const [rows] = await connection.query<RowDataPacket[]>('SELECT @@SESSION.sql_mode AS mode');
  const modes = String(rows[0]?.mode ?? '').split(',').filter((mode) => mode !== '' && mode !== 'ONLY_FULL_GROUP_BY');
  await connection.query('SET SESSION sql_mode = ?', [modes.join(',')]);
  return connection;
}
