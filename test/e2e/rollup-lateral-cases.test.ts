// End-to-end: the WITH ROLLUP, GROUPING() and LATERAL behaviour table in test/sql/rollup-lateral-cases.ts, through
// mysql2's text protocol.
import { ROLLUP_LATERAL_CASES, SETUP } from '../sql/rollup-lateral-cases.js';
import { runSqlCases } from './helpers/sql-case-runner.js';

runSqlCases('ROLLUP and LATERAL cases', SETUP, ROLLUP_LATERAL_CASES);
