// End-to-end: malformed packets, wrong sequence ids and oversized packets close only the offending connection.
import assert from 'node:assert/strict';
import { connect as netConnect } from 'node:net';
import type { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

/** Opens a raw socket, reads the greeting, and returns the socket with a reader of whole responses. */
async function rawClient(port: number): Promise<{ socket: Socket; received: () => Buffer; closed: Promise<void> }> {
  const socket = netConnect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  return { socket, received: () => Buffer.concat(chunks), closed };
}

function packet(sequenceId: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUIntLE(payload.length, 0, 3);
  header[3] = sequenceId;
  return Buffer.concat([header, payload]);
}

describe('protocol robustness', () => {
  let server: TidalProcess;
  let bystander: Connection;

  before(async () => {
    server = await startTidal();
    bystander = await connect(server.port);
    await bystander.query('CREATE DATABASE r');
    await bystander.query('CREATE TABLE r.t (id INT PRIMARY KEY, v LONGTEXT)');
    await bystander.query("INSERT INTO r.t VALUES (1, 'kept')");
  });

  after(async () => {
    await bystander.end();
    await server.stop();
  });

  async function assertBystanderFine(): Promise<void> {
    const [rows] = await bystander.query<RowDataPacket[]>('SELECT v FROM r.t WHERE id = 1');
    assert.equal(rows[0]?.v, 'kept');
  }

  it('closes a connection whose handshake response is garbage, and only that one', async () => {
    const client = await rawClient(server.port);
    client.socket.write(packet(1, Buffer.from([1, 2, 3])));
    await client.closed;
    assert.equal(client.received().includes(Buffer.from('Malformed communication packet')), true);
    await assertBystanderFine();
  });

  it('closes a connection that sends a packet with a wrong sequence id', async () => {
    const client = await rawClient(server.port);
    client.socket.write(packet(7, Buffer.alloc(40)));
    await client.closed;
    await assertBystanderFine();
  });

  it('survives a client that disconnects in the middle of a packet', async () => {
    const client = await rawClient(server.port);
    client.socket.end(Buffer.from([0xff, 0xff, 0x00, 0x01, 0x02]));
    await client.closed;
    await assertBystanderFine();
  });

  it('answers 1153 for a packet over max_allowed_packet and closes that connection', async () => {
    const victim = await connect(server.port, { maxPreparedStatements: 1 });
    victim.on('error', () => undefined);
    const big = 'x'.repeat(65 * 1024 * 1024);
    await assert.rejects(victim.query(`SELECT '${big}'`), (error: { errno?: number }) => {
      assert.equal(error.errno, 1153, JSON.stringify(error));
      return true;
    });
    victim.destroy();
    await assertBystanderFine();
  });

  it('joins a query payload larger than 16 MiB and returns a value larger than 16 MiB', async () => {
    const value = 'y'.repeat(17 * 1024 * 1024);
    await bystander.query('INSERT INTO r.t VALUES (2, ?)', [value]);
    const [rows] = await bystander.query<RowDataPacket[]>('SELECT v FROM r.t WHERE id = 2');
    assert.equal((rows[0]?.v as string).length, value.length);
    assert.equal(rows[0]?.v, value);
  });

  it('answers unknown commands with 1047 and keeps the connection', async () => {
    const client = await rawClient(server.port);
    // A minimal HandshakeResponse41: capabilities PROTOCOL_41|SECURE_CONNECTION|PLUGIN_AUTH, user root, empty auth.
    const capabilities = Buffer.alloc(4);
    capabilities.writeUInt32LE(0x00000200 | 0x00008000 | 0x00080000);
    const response = Buffer.concat([capabilities, Buffer.from([0, 0, 0, 1]), Buffer.from([45]), Buffer.alloc(23), Buffer.from('root\0'), Buffer.from([0]), Buffer.from('mysql_native_password\0')]);
    client.socket.write(packet(1, response));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // COM_CREATE_DB (0x05) was removed in MySQL 8; mysqld answers it with 1047 too.
    client.socket.write(packet(0, Buffer.from([0x05])));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const bytes = client.received();
    assert.ok(bytes.includes(Buffer.from('Unknown command')), bytes.toString('latin1'));
    client.socket.write(packet(0, Buffer.from([0x0e])));
    await new Promise((resolve) => setTimeout(resolve, 200));
    client.socket.end(packet(0, Buffer.from([0x01])));
    await client.closed;
  });

  it('refuses a wrong password and an unknown user with 1045', async () => {
    await assert.rejects(connect(server.port, { password: 'secret' }), (error: { errno?: number; message?: string }) => {
      assert.equal(error.errno, 1045);
      assert.equal(error.message, "Access denied for user 'root'@'127.0.0.1' (using password: YES)");
      return true;
    });
    await assert.rejects(connect(server.port, { user: 'nobody' }), (error: { errno?: number; message?: string }) => {
      assert.equal(error.errno, 1045);
      assert.equal(error.message, "Access denied for user 'nobody'@'127.0.0.1' (using password: NO)");
      return true;
    });
    await assertBystanderFine();
  });
});
