#!/usr/bin/env node
// Runs SQL behaviour cases (test/sql/*-cases.ts, built) against a MariaDB server and lists where its answers differ
// from the expected ones, to check expectations against a real InnoDB. MariaDB and MySQL 8 differ in places (error
// numbers of CHECK and generated columns, default collation, printed forms): read the list, do not count it.
// Usage: npm run build && node scripts/check-cases-against-mariadb.mjs <module> <setupExport> <casesExport> [--port 3306]
import { createConnection } from 'mysql2/promise';

const [modulePath, setupName, casesName] = process.argv.slice(2);
const portAt = process.argv.indexOf('--port');
const port = portAt > 0 ? Number(process.argv[portAt + 1]) : 3306;
const module = await import(new URL(`../${modulePath}`, import.meta.url).href);
const setup = typeof module[setupName] === 'function' ? module[setupName](16) : module[setupName];
const cases = module[casesName];
const db = await createConnection({ host: '127.0.0.1', port, user: 'root', rowsAsArray: true, multipleStatements: false });
await db.query('DROP DATABASE IF EXISTS cases');
await db.query('CREATE DATABASE cases');
await db.query('USE cases');
for (const sql of setup) await db.query(sql);
let agree = 0;
const differ = [];
for (const testCase of cases) {
  let outcome;
  try {
    const [result] = await db.query({ sql: testCase.sql, typeCast: false });
    outcome = Array.isArray(result)
      ? { rows: result.map((row) => row.map((cell) => (cell === null ? null : cell.toString('utf8')))) }
      : { affectedRows: result.affectedRows };
  } catch (error) {
    outcome = { error: error.errno, message: error.message };
  }
  const expected = testCase.error !== undefined ? { error: testCase.error } : testCase.affectedRows !== undefined ? { affectedRows: testCase.affectedRows } : { rows: testCase.rows };
  const same = JSON.stringify(Object.keys(expected).map((key) => outcome[key])) === JSON.stringify(Object.values(expected));
  if (same) agree++;
  else differ.push(`${testCase.sql}\n    expected ${JSON.stringify(expected)}\n    MariaDB  ${JSON.stringify(outcome)}`);
}
await db.query('DROP DATABASE cases');
await db.end();
console.log(`${agree} of ${cases.length} cases agree with MariaDB ${port}`);
for (const line of differ) console.log(`- ${line}`);
