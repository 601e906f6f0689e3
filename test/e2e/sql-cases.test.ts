// End-to-end: the SQL behaviour table in test/sql/query-cases.ts, through mysql2's text protocol.
import { QUERY_CASES, SETUP } from '../sql/query-cases.js';
import { runSqlCases } from './helpers/sql-case-runner.js';

runSqlCases('SQL behaviour cases', SETUP, QUERY_CASES);
