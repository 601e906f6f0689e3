// End-to-end: CURRENT_TIMESTAMP(n) to the microsecond (NOW(6), fractional DEFAULT / ON UPDATE keeping the column's
// digits, MySQL's 1067 / 1294 when the precisions differ) and DECIMAL defaults shown with the column's scale.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { mariadb } from './helpers/mariadb-cli.js';
import { assertSqlError, connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

async function rows(db: Connection, sql: string): Promise<unknown[][]> {
  const [result] = await db.query<RowDataPacket[]>({ sql, rowsAsArray: true });
  return result as unknown[][];
}

async function createText(db: Connection, table: string): Promise<string> {
  return String((await rows(db, `SHOW CREATE TABLE ${table}`))[0]![1]);
}

/** The fractional digits of every value: microsecond clocks give non-zero digits nearly always (1 in 10^6 not). */
function fractions(values: readonly unknown[]): string[] {
  return values.map((value) => String(value).split('.')[1] ?? '');
}

describe('timestamp precision and column defaults', () => {
  let server: TidalProcess;
  let db: Connection;

  before(async () => {
    server = await startTidal();
    db = await connect(server.port, { dateStrings: true });
    await db.query('CREATE DATABASE d');
    await db.query('USE d');
  });

  after(async () => {
    await db.end();
    await server.stop();
  });

  it('NOW(6), CURRENT_TIMESTAMP(6) and SYSDATE(6) carry microseconds; NOW() cuts, it does not round', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const [now6, current6, sysdate6, now3, now0] = (await rows(db, 'SELECT NOW(6), CURRENT_TIMESTAMP(6), SYSDATE(6), NOW(3), NOW()'))[0] as string[];
      for (const value of [now6, current6, sysdate6]) assert.match(value!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
      assert.match(now3!, /\.\d{3}$/);
      // NOW() is the current second, never the next one (MySQL cuts the statement time to the precision).
      assert.equal(now0, now6!.slice(0, 19));
      for (const fraction of fractions([now6, current6, sysdate6])) seen.add(fraction.slice(3));
    }
    // Microsecond digits vary: not a millisecond clock padded with zeros.
    assert.ok([...seen].some((digits) => digits !== '000'), `only milliseconds: ${[...seen].join(',')}`);
  });

  it('DEFAULT / ON UPDATE CURRENT_TIMESTAMP(n) store the column\'s digits', async () => {
    await db.query(`CREATE TABLE ts (id INT PRIMARY KEY, v INT,
      d6 DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
      t3 TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      d0 DATETIME DEFAULT CURRENT_TIMESTAMP)`);
    await db.query('INSERT INTO ts (id, v) VALUES (1, 1), (2, 2), (3, 3)');
    const inserted = await rows(db, 'SELECT d6, t3, d0 FROM ts ORDER BY id');
    for (const [d6, t3, d0] of inserted as string[][]) {
      assert.match(d6!, /\.\d{6}$/);
      assert.match(t3!, /\.\d{3}$/);
      assert.match(d0!, /:\d\d$/);
      assert.equal(d6!.slice(0, 23), t3);
      assert.equal(d0, d6!.slice(0, 19));
    }
    assert.ok(fractions(inserted.map((row) => row[0])).some((digits) => digits !== '000000'), 'DATETIME(6) default stored .000000');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await db.query('UPDATE ts SET v = v + 1 WHERE id = 1');
    const [updated, before1] = (await rows(db, 'SELECT d6, (SELECT d6 FROM ts WHERE id = 2) FROM ts WHERE id = 1'))[0] as string[];
    assert.match(updated!, /\.\d{6}$/);
    assert.ok(updated! > (inserted[0]![0] as string), `ON UPDATE did not move: ${updated} vs ${String(inserted[0]![0])}`);
    assert.equal(before1, inserted[1]![0]);
    const create = await createText(db, 'ts');
    assert.match(create, /`d6` datetime\(6\) DEFAULT CURRENT_TIMESTAMP\(6\) ON UPDATE CURRENT_TIMESTAMP\(6\),/);
    assert.match(create, /`t3` timestamp\(3\) NOT NULL DEFAULT CURRENT_TIMESTAMP\(3\),/);
  });

  it('a CURRENT_TIMESTAMP default or ON UPDATE whose precision differs from the column\'s is refused, as in MySQL', async () => {
    await assertSqlError(db, 'CREATE TABLE bad1 (a DATETIME(6) DEFAULT CURRENT_TIMESTAMP)', 1067, "Invalid default value for 'a'");
    await assertSqlError(db, 'CREATE TABLE bad2 (a DATETIME DEFAULT CURRENT_TIMESTAMP(3))', 1067, "Invalid default value for 'a'");
    await assertSqlError(db, 'CREATE TABLE bad3 (a TIMESTAMP(3) DEFAULT NOW())', 1067, "Invalid default value for 'a'");
    await assertSqlError(db, 'CREATE TABLE bad4 (a INT DEFAULT CURRENT_TIMESTAMP)', 1067, "Invalid default value for 'a'");
    await assertSqlError(db, 'CREATE TABLE bad5 (a DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP)', 1294, "Invalid ON UPDATE clause for 'a' column");
    await assertSqlError(db, 'CREATE TABLE bad6 (a INT ON UPDATE CURRENT_TIMESTAMP)', 1294, "Invalid ON UPDATE clause for 'a' column");
    await assertSqlError(db, 'ALTER TABLE ts ADD COLUMN e DATETIME(2) DEFAULT CURRENT_TIMESTAMP(6)', 1067, "Invalid default value for 'e'");
    await db.query('CREATE TABLE ok1 (a DATETIME(2) DEFAULT NOW(2) ON UPDATE LOCALTIMESTAMP(2))');
  });

  it('DECIMAL defaults show with the column\'s scale in SHOW COLUMNS, SHOW CREATE TABLE and information_schema', async () => {
    await db.query("CREATE TABLE prices (id INT PRIMARY KEY, price DECIMAL(10,2) NOT NULL DEFAULT '0.00', rate DECIMAL(6,3) DEFAULT 1.5, n DECIMAL(5,0) DEFAULT '7', f DOUBLE DEFAULT '2.50')");
    const columns = await rows(db, 'SHOW COLUMNS FROM prices');
    assert.deepEqual(columns.map((row) => [row[0], row[4]]), [['id', null], ['price', '0.00'], ['rate', '1.500'], ['n', '7'], ['f', '2.5']]);
    assert.match(await createText(db, 'prices'), /`price` decimal\(10,2\) NOT NULL DEFAULT '0\.00',\n {2}`rate` decimal\(6,3\) DEFAULT '1\.500',/);
    assert.deepEqual(await rows(db, "SELECT COLUMN_NAME, COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'd' AND TABLE_NAME = 'prices' AND DATA_TYPE = 'decimal' ORDER BY ORDINAL_POSITION"), [['price', '0.00'], ['rate', '1.500'], ['n', '7']]);
    await db.query('INSERT INTO prices (id) VALUES (1)');
    assert.deepEqual(await rows(db, 'SELECT price, rate, n FROM prices'), [['0.00', '1.500', '7']]);
    // The mariadb CLI's DESCRIBE shows the same.
    const cli = await mariadb(server.port, ['-N', '-B', '-e', 'DESCRIBE d.prices price']);
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal(cli.stdout, 'price\tdecimal(10,2)\tNO\t\t0.00\t\n');
  });
});
