// End-to-end: Sequelize models whose associations declare foreign keys (ON DELETE CASCADE / SET NULL), plus a CHECK
// constraint added through the query interface: sync creates them, Sequelize reads them back from
// information_schema, and the server enforces them (1452, 1451, 3819) and cascades, as it would on MySQL 8.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as mysql2 from 'mysql2';
import { DataTypes, Op, Sequelize } from 'sequelize';
import type { ModelStatic, Model } from 'sequelize';
import { connect } from './helpers/mysql2-client.js';
import { startTidal } from './helpers/tidal-process.js';
import type { TidalProcess } from './helpers/tidal-process.js';

describe('Sequelize associations with foreign keys and a CHECK constraint', () => {
  let server: TidalProcess;
  let sequelize: Sequelize;
  let Author: ModelStatic<Model>;
  let Book: ModelStatic<Model>;
  let Review: ModelStatic<Model>;

  before(async () => {
    server = await startTidal();
    const db = await connect(server.port);
    await db.query('CREATE DATABASE orm_constraints');
    await db.end();
    sequelize = new Sequelize('orm_constraints', 'root', '', {
      dialect: 'mysql', dialectModule: mysql2, host: '127.0.0.1', port: server.port, logging: false, pool: { min: 0, max: 2 },
    });
    Author = sequelize.define('Author', { name: { type: DataTypes.STRING(40), allowNull: false } }, { tableName: 'authors' });
    Book = sequelize.define('Book', { title: { type: DataTypes.STRING(60), allowNull: false }, pages: { type: DataTypes.INTEGER, allowNull: false } }, { tableName: 'books' });
    Review = sequelize.define('Review', { stars: { type: DataTypes.INTEGER, allowNull: false } }, { tableName: 'reviews' });
    Author.hasMany(Book, { foreignKey: { name: 'authorId', allowNull: false }, onDelete: 'CASCADE' });
    Book.belongsTo(Author, { foreignKey: { name: 'authorId', allowNull: false }, onDelete: 'CASCADE' });
    Book.hasMany(Review, { foreignKey: 'bookId', onDelete: 'SET NULL' });
    Review.belongsTo(Book, { foreignKey: 'bookId', onDelete: 'SET NULL' });
  });

  after(async () => {
    await sequelize.close();
    await server.stop();
  });

  it('syncs the models: tables with their foreign keys and the index each needs, read back by Sequelize', async () => {
    await sequelize.sync();
    const qi = sequelize.getQueryInterface();
    await qi.addConstraint('books', { type: 'check', name: 'books_pages_positive', fields: ['pages'], where: { pages: { [Op.gt]: 0 } } });
    const references = (await qi.getForeignKeyReferencesForTable('books')) as Array<Record<string, unknown>>;
    assert.deepEqual(
      references.map((reference) => [reference.constraintName, reference.columnName, reference.referencedTableName, reference.referencedColumnName]),
      [['books_ibfk_1', 'authorId', 'authors', 'id']],
    );
    const [[created]] = (await sequelize.query('SHOW CREATE TABLE reviews')) as unknown as [Array<Record<string, string>>];
    assert.match(created!['Create Table']!, /KEY `bookId` \(`bookId`\),\n {2}CONSTRAINT `reviews_ibfk_1` FOREIGN KEY \(`bookId`\) REFERENCES `books` \(`id`\) ON DELETE SET NULL ON UPDATE CASCADE/);
    // A second sync with alter finds the schema as the models describe it, foreign keys included.
    await sequelize.sync({ alter: true });
    assert.equal(((await qi.getForeignKeyReferencesForTable('books')) as unknown[]).length, 1);
  });

  it('refuses a book without its author (1452) and a book with no pages (3819)', async () => {
    await assert.rejects(Book.create({ title: 'Orphan', pages: 10, authorId: 99 }), (error: { name?: string; parent?: { errno?: number } }) =>
      error.name === 'SequelizeForeignKeyConstraintError' && error.parent?.errno === 1452);
    const author = await Author.create({ name: 'Ursula' });
    await assert.rejects(Book.create({ title: 'Empty', pages: 0, authorId: author.get('id') }), (error: { parent?: { errno?: number; message?: string } }) =>
      error.parent?.errno === 3819 && error.parent.message === "Check constraint 'books_pages_positive' is violated.");
  });

  it('cascades and sets NULL when a parent goes, and refuses what a key forbids', async () => {
    const author = await Author.create({ name: 'Stanisław' });
    const solaris = await Book.create({ title: 'Solaris', pages: 204, authorId: author.get('id') });
    await Book.create({ title: 'Fiasco', pages: 322, authorId: author.get('id') });
    await Review.create({ stars: 5, bookId: solaris.get('id') });
    // ON UPDATE CASCADE (Sequelize's default for belongsTo) carries a new key to the children.
    await Author.update({ id: 500 }, { where: { id: author.get('id') } });
    assert.equal(await Book.count({ where: { authorId: 500 } }), 2);
    await Author.destroy({ where: { id: 500 } });
    assert.equal(await Book.count({ where: { authorId: 500 } }), 0);
    const reviews = await Review.findAll();
    assert.deepEqual(reviews.map((review) => review.get('bookId')), [null]);
    await assert.rejects(Review.update({ bookId: 12345 }, { where: {} }), (error: { name?: string }) => error.name === 'SequelizeForeignKeyConstraintError');
  });

  it('runs the association in a transaction that rolls back cascades with it', async () => {
    const author = await Author.create({ name: 'Le Guin' });
    await Book.create({ title: 'Earthsea', pages: 183, authorId: author.get('id') });
    await assert.rejects(sequelize.transaction(async (transaction) => {
      await Author.destroy({ where: { id: author.get('id') }, transaction });
      assert.equal(await Book.count({ where: { authorId: author.get('id') }, transaction }), 0);
      throw new Error('roll back');
    }), /roll back/);
    assert.equal(await Book.count({ where: { authorId: author.get('id') } }), 1);
  });
});
