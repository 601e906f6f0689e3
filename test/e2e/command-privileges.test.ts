// End-to-end: every COM_* command is checked as its SQL twin is (COM_INIT_DB ≙ USE, COM_FIELD_LIST ≙ SHOW COLUMNS,
// COM_PROCESS_KILL ≙ KILL, COM_PROCESS_INFO ≙ SHOW PROCESSLIST, COM_REFRESH ≙ FLUSH, COM_CHANGE_USER ≙ a login): an
// account that may not see an object learns nothing about it, whichever road it takes. (Access errors name the
// client's host, 127.0.0.1, as the server's other access errors do.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { CommandCode } from '../../src/protocol/index.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { PacketKind, RawMysqlClient } from './helpers/raw-mysql-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** The error code and message of an ERR payload. */
function errorOf(packet: Buffer): { code: number; message: string } {
  assert.equal(packet[0], PacketKind.ERR, `expected an ERR packet, got ${packet.toString('latin1')}`);
  // 0xFF, code (2), '#', SQLSTATE (5), message.
  return { code: packet.readUInt16LE(1), message: packet.subarray(9).toString('utf8') };
}

/** Every payload up to and including the EOF/OK that ends a result or definition list. */
async function untilEnd(client: RawMysqlClient): Promise<Buffer[]> {
  const packets: Buffer[] = [];
  for (;;) {
    const packet = await client.next();
    packets.push(packet);
    if (packet[0] === PacketKind.ERR || (packet[0] === PacketKind.EOF && packet.length < 16)) return packets;
  }
}

describe('COM_* commands take the privilege checks of their SQL twins', () => {
  let server: TidalProcess;
  let root: Connection;

  before(async () => {
    server = await startTidal();
    root = await connect(server.port);
    await root.query('CREATE DATABASE secret');
    await root.query('CREATE TABLE secret.t (hidden_column INT)');
    await root.query('CREATE DATABASE shop');
    await root.query('CREATE TABLE shop.visible (id INT PRIMARY KEY, label VARCHAR(10))');
    await root.query('CREATE TABLE shop.hidden (id INT PRIMARY KEY, hidden_column INT)');
    await root.query("CREATE USER limited@'%' IDENTIFIED WITH mysql_native_password");
    await root.query("GRANT SELECT ON shop.visible TO limited@'%'");
  });

  after(async () => {
    await root.end();
    await server.stop();
  });

  async function limited(): Promise<RawMysqlClient> {
    const { client } = await RawMysqlClient.open(server.port);
    client.login('limited', 'mysql_native_password', Buffer.alloc(0));
    assert.equal((await client.next())[0], PacketKind.OK);
    return client;
  }

  function send(client: RawMysqlClient, command: number, body: Buffer = Buffer.alloc(0)): void {
    client.send(0, Buffer.concat([Buffer.from([command]), body]));
  }

  it('COM_INIT_DB is USE: 1044 for a database the account has no privilege in', async () => {
    const client = await limited();
    send(client, CommandCode.COM_INIT_DB, Buffer.from('secret'));
    assert.deepEqual(errorOf(await client.next()), { code: 1044, message: "Access denied for user 'limited'@'127.0.0.1' to database 'secret'" });
    send(client, CommandCode.COM_INIT_DB, Buffer.from('shop'));
    assert.equal((await client.next())[0], PacketKind.OK);
    client.close();
  });

  it('COM_FIELD_LIST is SHOW COLUMNS: no column names of a table the account may not see, existing or not', async () => {
    const client = await limited();
    send(client, CommandCode.COM_INIT_DB, Buffer.from('shop'));
    assert.equal((await client.next())[0], PacketKind.OK);
    for (const table of ['hidden', 'no_such_table']) {
      send(client, CommandCode.COM_FIELD_LIST, Buffer.from(`${table}\0`));
      const packets = await untilEnd(client);
      assert.equal(packets.length, 1, 'an ERR packet and nothing before it');
      const error = errorOf(packets[0]!);
      assert.equal(error.code, 1142);
      assert.equal(error.message, `SELECT command denied to user 'limited'@'127.0.0.1' for table '${table}'`);
      assert.ok(!packets[0]!.includes(Buffer.from('hidden_column')));
    }
    send(client, CommandCode.COM_FIELD_LIST, Buffer.from('visible\0'));
    const definitions = await untilEnd(client);
    assert.equal(definitions.length, 3, 'two column definitions and the end');
    assert.ok(definitions[1]!.includes(Buffer.from('label')));
    client.close();
    // The SQL twin says the same.
    const sql = await connect(server.port, { user: 'limited', database: 'shop' });
    try {
      await assertSqlError(sql, 'SHOW COLUMNS FROM hidden', 1142, "SELECT command denied to user 'limited'@'127.0.0.1' for table 'hidden'");
    } finally {
      await sql.end();
    }
  });

  it("COM_PROCESS_KILL is KILL: 1095 for another account's connection, which lives on; one's own connection ends", async () => {
    const client = await limited();
    const rootId = root.threadId;
    send(client, CommandCode.COM_PROCESS_KILL, Buffer.from(Uint32Array.of(rootId).buffer));
    assert.deepEqual(errorOf(await client.next()), { code: 1095, message: `You are not owner of thread ${rootId}` });
    const [rows] = await root.query<RowDataPacket[]>('SELECT 1 AS alive');
    assert.equal(rows[0]!.alive, 1);
    send(client, CommandCode.COM_PROCESS_KILL, Buffer.from(Uint32Array.of(999_999).buffer));
    assert.equal(errorOf(await client.next()).code, 1094);
    // Its own connection: killed (the socket closes).
    const own = await connect(server.port, { user: 'limited' });
    const ownId = own.threadId;
    own.on('error', () => undefined);
    send(client, CommandCode.COM_PROCESS_KILL, Buffer.from(Uint32Array.of(ownId).buffer));
    assert.equal((await client.next())[0], PacketKind.OK);
    await assert.rejects(own.query('SELECT 1'));
    client.close();
    // The SQL twin says the same.
    const sql = await connect(server.port, { user: 'limited' });
    try {
      await assertSqlError(sql, `KILL ${rootId}`, 1095, `You are not owner of thread ${rootId}`);
    } finally {
      await sql.end();
    }
  });

  it("COM_PROCESS_INFO is SHOW PROCESSLIST: without PROCESS an account sees only its own connections", async () => {
    const client = await limited();
    send(client, CommandCode.COM_PROCESS_INFO);
    const packets = await untilEnd(client);
    const rowText = packets.map((packet) => packet.toString('latin1')).join('\n');
    assert.ok(rowText.includes('limited'), 'its own connection is listed');
    assert.ok(!rowText.includes('root'), "root's connection is not");
    client.close();
    const [rows] = await root.query<RowDataPacket[]>('SHOW PROCESSLIST');
    assert.ok(rows.some((row) => row.User === 'root'), 'root (SUPER, PROCESS) sees its own');
    const sql = await connect(server.port, { user: 'limited' });
    try {
      const [own] = await sql.query<RowDataPacket[]>('SELECT DISTINCT USER FROM information_schema.PROCESSLIST');
      assert.deepEqual(own.map((row) => String(row.USER)), ['limited']);
    } finally {
      await sql.end();
    }
  });

  it('information_schema is readable by every account and lists only what it may see', async () => {
    const sql = await connect(server.port, { user: 'limited' });
    try {
      const [tables] = await sql.query<RowDataPacket[]>("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA <> 'information_schema'");
      assert.deepEqual(tables.map((row) => `${row.TABLE_SCHEMA}.${row.TABLE_NAME}`), ['shop.visible']);
      const [columns] = await sql.query<RowDataPacket[]>("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE COLUMN_NAME = 'hidden_column'");
      assert.deepEqual(columns, []);
      const [schemata] = await sql.query<RowDataPacket[]>('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME');
      assert.deepEqual(schemata.map((row) => String(row.SCHEMA_NAME)), ['information_schema', 'shop']);
    } finally {
      await sql.end();
    }
  });

  it('COM_REFRESH is FLUSH: 1227 without RELOAD', async () => {
    const client = await limited();
    send(client, CommandCode.COM_REFRESH, Buffer.from([0x02]));
    assert.deepEqual(errorOf(await client.next()), { code: 1227, message: 'Access denied; you need (at least one of) the RELOAD privilege(s) for this operation' });
    client.close();
  });

  it('COM_STATISTICS needs no privilege, as in MySQL', async () => {
    const client = await limited();
    send(client, CommandCode.COM_STATISTICS);
    assert.match((await client.next()).toString('latin1'), /^Uptime: \d+ {2}Threads: \d+ {2}Questions: \d+/);
    client.close();
  });

  it('COM_CHANGE_USER is a login: the database it names is checked like USE', async () => {
    const sql = await connect(server.port);
    sql.on('error', () => undefined);
    await assert.rejects(sql.changeUser({ user: 'limited', password: '', database: 'secret' }), (error: unknown) => {
      assert.equal((error as { errno?: number }).errno, 1044);
      return true;
    });
    sql.destroy();
    const ok = await connect(server.port);
    try {
      await ok.changeUser({ user: 'limited', password: '', database: 'shop' });
      const [rows] = await ok.query<RowDataPacket[]>('SELECT CURRENT_USER() AS who, DATABASE() AS db');
      assert.deepEqual({ ...rows[0] }, { who: 'limited@%', db: 'shop' });
    } finally {
      await ok.end();
    }
  });
});
