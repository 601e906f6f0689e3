// End-to-end: the LIKE cases in test/sql/like-cases.ts, through mysql2's text protocol.
import { LIKE_CASES, LIKE_SETUP } from '../sql/like-cases.js';
import { runSqlCases } from './helpers/sql-case-runner.js';

runSqlCases('LIKE cases', LIKE_SETUP, LIKE_CASES);
