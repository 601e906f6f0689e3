// End-to-end: the behaviour tables of generated columns, CHECK and FOREIGN KEY constraints (test/sql/*-cases.ts),
// through mysql2's text protocol.
import { CHECK_CASES, CHECK_SETUP } from '../sql/check-constraint-cases.js';
import { CASCADE_DEPTH_CASES, FOREIGN_KEY_CASES, FOREIGN_KEY_SETUP, cascadeChain } from '../sql/foreign-key-cases.js';
import { GENERATED_CASES, GENERATED_SETUP } from '../sql/generated-column-cases.js';
import { runSqlCases } from './helpers/sql-case-runner.js';

runSqlCases('generated column cases', GENERATED_SETUP, GENERATED_CASES);
runSqlCases('CHECK constraint cases', CHECK_SETUP, CHECK_CASES);
runSqlCases('FOREIGN KEY constraint cases', FOREIGN_KEY_SETUP, FOREIGN_KEY_CASES);
runSqlCases('FOREIGN KEY cascade depth', cascadeChain(16), CASCADE_DEPTH_CASES);
