#!/usr/bin/env node
// Compares TidalDB's collators with a MariaDB server's for the collations both implement, over every BMP code point
// (and the 256 latin1 bytes): how many characters weigh differently, and how many neighbours sort differently.
// Usage: npm run build && node scripts/check-collations.mjs [--host 127.0.0.1] [--port 3306] [--user root]
import { execFileSync } from 'node:child_process';
import { collatorFor } from '../dist/src/sql/collation/index.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
// MariaDB's seq_0_to_N tables (the SEQUENCE engine) need a current database; `mysql` always exists.
const connection = ['--no-defaults', '--protocol=TCP', '-h', option('host', '127.0.0.1'), '-P', option('port', '3306'), '-u', option('user', 'root'), '-D', 'mysql'];
const query = (sql) =>
  execFileSync('mariadb', [...connection, '--default-character-set=utf8mb4', '-N', '-B', '-e', sql], { maxBuffer: 64 << 20 })
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));

const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts the characters by MariaDB's weights and counts neighbours whose order (or equality) TidalDB sees otherwise. */
function check(name, entries) {
  const collator = collatorFor(name);
  const sorted = [...entries].sort((x, y) => order(x.weight, y.weight) || order(x.label, y.label));
  const breaks = [];
  for (let i = 1; i < sorted.length; i++) {
    const expected = order(sorted[i - 1].weight, sorted[i].weight);
    const actual = Math.sign(collator.compare(sorted[i - 1].char, sorted[i].char));
    if (expected !== actual) breaks.push(`${sorted[i - 1].label} ${sorted[i].label}`);
  }
  console.log(`${name}: ${entries.length} characters, ${breaks.length} neighbours ordered differently${breaks.length ? `: ${breaks.slice(0, 20).join(', ')}${breaks.length > 20 ? ', …' : ''}` : ''}`);
}

const bmp = (collation) =>
  query(`SELECT seq, HEX(WEIGHT_STRING(CONVERT(CHAR(seq USING utf32) USING utf8mb4) COLLATE ${collation})) FROM seq_0_to_65535 WHERE seq NOT BETWEEN 55296 AND 57343 AND seq <> 32`)
    .map(([cp, weight]) => ({ char: String.fromCodePoint(Number(cp)), weight, label: `U+${Number(cp).toString(16).toUpperCase().padStart(4, '0')}` }));

for (const name of ['utf8mb4_general_ci', 'utf8mb4_unicode_520_ci', 'utf8mb4_unicode_ci']) check(name, bmp(name));
const cp1252 = new TextDecoder('windows-1252');
check(
  'latin1_swedish_ci',
  query('SELECT seq, HEX(WEIGHT_STRING(CONVERT(UNHEX(LPAD(HEX(seq), 2, 0)) USING latin1) COLLATE latin1_swedish_ci)) FROM seq_0_to_255 WHERE seq <> 32').map(([byte, weight]) => ({
    char: cp1252.decode(Uint8Array.of(Number(byte))),
    weight,
    label: `0x${Number(byte).toString(16).toUpperCase()}`,
  })),
);
