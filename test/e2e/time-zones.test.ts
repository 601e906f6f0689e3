// End-to-end: time zones through real clients — the cases in test/sql/time-zone-cases.ts over mysql2, a TIMESTAMP
// read under two session zones through mysql2 and the mariadb CLI, the global default for new connections, Django's
// connect-time probe, and TIMESTAMP values kept across a restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { TIME_ZONE_CASES, TIME_ZONE_SETUP } from '../sql/time-zone-cases.js';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect } from './helpers/mysql2-client.js';
import { runSqlCases } from './helpers/sql-case-runner.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

runSqlCases('time zone cases', TIME_ZONE_SETUP, TIME_ZONE_CASES);

describe('time zones through mysql2 and the mariadb CLI', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { dateStrings: true });
    await db.query('CREATE DATABASE zones');
    await db.query('USE zones');
    await db.query('CREATE TABLE events (id INT PRIMARY KEY, at TIMESTAMP(6) NULL)');
    await db.query("SET time_zone = 'America/New_York'");
    await db.query("INSERT INTO events VALUES (1, '2024-07-04 12:00:00.250000'), (2, '2024-12-24 18:30:00')");
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  const readAt = async (connection: Connection, zone: string): Promise<string[]> => {
    await connection.query('SET time_zone = ?', [zone]);
    const [rows] = await connection.query<RowDataPacket[]>('SELECT at FROM zones.events ORDER BY id');
    return rows.map((row) => String(row['at']));
  };

  it('reads one TIMESTAMP as different wall-clock times under two session zones (mysql2 text and binary protocol)', async () => {
    assert.deepEqual(await readAt(db, 'America/New_York'), ['2024-07-04 12:00:00.250000', '2024-12-24 18:30:00.000000']);
    assert.deepEqual(await readAt(db, 'Asia/Kolkata'), ['2024-07-04 21:30:00.250000', '2024-12-25 05:00:00.000000']);
    const [binary] = await db.execute<RowDataPacket[]>('SELECT at FROM zones.events WHERE id = ?', [1]);
    assert.equal(String(binary[0]?.['at']), '2024-07-04 21:30:00.250000');
  });

  it('reads the same TIMESTAMP under two zones through the mariadb CLI', async () => {
    const sql = "SET time_zone = '+00:00'; SELECT at FROM zones.events WHERE id = 1; SET time_zone = 'Europe/Berlin'; SELECT at FROM zones.events WHERE id = 1;";
    const result = await mariadb(server.port, ['-N', '-B', '-e', sql]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdout.trim().split('\n'), ['2024-07-04 16:00:00.250000', '2024-07-04 18:00:00.250000']);
  });

  it('gives new connections the global time_zone, and SET GLOBAL checks the name (1298)', async () => {
    await db.query("SET GLOBAL time_zone = 'Asia/Tokyo'");
    const fresh = await connect(server.port, { dateStrings: true });
    try {
      const [rows] = await fresh.query<RowDataPacket[]>('SELECT @@time_zone AS zone, at FROM zones.events WHERE id = 2');
      assert.deepEqual([rows[0]?.['zone'], rows[0]?.['at']], ['Asia/Tokyo', '2024-12-25 08:30:00.000000']);
      await assert.rejects(fresh.query("SET GLOBAL time_zone = 'Nowhere/Zone'"), (error: { errno?: number; message?: string }) => {
        assert.equal(error.errno, 1298);
        assert.equal(error.message, "Unknown or incorrect time zone: 'Nowhere/Zone'");
        return true;
      });
    } finally {
      await fresh.end();
      await db.query('SET GLOBAL time_zone = DEFAULT');
    }
  });

  it("answers Django's connect-time probe and time zone table count", async () => {
    const [rows] = await db.query<RowDataPacket[]>("SELECT CONVERT_TZ('2001-01-01 01:00:00', 'UTC', 'UTC') IS NOT NULL AS probe, (SELECT COUNT(*) FROM mysql.time_zone_name) AS zones");
    assert.equal(Number(rows[0]?.['probe']), 1);
    assert.ok(Number(rows[0]?.['zones']) > 0);
  });

  it('keeps TIMESTAMP instants across a restart', async () => {
    await db.end();
    await server.stop();
    server = await startTidal({ dataDir: server.dataDir });
    db = await connect(server.port, { dateStrings: true });
    assert.deepEqual(await readAt(db, '+00:00'), ['2024-07-04 16:00:00.250000', '2024-12-24 23:30:00.000000']);
  });
});
