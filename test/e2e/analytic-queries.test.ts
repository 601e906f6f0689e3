// End-to-end: window functions, WITH ROLLUP and LATERAL through mysql2's text protocol and execute() (server-side
// prepared statements, `?` in frames and window function arguments), the `mariadb` CLI, and knex and Sequelize.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import knexFactory from 'knex';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { QueryTypes, Sequelize } from 'sequelize';
import { mariadb } from './helpers/mariadb-cli.js';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

const SETUP = [
  'CREATE DATABASE analytics',
  'USE analytics',
  'CREATE TABLE scores (id INT PRIMARY KEY, team VARCHAR(10), player VARCHAR(10), points INT, played DATE)',
  "INSERT INTO scores VALUES (1,'red','ann',10,'2024-01-01'),(2,'red','bob',30,'2024-01-02'),(3,'red','cat',20,'2024-01-05'),(4,'blue','dan',15,'2024-01-01'),(5,'blue','eve',15,'2024-01-03')",
];

/** MySQL's column types on the wire. */
const MYSQL_TYPE_DOUBLE = 5;
const MYSQL_TYPE_LONGLONG = 8;
const MYSQL_TYPE_NEWDECIMAL = 246;

let server: TidalProcess;

before(async () => {
  server = await startTidal();
  const db = await connect(server.port);
  for (const sql of SETUP) await db.query(sql);
  await db.end();
});

after(async () => {
  await server.stop();
});

describe('window functions, ROLLUP and LATERAL through mysql2', () => {
  let db: Connection;

  before(async () => {
    db = await connect(server.port, { database: 'analytics' });
  });

  after(async () => {
    await db.end();
  });

  it('returns typed window results and describes their columns (text protocol)', async () => {
    const [rows, fields] = await db.query<RowDataPacket[]>(
      'SELECT id, ROW_NUMBER() OVER w AS rn, CUME_DIST() OVER w AS cd, SUM(points) OVER w AS running FROM scores WINDOW w AS (PARTITION BY team ORDER BY points, id) ORDER BY id',
    );
    assert.deepEqual(
      rows.map((row): unknown[] => [row.id, row.rn, row.cd, row.running]),
      [
        [1, 1, 1 / 3, '10'],
        [2, 3, 1, '60'],
        [3, 2, 2 / 3, '30'],
        [4, 1, 0.5, '15'],
        [5, 2, 1, '30'],
      ],
    );
    assert.deepEqual(fields.slice(1).map((field) => field.columnType), [MYSQL_TYPE_LONGLONG, MYSQL_TYPE_DOUBLE, MYSQL_TYPE_NEWDECIMAL]);
  });

  it('runs prepared window queries with `?` in LAG, NTILE and a ROWS frame, each execution with its own values', async () => {
    const sql = 'SELECT id, LAG(points, ?, -1) OVER (ORDER BY id) AS prev, NTILE(?) OVER (ORDER BY id) AS tile, SUM(points) OVER (ORDER BY id ROWS ? PRECEDING) AS recent FROM scores ORDER BY id';
    const [first] = await db.execute<RowDataPacket[]>(sql, [1, 2, 1]);
    assert.deepEqual(first.map((row): unknown[] => [row.prev, row.tile, row.recent]), [[-1, 1, '10'], [10, 1, '40'], [30, 1, '50'], [20, 2, '35'], [15, 2, '30']]);
    const [second] = await db.execute<RowDataPacket[]>(sql, [2, 5, 0]);
    assert.deepEqual(second.map((row): unknown[] => [row.prev, row.tile, row.recent]), [[-1, 1, '10'], [-1, 2, '30'], [10, 3, '20'], [30, 4, '15'], [20, 5, '15']]);
    await assert.rejects(db.execute(sql, [1, 0, 1]), (error: { errno?: number; message?: string }) => error.errno === 1210 && error.message === 'Incorrect arguments to ntile');
    await assert.rejects(db.execute(sql, [1, 2, -1]), (error: { errno?: number }) => error.errno === 3586);
  });

  it('runs prepared RANGE INTERVAL frames, ROLLUP and LATERAL queries with parameters', async () => {
    const [range] = await db.execute<RowDataPacket[]>('SELECT id, COUNT(*) OVER (ORDER BY played RANGE BETWEEN INTERVAL ? DAY PRECEDING AND CURRENT ROW) AS n FROM scores ORDER BY id', [1]);
    assert.deepEqual(range.map((row): unknown => row.n), [2, 3, 1, 2, 2]);
    const [rollup] = await db.execute<RowDataPacket[]>('SELECT team, SUM(points) AS total, GROUPING(team) AS g FROM scores WHERE points > ? GROUP BY team WITH ROLLUP', [10]);
    assert.deepEqual(rollup.map((row): unknown[] => [row.team, row.total, row.g]), [['blue', '30', 0], ['red', '50', 0], [null, '80', 1]]);
    const [lateral] = await db.execute<RowDataPacket[]>(
      'SELECT s.team, best.player FROM (SELECT DISTINCT team FROM scores) AS s, LATERAL (SELECT player FROM scores x WHERE x.team = s.team AND x.points >= ? ORDER BY points DESC, id LIMIT 1) AS best ORDER BY s.team',
      [15],
    );
    assert.deepEqual(lateral.map((row): unknown[] => [row.team, row.player]), [['blue', 'dan'], ['red', 'bob']]);
  });
});

describe('window functions, ROLLUP and LATERAL through the mariadb CLI', () => {
  it('prints their results as MySQL does', async () => {
    const sql = [
      'SELECT player, RANK() OVER (PARTITION BY team ORDER BY points DESC) AS r FROM scores ORDER BY id;',
      'SELECT team, SUM(points) AS total FROM scores GROUP BY team WITH ROLLUP;',
      'SELECT t.team, l.n FROM (SELECT DISTINCT team FROM scores) t, LATERAL (SELECT COUNT(*) AS n FROM scores s WHERE s.team = t.team) l ORDER BY t.team;',
    ].join('\n');
    const result = await mariadb(server.port, ['--skip-ssl', '--batch', 'analytics'], sql);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    assert.equal(
      result.stdout,
      ['player\tr', 'ann\t3', 'bob\t1', 'cat\t2', 'dan\t1', 'eve\t1', 'team\ttotal', 'blue\t30', 'red\t60', 'NULL\t90', 'team\tn', 'blue\t2', 'red\t3', ''].join('\n'),
    );
  });
});

describe('window queries from ORMs', () => {
  it('knex builds rank() / row_number() windows and runs a frame through knex.raw', async () => {
    const knex = knexFactory({ client: 'mysql2', connection: { host: '127.0.0.1', port: server.port, user: 'root', password: '', database: 'analytics' } });
    try {
      const ranked: { player: string; r: number; n: number }[] = await knex<{ id: number; player: string; points: number; team: string }>('scores')
        .select('player')
        .rank('r', function () {
          this.orderBy('points', 'desc').partitionBy('team');
        })
        .rowNumber('n', ['id'])
        .orderBy('id');
      assert.deepEqual(ranked.map((row): unknown[] => [row.player, row.r, row.n]), [['ann', 3, 1], ['bob', 1, 2], ['cat', 2, 3], ['dan', 1, 4], ['eve', 1, 5]]);
      const [moving] = (await knex.raw('SELECT id, AVG(points) OVER (ORDER BY id ROWS BETWEEN ? PRECEDING AND CURRENT ROW) AS avg2 FROM scores ORDER BY id', [1])) as [{ id: number; avg2: string }[]];
      assert.deepEqual(moving.map((row): unknown => row.avg2), ['10.0000', '20.0000', '25.0000', '17.5000', '15.0000']);
    } finally {
      await knex.destroy();
    }
  });

  it('Sequelize selects a window function as an attribute', async () => {
    const sequelize = new Sequelize('analytics', 'root', '', { host: '127.0.0.1', port: server.port, dialect: 'mysql', logging: false });
    try {
      const rows = await sequelize.query<{ player: string; share: string }>(
        'SELECT player, points / SUM(points) OVER (PARTITION BY team) AS share FROM scores WHERE team = :team ORDER BY id',
        { replacements: { team: 'blue' }, type: QueryTypes.SELECT },
      );
      assert.deepEqual(rows.map((row): unknown[] => [row.player, row.share]), [['dan', '0.5000'], ['eve', '0.5000']]);
    } finally {
      await sequelize.close();
    }
  });
});
