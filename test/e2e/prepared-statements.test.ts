// End-to-end: server-side prepared statements. mysql2's execute() (binary parameters and rows for every supported
// type, NULLs, unsigned, re-execution with other parameter types, metadata at prepare), PREPARE / EXECUTE /
// DEALLOCATE in SQL, max_prepared_stmt_count, and a raw client for what drivers do not expose: SEND_LONG_DATA,
// RESET, CLOSE, read-only cursors with FETCH.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import {
  ColumnType,
  CommandCode,
  CursorType,
  ServerStatus,
  decodeColumnDefinition41,
  decodeStmtPrepareOk,
  encodePayload,
  writeComStmtExecute,
  writeComStmtFetch,
  writeComStmtHandle,
  writeComStmtPrepare,
  writeComStmtSendLongData,
} from '../../src/protocol/index.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { PacketKind, RawMysqlClient } from './helpers/raw-mysql-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const ALL_TYPES = `CREATE TABLE ps.all_types (
  id INT PRIMARY KEY, ti TINYINT, tu TINYINT UNSIGNED, si SMALLINT, mi MEDIUMINT, iu INT UNSIGNED, bi BIGINT,
  bu BIGINT UNSIGNED, f FLOAT, d DOUBLE, dec_ DECIMAL(20,6), ch CHAR(5), vc VARCHAR(30), tx TEXT, bn BINARY(3),
  vb VARBINARY(10), bl BLOB, dt DATE, dtm DATETIME(6), ts TIMESTAMP NULL, tm TIME(6), yr YEAR)`;

/** One row of every type, as parameters, and the values mysql2 reads back (dateStrings, bigNumberStrings). */
const PARAMS = [
  1, -128, 255, -32768, -8388608, 4294967295, '-9223372036854775808', '18446744073709551615', 1.5, -2.25,
  '-12345678901234.123456', 'abc', 'héllo wörld ✓', 'long text', Buffer.from([0, 1, 2]), Buffer.from([255, 0]),
  Buffer.from([0, 0xff, 0x80, 0x7f]), '2024-02-29', '2024-02-29 23:59:58.123456', '2038-01-19 03:14:07',
  '-800:01:02.000001', 2155,
];
const EXPECTED: Record<string, unknown> = {
  id: 1, ti: -128, tu: 255, si: -32768, mi: -8388608, iu: 4294967295, bi: '-9223372036854775808',
  bu: '18446744073709551615', f: 1.5, d: -2.25, dec_: '-12345678901234.123456', ch: 'abc', vc: 'héllo wörld ✓',
  tx: 'long text', bn: Buffer.from([0, 1, 2]), vb: Buffer.from([255, 0]), bl: Buffer.from([0, 0xff, 0x80, 0x7f]),
  dt: '2024-02-29', dtm: '2024-02-29 23:59:58.123456', ts: '2038-01-19 03:14:07', tm: '-800:01:02.000001', yr: 2155,
};

describe('prepared statements', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
    await db.query('CREATE DATABASE ps');
    await db.query(ALL_TYPES);
    await db.query('CREATE TABLE ps.t (id INT PRIMARY KEY, name VARCHAR(20), data BLOB)');
    await db.query("INSERT INTO ps.t VALUES (1,'one',NULL),(2,'two',NULL),(3,'three',NULL),(4,'four',NULL),(5,'five',NULL)");
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  it('inserts every type through binary parameters and reads them back as binary rows, equal to the text protocol', async () => {
    const placeholders = PARAMS.map(() => '?').join(',');
    const [ok] = await db.execute<ResultSetHeader>(`INSERT INTO ps.all_types VALUES (${placeholders})`, PARAMS);
    assert.equal(ok.affectedRows, 1);
    const [binary, fields] = await db.execute<RowDataPacket[]>('SELECT * FROM ps.all_types WHERE id = ?', [1]);
    assert.deepEqual({ ...binary[0] }, EXPECTED);
    const [text] = await db.query<RowDataPacket[]>('SELECT * FROM ps.all_types WHERE id = 1');
    // The text protocol prints TIME with all its declared fraction digits; everything else is the same value.
    assert.deepEqual({ ...text[0] }, EXPECTED);
    const types = Object.fromEntries(fields.map((field) => [field.name, field.columnType]));
    assert.equal(types.bu, ColumnType.MYSQL_TYPE_LONGLONG);
    assert.equal(types.dec_, ColumnType.MYSQL_TYPE_NEWDECIMAL);
    assert.equal(types.dtm, ColumnType.MYSQL_TYPE_DATETIME);
    assert.equal(types.tm, ColumnType.MYSQL_TYPE_TIME);
    assert.equal(types.bl, ColumnType.MYSQL_TYPE_BLOB);
    // As MySQL 8 sends them: a table's string columns have 0 decimals, TEXT is 65535 characters × 4 bytes long.
    const field = (name: string): (typeof fields)[number] => fields.find((candidate) => candidate.name === name)!;
    assert.deepEqual([field('vc').decimals, field('tx').decimals, field('tx').columnLength, field('bl').columnLength], [0, 0, 262140, 65535]);
    const unsigned = fields.find((field) => field.name === 'bu')!;
    assert.ok(((unsigned.flags as number) & 32) !== 0, 'BIGINT UNSIGNED carries UNSIGNED_FLAG');
  });

  it('sends NULL parameters through the NULL bitmap and NULL columns as NULL', async () => {
    const nulls = PARAMS.map((value, i) => (i === 0 ? 2 : i % 2 === 0 ? null : value));
    await db.execute(`INSERT INTO ps.all_types VALUES (${PARAMS.map(() => '?').join(',')})`, nulls);
    const [rows] = await db.execute<RowDataPacket[]>('SELECT ti, tu, si, dtm, tm, yr FROM ps.all_types WHERE id = ?', [2]);
    assert.deepEqual({ ...rows[0] }, { ti: -128, tu: null, si: -32768, dtm: null, tm: null, yr: 2155 });
    const [isNull] = await db.execute<RowDataPacket[]>('SELECT ? IS NULL AS n', [null]);
    assert.equal(Number(isNull[0]!.n), 1);
  });

  it('types scalar subqueries in result metadata as what they return, so drivers decode numbers as numbers', async () => {
    const sql = 'SELECT (SELECT COUNT(*) FROM ps.t) AS n, (SELECT MAX(id) FROM ps.t AS x WHERE x.id < t.id) AS below, (SELECT name FROM ps.t WHERE id = 1) AS first FROM ps.t WHERE id = 2';
    for (const [rows, fields] of [await db.query<RowDataPacket[]>(sql), await db.execute<RowDataPacket[]>(sql)]) {
      assert.deepEqual({ ...rows[0] }, { n: '5', below: 1, first: 'one' });
      assert.deepEqual(fields.map((field) => field.columnType), [ColumnType.MYSQL_TYPE_LONGLONG, ColumnType.MYSQL_TYPE_LONG, ColumnType.MYSQL_TYPE_VAR_STRING]);
      assert.equal(((fields[0]!.flags as number) & 1) === 0, true, 'a scalar subquery may be NULL');
    }
  });

  it('sends ENUM and SET as MYSQL_TYPE_STRING with ENUM_FLAG / SET_FLAG, and takes members as parameters', async () => {
    await db.query("CREATE TABLE ps.labels (id INT PRIMARY KEY, size ENUM('s','m','l') NOT NULL, tags SET('a','b','c'))");
    await db.execute('INSERT INTO ps.labels VALUES (?, ?, ?), (?, ?, ?)', [1, 'm', 'c,a', 2, 3, null]);
    await assert.rejects(db.execute('INSERT INTO ps.labels VALUES (?, ?, ?)', [3, 'xl', null]), (e: { errno?: number }) => e.errno === 1265);
    for (const [rows, fields] of [await db.query<RowDataPacket[]>('SELECT size, tags FROM ps.labels ORDER BY id'), await db.execute<RowDataPacket[]>('SELECT size, tags FROM ps.labels ORDER BY id')]) {
      assert.deepEqual(rows.map((row) => ({ ...row })), [{ size: 'm', tags: 'a,c' }, { size: 'l', tags: null }]);
      assert.deepEqual(fields.map((field) => field.columnType), [ColumnType.MYSQL_TYPE_STRING, ColumnType.MYSQL_TYPE_STRING]);
      assert.deepEqual(fields.map((field) => (field.flags as number) & (0x100 | 0x800)), [0x100, 0x800]);
    }
  });

  it('runs one prepared statement again with other parameter types', async () => {
    const statement = await db.prepare('SELECT name FROM ps.t WHERE id = ?');
    const byNumber = (await statement.execute([2]))[0] as RowDataPacket[];
    const byString = (await statement.execute(['3']))[0] as RowDataPacket[];
    const byNull = (await statement.execute([null]))[0] as RowDataPacket[];
    assert.deepEqual([byNumber[0]?.name, byString[0]?.name, byNull.length], ['two', 'three', 0]);
    void statement.close();
  });

  it('describes parameters and result columns at prepare time', async () => {
    const raw = await openRaw(server.port);
    const prepared = await raw.prepare('SELECT id, name FROM ps.t WHERE id > ? AND name <> ?');
    assert.equal(prepared.ok.paramCount, 2);
    assert.equal(prepared.ok.columnCount, 2);
    assert.deepEqual(prepared.columns.map((column) => [column.name, column.type]), [
      ['id', ColumnType.MYSQL_TYPE_LONG],
      ['name', ColumnType.MYSQL_TYPE_VAR_STRING],
    ]);
    const insert = await raw.prepare('INSERT INTO ps.t (id, name) VALUES (?, ?)');
    assert.deepEqual([insert.ok.paramCount, insert.ok.columnCount], [2, 0]);
    raw.close();
  });

  it('reports errors at prepare time and for statements it cannot prepare', async () => {
    await assert.rejects(db.prepare('SELECT nope FROM ps.t WHERE id = ?'), (e: { errno?: number }) => e.errno === 1054);
    await assert.rejects(db.prepare('SELECT * FROM ps.missing'), (e: { errno?: number }) => e.errno === 1146);
    await assertSqlError(db, "PREPARE p FROM 'PREPARE q FROM ''SELECT 1'''", 1295);
  });

  it('PREPARE … FROM, EXECUTE … USING and DEALLOCATE PREPARE in SQL', async () => {
    await db.query("PREPARE pick FROM 'SELECT id, name FROM ps.t WHERE id BETWEEN ? AND ? ORDER BY id'");
    await db.query('SET @lo = 2, @hi = 3');
    const [rows] = await db.query<RowDataPacket[]>('EXECUTE pick USING @lo, @hi');
    assert.deepEqual(rows.map((row) => row.name as string), ['two', 'three']);
    await db.query("SET @lo = '4', @hi = 9");
    const [again] = await db.query<RowDataPacket[]>('EXECUTE pick USING @lo, @hi');
    assert.deepEqual(again.map((row) => row.name as string), ['four', 'five']);
    await assertSqlError(db, 'EXECUTE pick USING @lo', 1210, 'Incorrect arguments to EXECUTE');
    await db.query('SET @text = "SELECT COUNT(*) AS n FROM ps.t"');
    await db.query('PREPARE pick FROM @text');
    const [[count]] = await db.query<RowDataPacket[]>('EXECUTE pick');
    assert.equal(Number(count!.n), 5);
    await db.query('DEALLOCATE PREPARE pick');
    await assertSqlError(db, 'EXECUTE pick', 1243, 'Unknown prepared statement handler (pick) given to EXECUTE');
    await assertSqlError(db, 'DROP PREPARE pick', 1243, 'Unknown prepared statement handler (pick) given to DEALLOCATE PREPARE');
  });

  it('limits prepared statements server-wide with max_prepared_stmt_count', async () => {
    const other = await connect(server.port);
    const statusOf = async (): Promise<number> => {
      const [rows] = await other.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'");
      return Number(rows[0]!.Value);
    };
    const base = await statusOf();
    await other.query('PREPARE a FROM "SELECT 1"');
    assert.equal(await statusOf(), base + 1);
    await other.query(`SET GLOBAL max_prepared_stmt_count = ${base + 1}`);
    try {
      await assertSqlError(other, 'PREPARE b FROM "SELECT 2"', 1461, `Can't create more than max_prepared_stmt_count statements (current value: ${base + 1})`);
      // Replacing a statement of the same name frees its slot first.
      await other.query('PREPARE a FROM "SELECT 3"');
      await other.query('DEALLOCATE PREPARE a');
      assert.equal(await statusOf(), base);
    } finally {
      await other.query('SET GLOBAL max_prepared_stmt_count = DEFAULT');
    }
    await other.query('PREPARE c FROM "SELECT 1"');
    await other.end();
    // A session's statements are released when it ends.
    for (let i = 0; i < 50 && (await db.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'"))[0][0]!.Value !== String(base); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [rows] = await db.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'");
    assert.equal(Number(rows[0]!.Value), base);
  });

  it('takes a BLOB parameter in COM_STMT_SEND_LONG_DATA chunks; COM_STMT_RESET drops unsent chunks', async () => {
    const raw = await openRaw(server.port);
    const { ok } = await raw.prepare('UPDATE ps.t SET data = ? WHERE id = ?');
    const id = ok.statementId;
    const part1 = Buffer.alloc(60_000, 0xab);
    const part2 = Buffer.from('tail', 'latin1');
    raw.send(encodePayload((w) => writeComStmtSendLongData(w, { statementId: id, paramId: 0, data: part1 })));
    raw.send(encodePayload((w) => writeComStmtSendLongData(w, { statementId: id, paramId: 0, data: part2 })));
    const execute = (value: Buffer | null): Buffer =>
      encodePayload((w) =>
        writeComStmtExecute(w, id, CursorType.NO_CURSOR, [
          { type: ColumnType.MYSQL_TYPE_BLOB, isUnsigned: false, value },
          { type: ColumnType.MYSQL_TYPE_LONG, isUnsigned: false, value: int4(1) },
        ]),
      );
    raw.send(execute(null));
    const result = await raw.client.next();
    assert.equal(result[0], PacketKind.OK, result.subarray(9).toString('utf8'));
    const [rows] = await db.query<RowDataPacket[]>('SELECT LENGTH(data) AS n, RIGHT(data, 4) AS tail FROM ps.t WHERE id = 1');
    assert.deepEqual([Number(rows[0]!.n), (rows[0]!.tail as Buffer).toString()], [60_004, 'tail']);

    raw.send(encodePayload((w) => writeComStmtSendLongData(w, { statementId: id, paramId: 0, data: Buffer.from('lost') })));
    raw.send(encodePayload((w) => writeComStmtHandle(w, CommandCode.COM_STMT_RESET, id)));
    assert.equal((await raw.client.next())[0], PacketKind.OK);
    raw.send(execute(Buffer.from('kept')));
    assert.equal((await raw.client.next())[0], PacketKind.OK);
    const [after] = await db.query<RowDataPacket[]>('SELECT data FROM ps.t WHERE id = 1');
    assert.equal((after[0]!.data as Buffer).toString(), 'kept');

    raw.send(encodePayload((w) => writeComStmtHandle(w, CommandCode.COM_STMT_CLOSE, id)));
    raw.send(execute(null));
    const unknown = await raw.client.next();
    assert.equal(unknown[0], PacketKind.ERR);
    assert.equal(unknown.readUInt16LE(1), 1243);
    assert.match(unknown.toString('utf8'), new RegExp(`Unknown prepared statement handler \\(${id}\\) given to mysqld_stmt_execute`));
    raw.close();
  });

  it('opens a read-only cursor and hands out its rows with COM_STMT_FETCH', async () => {
    const raw = await openRaw(server.port);
    const { ok } = await raw.prepare('SELECT id, name FROM ps.t WHERE id >= ? ORDER BY id');
    raw.send(encodePayload((w) =>
      writeComStmtExecute(w, ok.statementId, CursorType.READ_ONLY, [{ type: ColumnType.MYSQL_TYPE_LONGLONG, isUnsigned: false, value: int8(2n) }]),
    ));
    assert.equal((await raw.client.next())[0], 2, 'column count');
    await raw.client.next();
    await raw.client.next();
    const eof = await raw.client.next();
    assert.equal(eof[0], PacketKind.EOF);
    assert.ok((eof.readUInt16LE(3) & ServerStatus.SERVER_STATUS_CURSOR_EXISTS) !== 0, 'cursor exists');

    const fetch = async (rowCount: number): Promise<{ ids: number[]; status: number }> => {
      raw.send(encodePayload((w) => writeComStmtFetch(w, { statementId: ok.statementId, rowCount })));
      const ids: number[] = [];
      for (;;) {
        const packet = await raw.client.next();
        if (packet[0] === PacketKind.EOF) return { ids, status: packet.readUInt16LE(packet.length - 4) };
        assert.equal(packet[0], 0x00, 'binary row header');
        ids.push(packet.readInt32LE(2));
      }
    };
    const first = await fetch(2);
    assert.deepEqual(first.ids, [2, 3]);
    assert.ok((first.status & ServerStatus.SERVER_STATUS_CURSOR_EXISTS) !== 0);
    const rest = await fetch(10);
    assert.deepEqual(rest.ids, [4, 5]);
    assert.ok((rest.status & ServerStatus.SERVER_STATUS_LAST_ROW_SENT) !== 0, 'last row sent');
    raw.send(encodePayload((w) => writeComStmtFetch(w, { statementId: ok.statementId, rowCount: 1 })));
    const closed = await raw.client.next();
    assert.equal(closed.readUInt16LE(1), 1421);
    raw.close();
  });

  it("pipelines PREPARE and EXECUTE with MariaDB's statement id 0xFFFFFFFF (the statement just prepared)", async () => {
    const raw = await openRaw(server.port);
    raw.send(encodePayload((w) => writeComStmtPrepare(w, 'SELECT name FROM ps.t WHERE id = ?')));
    raw.send(encodePayload((w) => writeComStmtExecute(w, 0xffffffff, CursorType.NO_CURSOR, [{ type: ColumnType.MYSQL_TYPE_LONG, isUnsigned: false, value: int4(4) }])));
    const ok = decodeStmtPrepareOk(await raw.client.next());
    for (let i = 0; i < ok.paramCount + ok.columnCount; i++) await raw.client.next();
    assert.equal((await raw.client.next())[0], 1, 'one column');
    await raw.client.next();
    const row = await raw.client.next();
    assert.equal(row[0], 0x00);
    assert.equal(row.subarray(3, 3 + row[2]!).toString(), 'four');
    assert.equal((await raw.client.next())[0], PacketKind.EOF);
    // After a failed PREPARE, id 0xFFFFFFFF names no statement.
    raw.send(encodePayload((w) => writeComStmtPrepare(w, 'SELECT nope FROM ps.t')));
    raw.send(encodePayload((w) => writeComStmtExecute(w, 0xffffffff, CursorType.NO_CURSOR, [])));
    assert.equal((await raw.client.next()).readUInt16LE(1), 1054);
    assert.equal((await raw.client.next()).readUInt16LE(1), 1243);
    raw.close();
  });

  it('keeps working for a mysql2 client that mixes execute() and query() inside a transaction', async () => {
    await db.beginTransaction();
    await db.execute('INSERT INTO ps.t (id, name) VALUES (?, ?)', [10, 'ten']);
    const [inside] = await db.execute<RowDataPacket[]>('SELECT COUNT(*) AS n FROM ps.t');
    await db.rollback();
    const [outside] = await db.execute<RowDataPacket[]>('SELECT COUNT(*) AS n FROM ps.t');
    assert.deepEqual([Number(inside[0]!.n), Number(outside[0]!.n)], [6, 5]);
    await assert.rejects(db.execute('INSERT INTO ps.t (id, name) VALUES (?, ?)', [1, 'dup']), (e: { errno?: number }) => e.errno === 1062);
  });
});

function int4(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32LE(value);
  return bytes;
}

function int8(value: bigint): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64LE(value);
  return bytes;
}

/** A raw logged-in client with a prepare helper that reads the whole COM_STMT_PREPARE answer. */
async function openRaw(port: number): Promise<{
  client: RawMysqlClient;
  send: (payload: Buffer) => void;
  prepare: (sql: string) => Promise<{ ok: ReturnType<typeof decodeStmtPrepareOk>; columns: { name: string; type: number }[] }>;
  close: () => void;
}> {
  const { client } = await RawMysqlClient.open(port);
  client.login('root', 'mysql_native_password', Buffer.alloc(0));
  assert.equal((await client.next())[0], PacketKind.OK);
  return {
    client,
    send: (payload) => client.send(0, payload),
    prepare: async (sql) => {
      client.send(0, encodePayload((w) => writeComStmtPrepare(w, sql)));
      const first = await client.next();
      assert.equal(first[0], 0x00, first.toString('utf8'));
      const ok = decodeStmtPrepareOk(first);
      // CLIENT_DEPRECATE_EOF: no EOF after either block of definitions.
      for (let i = 0; i < ok.paramCount; i++) await client.next();
      const columns: { name: string; type: number }[] = [];
      for (let i = 0; i < ok.columnCount; i++) {
        const definition = decodeColumnDefinition41(await client.next());
        columns.push({ name: definition.name, type: definition.type });
      }
      return { ok, columns };
    },
    close: () => client.close(),
  };
}


