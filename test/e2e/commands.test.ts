// End-to-end: the COM_* commands besides COM_QUERY, and the authentication plugin exchange, over a raw socket.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CommandCode } from '../../src/protocol/index.js';
import { connect } from './helpers/mysql2-client.js';
import { PacketKind, RawMysqlClient } from './helpers/raw-mysql-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

describe('commands and authentication plugins', () => {
  let server: TidalProcess;

  before(async () => {
    server = await startTidal();
    const db = await connect(server.port);
    await db.query('CREATE DATABASE cmd');
    await db.query('CREATE TABLE cmd.t (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, note TEXT)');
    await db.end();
  });

  after(async () => {
    await server.stop();
  });

  async function loggedIn(plugin = 'mysql_native_password'): Promise<RawMysqlClient> {
    const { client, greeting } = await RawMysqlClient.open(server.port);
    assert.equal(greeting[0], 10, 'protocol version 10');
    assert.ok(greeting.includes(Buffer.from('mysql_native_password\0')), 'greeting names the auth plugin');
    client.login('root', plugin, Buffer.alloc(0));
    const ok = await client.next();
    assert.equal(ok[0], PacketKind.OK, `login answer ${ok.toString('latin1')}`);
    return client;
  }

  it('accepts a caching_sha2_password client with the empty root password without a switch', async () => {
    const client = await loggedIn('caching_sha2_password');
    client.close();
  });

  it('switches a client of another plugin to mysql_native_password', async () => {
    const { client } = await RawMysqlClient.open(server.port);
    client.login('root', 'sha256_password', Buffer.from([1, 2, 3]));
    const switchRequest = await client.next();
    assert.equal(switchRequest[0], PacketKind.EOF);
    assert.ok(switchRequest.includes(Buffer.from('mysql_native_password\0')));
    client.send(3, Buffer.alloc(0));
    const ok = await client.next();
    assert.equal(ok[0], PacketKind.OK);
    client.close();
  });

  it('answers COM_PING, COM_INIT_DB, COM_FIELD_LIST, COM_STATISTICS and COM_RESET_CONNECTION', async () => {
    const client = await loggedIn();
    client.send(0, Buffer.from([CommandCode.COM_PING]));
    assert.equal((await client.next())[0], PacketKind.OK);

    client.send(0, Buffer.concat([Buffer.from([CommandCode.COM_INIT_DB]), Buffer.from('nosuch')]));
    const unknown = await client.next();
    assert.equal(unknown[0], PacketKind.ERR);
    assert.equal(unknown.readUInt16LE(1), 1049);

    client.send(0, Buffer.concat([Buffer.from([CommandCode.COM_INIT_DB]), Buffer.from('cmd')]));
    assert.equal((await client.next())[0], PacketKind.OK);

    client.send(0, Buffer.concat([Buffer.from([CommandCode.COM_FIELD_LIST]), Buffer.from('t\0')]));
    const names: string[] = [];
    for (;;) {
      const packet = await client.next();
      if (packet[0] === PacketKind.EOF && packet.length < 16) break;
      names.push(packet.includes(Buffer.from('name')) ? 'name' : packet.includes(Buffer.from('note')) ? 'note' : 'id');
    }
    assert.deepEqual(names, ['id', 'name', 'note']);

    client.send(0, Buffer.from([CommandCode.COM_STATISTICS]));
    assert.match((await client.next()).toString('latin1'), /^Uptime: \d+ {2}Threads: \d+ {2}Questions: \d+/);

    client.send(0, Buffer.from([CommandCode.COM_RESET_CONNECTION]));
    assert.equal((await client.next())[0], PacketKind.OK);

    client.send(0, Buffer.from([CommandCode.COM_QUIT]));
    await client.closed;
  });
});
