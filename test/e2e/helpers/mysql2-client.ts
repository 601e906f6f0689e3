// mysql2 connections to a test server, and a helper to assert MySQL errors by code and message.
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import type { Connection, ConnectionOptions, RowDataPacket } from 'mysql2/promise';

/** Connects as root over TCP to 127.0.0.1:`port`. */
export function connect(port: number, options: ConnectionOptions = {}): Promise<Connection> {
  return mysql.createConnection({ host: '127.0.0.1', port, user: 'root', password: '', ...options });
}

/** Runs `sql` and asserts it fails with MySQL error `code` (and `message` when given). */
export async function assertSqlError(connection: Connection, sql: string, code: number, message?: string | RegExp): Promise<void> {
  await assert.rejects(connection.query(sql), (error: unknown) => {
    const e = error as { errno?: number; message?: string; sqlState?: string };
    assert.equal(e.errno, code, `expected error ${code} for ${sql}, got ${e.errno}: ${e.message}`);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message ?? '', message);
    return true;
  });
}

/** The first column of the first row `sql` returns (undefined for no rows). */
export async function firstValue(connection: Connection, sql: string): Promise<unknown> {
  const [rows] = await connection.query<RowDataPacket[]>({ sql, rowsAsArray: true });
  return (rows[0] as unknown[] | undefined)?.[0];
}

/** The connection's CONNECTION_ID(). */
export async function connectionIdOf(connection: Connection): Promise<number> {
  return Number(await firstValue(connection, 'SELECT CONNECTION_ID()'));
}
