// End-to-end: MySQL 8.0's regular expression cases in test/sql/regexp-cases.ts, through mysql2's text protocol.
import { REGEXP_CASES, REGEXP_SETUP } from '../sql/regexp-cases.js';
import { runSqlCases } from './helpers/sql-case-runner.js';

runSqlCases('regular expression cases', REGEXP_SETUP, REGEXP_CASES);
