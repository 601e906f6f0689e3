// End-to-end: the collation behaviour table in test/sql/collation-cases.ts, through mysql2's text protocol.
import { COLLATION_CASES, SETUP } from '../sql/collation-cases.js';
import { runSqlCases } from './helpers/sql-case-runner.js';

runSqlCases('collation cases', SETUP, COLLATION_CASES);
