// End-to-end: three ORMs over mysql2 against a real tidal-server, each running its own migrations (create and alter
// tables, add an index, no foreign keys) and then CRUD through its models or query builder, in its own database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import knexFactory from 'knex';
import type { Knex } from 'knex';
import * as mysql2 from 'mysql2';
import type { RowDataPacket } from 'mysql2/promise';
import { DataTypes, Op, Sequelize } from 'sequelize';
import type { QueryInterface } from 'sequelize';
import { DataSource, EntitySchema, Table, TableColumn, TableIndex } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

let server: TidalProcess;

before(async () => {
  server = await startTidal();
  const db = await connect(server.port);
  await db.query('CREATE DATABASE orm_knex');
  await db.query('CREATE DATABASE orm_sequelize');
  await db.query('CREATE DATABASE orm_typeorm');
  await db.end();
});

after(async () => {
  await server.stop();
});

/** The index names of `table` in `database`, read through information_schema as a GUI tool would. */
async function indexNames(database: string, table: string): Promise<string[]> {
  const db = await connect(server.port);
  try {
    const [rows] = await db.query<Array<{ name: string } & RowDataPacket>>(
      'SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY name',
      [database, table],
    );
    return rows.map((row) => row.name);
  } finally {
    await db.end();
  }
}

describe('knex (mysql2 client)', () => {
  let knex: Knex;

  before(() => {
    knex = knexFactory({
      client: 'mysql2',
      connection: { host: '127.0.0.1', port: server.port, user: 'root', password: '', database: 'orm_knex' },
      pool: { min: 0, max: 2 },
    });
  });

  after(async () => {
    await knex.destroy();
  });

  it('runs migrations (knex_migrations bookkeeping and its lock table) and is idempotent', async () => {
    const migrations: Record<string, Knex.Migration> = {
      '001_create_authors': {
        up: (k) => k.schema.createTable('authors', (t) => {
          t.increments('id');
          t.string('name', 100).notNullable();
          t.timestamps(true, true);
        }),
        down: (k) => k.schema.dropTable('authors'),
      },
      '002_books_and_email': {
        up: async (k) => {
          await k.schema.createTable('books', (t) => {
            t.bigIncrements('id');
            t.integer('author_id').unsigned().notNullable();
            t.string('title', 200).notNullable();
            t.decimal('price', 10, 2);
            t.index(['author_id'], 'books_author_idx');
          });
          await k.schema.alterTable('authors', (t) => {
            t.string('email', 150);
            t.unique(['email'], { indexName: 'authors_email_unique' });
          });
        },
        down: async (k) => {
          await k.schema.dropTable('books');
        },
      },
    };
    const migrationSource: Knex.MigrationSource<string> = {
      getMigrations: () => Promise.resolve(Object.keys(migrations)),
      getMigrationName: (name) => name,
      getMigration: (name) => Promise.resolve(migrations[name]!),
    };
    const [, applied] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
    assert.deepEqual(applied, ['001_create_authors', '002_books_and_email']);
    const [, again] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
    assert.deepEqual(again, []);
    assert.deepEqual(await indexNames('orm_knex', 'books'), ['books_author_idx', 'PRIMARY']);
    assert.deepEqual(await indexNames('orm_knex', 'authors'), ['authors_email_unique', 'PRIMARY']);
    assert.ok(await knex.schema.hasColumn('authors', 'email'));
  });

  it('does CRUD with the query builder, in and out of transactions', async () => {
    const [ada] = await knex('authors').insert({ name: 'Ada', email: 'ada@example.com' });
    const [bob] = await knex('authors').insert({ name: 'Bob', email: 'bob@example.com' });
    await knex('books').insert([
      { author_id: ada, title: 'Notes', price: '12.50' },
      { author_id: ada, title: 'Engines', price: '30.00' },
      { author_id: bob, title: 'Letters', price: null },
    ]);
    const rows = await knex('books as b')
      .join('authors as a', 'a.id', 'b.author_id')
      .select('a.name', 'b.title', 'b.price')
      .where('b.price', '>', 10)
      .orderBy('b.title');
    assert.deepEqual(rows.map((r: { name: string; title: string; price: string }) => [r.name, r.title, r.price]), [
      ['Ada', 'Engines', '30.00'],
      ['Ada', 'Notes', '12.50'],
    ]);
    assert.equal(await knex('books').where({ title: 'Letters' }).update({ price: '7.25' }), 1);
    const counts = await knex('books').select('author_id').count({ n: '*' }).groupBy('author_id').orderBy('author_id');
    assert.deepEqual(counts.map((r) => Number(r.n)), [2, 1]);
    await assert.rejects(
      knex.transaction(async (trx) => {
        await trx('books').where({ author_id: bob }).del();
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal((await knex('books').where({ author_id: bob })).length, 1);
    await knex.transaction(async (trx) => {
      await trx('books').where({ author_id: bob }).del();
      await trx('authors').where({ id: bob }).del();
    });
    assert.deepEqual(await knex('authors').pluck('name'), ['Ada']);
    await assert.rejects(knex('authors').insert({ name: 'Ada 2', email: 'ada@example.com' }), (error: { errno?: number }) => error.errno === 1062);
  });

  it('keeps a JSON column: objects written are read back as objects, filtered with ->> and knex JSON helpers', async () => {
    await knex.schema.createTable('profiles', (table) => {
      table.increments('id');
      table.string('handle', 40).notNullable();
      table.json('settings');
    });
    await knex('profiles').insert([
      { handle: 'ada', settings: JSON.stringify({ theme: 'dark', langs: ['en', 'fr'], beta: true, quota: 12.5 }) },
      { handle: 'bob', settings: JSON.stringify({ theme: 'light', langs: [] }) },
      { handle: 'cid', settings: null },
    ]);
    const dark = await knex('profiles').select('handle', 'settings').whereRaw("settings->>'$.theme' = ?", ['dark']);
    assert.deepEqual(dark, [{ handle: 'ada', settings: { beta: true, langs: ['en', 'fr'], quota: 12.5, theme: 'dark' } }]);
    // knex's jsonExtract is JSON_UNQUOTE(JSON_EXTRACT(…)) on MySQL: the JSON text, as MySQL returns it.
    const langs = await knex('profiles').jsonExtract('settings', '$.langs', 'langs').orderBy('id');
    assert.deepEqual(langs.map((row: { langs: unknown }) => row.langs), ['["en", "fr"]', '[]', null]);
    const english = await knex('profiles').pluck('handle').whereJsonSupersetOf('settings', { langs: ['en'] });
    assert.deepEqual(english, ['ada']);
    await knex('profiles').where({ handle: 'bob' }).update({ settings: knex.raw("JSON_SET(settings, '$.theme', ?)", ['dark']) });
    assert.deepEqual(await knex('profiles').pluck('handle').whereRaw("settings->>'$.theme' = 'dark'").orderBy('handle'), ['ada', 'bob']);
  });
});

class CreateNotes1700000000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(new Table({
      name: 'notes',
      columns: [
        { name: 'id', type: 'int', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'title', type: 'varchar', length: '120' },
        { name: 'created_at', type: 'datetime', precision: 6, default: 'CURRENT_TIMESTAMP(6)' },
      ],
    }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('notes');
  }
}

class AlterNotes1700000000002 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('notes', new TableColumn({ name: 'stars', type: 'int', default: 0 }));
    await runner.addColumn('notes', new TableColumn({ name: 'body', type: 'text', isNullable: true }));
    await runner.createIndex('notes', new TableIndex({ name: 'IDX_notes_stars', columnNames: ['stars', 'title'] }));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropIndex('notes', 'IDX_notes_stars');
    await runner.dropColumn('notes', 'body');
    await runner.dropColumn('notes', 'stars');
  }
}

interface Note {
  id: number;
  title: string;
  stars: number;
  body: string | null;
  created_at: Date;
}

const NoteEntity = new EntitySchema<Note>({
  name: 'Note',
  tableName: 'notes',
  columns: {
    id: { type: 'int', primary: true, generated: 'increment' },
    title: { type: 'varchar', length: 120 },
    stars: { type: 'int', default: 0 },
    body: { type: 'text', nullable: true },
    created_at: { type: 'datetime', precision: 6, createDate: true },
  },
  indices: [{ name: 'IDX_notes_stars', columns: ['stars', 'title'] }],
});

describe('TypeORM (mysql driver over mysql2)', () => {
  let dataSource: DataSource;

  before(async () => {
    dataSource = new DataSource({
      type: 'mysql', host: '127.0.0.1', port: server.port, username: 'root', password: '', database: 'orm_typeorm',
      entities: [NoteEntity], migrations: [CreateNotes1700000000001, AlterNotes1700000000002], logging: false,
    });
    await dataSource.initialize();
  });

  after(async () => {
    await dataSource.destroy();
  });

  it('runs migrations, after which the entity schema needs no changes', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    assert.deepEqual(applied.map((m) => m.name), ['CreateNotes1700000000001', 'AlterNotes1700000000002']);
    assert.deepEqual(await dataSource.runMigrations(), []);
    assert.deepEqual(await indexNames('orm_typeorm', 'notes'), ['IDX_notes_stars', 'PRIMARY']);
    // TypeORM reads the schema back from information_schema and compares it with the entity: nothing to do. (This
    // needs COLUMN_DEFAULT to say CURRENT_TIMESTAMP(6) for a DATETIME(6), as MySQL does.)
    const pending = await dataSource.driver.createSchemaBuilder().log();
    assert.deepEqual(pending.upQueries.map((q) => q.query), []);
  });

  it('does CRUD through a repository, the query builder and transactions', async () => {
    const notes = dataSource.getRepository(NoteEntity);
    const first = await notes.save({ title: 'first', stars: 3, body: 'héllo ✓' });
    assert.equal(typeof first.id, 'number');
    await notes.save([{ title: 'second', stars: 5 }, { title: 'third' }]);
    const found = await notes.findOneByOrFail({ id: first.id });
    assert.equal(found.body, 'héllo ✓');
    assert.ok(found.created_at instanceof Date);
    found.stars = 4;
    await notes.save(found);
    const top = await notes.createQueryBuilder('n').where('n.stars >= :min', { min: 4 }).orderBy('n.stars', 'DESC').getMany();
    assert.deepEqual(top.map((n) => [n.title, n.stars]), [['second', 5], ['first', 4]]);
    assert.equal(await notes.countBy({ stars: 0 }), 1);
    await assert.rejects(dataSource.transaction(async (manager) => {
      await manager.delete(NoteEntity, { title: 'third' });
      throw new Error('roll back');
    }), /roll back/);
    assert.equal(await notes.count(), 3);
    await dataSource.transaction(async (manager) => {
      await manager.delete(NoteEntity, { title: 'third' });
    });
    assert.deepEqual((await notes.find({ order: { id: 'ASC' } })).map((n) => n.title), ['first', 'second']);
    await assert.rejects(notes.insert({ id: first.id, title: 'dup' }), (error: { errno?: number }) => error.errno === 1062);
  });
});

describe('Sequelize (mysql dialect over mysql2)', () => {
  let sequelize: Sequelize;

  before(() => {
    sequelize = new Sequelize('orm_sequelize', 'root', '', {
      dialect: 'mysql', dialectModule: mysql2, host: '127.0.0.1', port: server.port, logging: false,
      pool: { min: 0, max: 2 },
    });
  });

  after(async () => {
    await sequelize.close();
  });

  /** Migrations as sequelize-cli writes them: functions of the query interface, recorded in SequelizeMeta. */
  const migrations: Array<[string, (qi: QueryInterface) => Promise<void>]> = [
    ['20240101-create-users', async (qi) => {
      await qi.createTable('users', {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        username: { type: DataTypes.STRING(60), allowNull: false },
        createdAt: { type: DataTypes.DATE, allowNull: false },
        updatedAt: { type: DataTypes.DATE, allowNull: false },
      });
    }],
    ['20240102-alter-users', async (qi) => {
      await qi.addColumn('users', 'score', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
      await qi.changeColumn('users', 'username', { type: DataTypes.STRING(80), allowNull: false });
      await qi.addIndex('users', ['username'], { name: 'users_username', unique: true });
    }],
  ];

  it('runs migrations through the query interface, recording them in SequelizeMeta', async () => {
    const qi = sequelize.getQueryInterface();
    await qi.createTable('SequelizeMeta', { name: { type: DataTypes.STRING, allowNull: false, unique: true, primaryKey: true } });
    for (const [name, up] of migrations) {
      await sequelize.transaction(async (transaction) => {
        await up(qi);
        await qi.bulkInsert('SequelizeMeta', [{ name }], { transaction });
      });
    }
    const [meta] = await sequelize.query('SELECT name FROM SequelizeMeta ORDER BY name');
    assert.deepEqual(meta, migrations.map(([name]) => ({ name })));
    const columns = await qi.describeTable('users');
    assert.deepEqual(Object.keys(columns), ['id', 'username', 'createdAt', 'updatedAt', 'score']);
    assert.equal(columns.username!.type, 'VARCHAR(80)');
    assert.equal(columns.score!.defaultValue, '0');
    const indexes = (await qi.showIndex('users')) as Array<{ name: string; unique: boolean }>;
    assert.deepEqual(indexes.map((index) => [index.name, index.unique]), [['PRIMARY', true], ['users_username', true]]);
  });

  it('does CRUD through a model, and sync({ alter }) adds a column', async () => {
    const User = sequelize.define('User', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      username: { type: DataTypes.STRING(80), allowNull: false, unique: 'users_username' },
      score: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      bio: { type: DataTypes.TEXT, allowNull: true },
    }, { tableName: 'users' });
    await User.sync({ alter: true });
    assert.ok('bio' in (await sequelize.getQueryInterface().describeTable('users')));
    const ada = await User.create({ username: 'ada', score: 10, bio: 'héllo ✓' });
    await User.bulkCreate([{ username: 'bob', score: 3 }, { username: 'cy' }]);
    assert.equal(ada.get('id'), 1);
    const high = await User.findAll({ where: { score: { [Op.gte]: 3 } }, order: [['score', 'DESC']] });
    assert.deepEqual(high.map((u) => u.get('username')), ['ada', 'bob']);
    const [updated] = await User.update({ score: 7 }, { where: { username: 'cy' } });
    assert.equal(updated, 1);
    await User.increment('score', { by: 2, where: { username: 'bob' } });
    assert.equal((await User.findOne({ where: { username: 'bob' } }))!.get('score'), 5);
    await assert.rejects(sequelize.transaction(async (transaction) => {
      await User.destroy({ where: { username: 'cy' }, transaction });
      throw new Error('roll back');
    }), /roll back/);
    assert.equal(await User.count(), 3);
    await sequelize.transaction(async (transaction) => {
      await User.destroy({ where: { username: 'cy' }, transaction });
    });
    const { count, rows } = await User.findAndCountAll({ order: [['id', 'ASC']], limit: 1 });
    assert.equal(count, 2);
    assert.equal(rows[0]!.get('bio'), 'héllo ✓');
    await assert.rejects(User.create({ username: 'ada' }), (error: { name?: string; parent?: { errno?: number } }) =>
      error.name === 'SequelizeUniqueConstraintError' && error.parent?.errno === 1062);
  });
});
