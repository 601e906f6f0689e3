// End-to-end: the write-statement cases in test/sql/writes-cases.ts (subqueries in UPDATE/DELETE, multi-table
// writes, updatable views, CREATE TABLE … LIKE / SELECT), through mysql2's text protocol.
import { WRITES_CASES, WRITES_SETUP } from '../sql/writes-cases.js';
import { runSqlCases } from './helpers/sql-case-runner.js';

runSqlCases('write statement cases', WRITES_SETUP, WRITES_CASES);
