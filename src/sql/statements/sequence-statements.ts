// Statement specs of TiDB's sequences: CREATE/ALTER/DROP SEQUENCE. A sequence is a table-level object (as in TiDB),
// so the statements count as, and need the privileges of, CREATE/ALTER/DROP TABLE.
import { executeAlterSequence, executeCreateSequence, executeDropSequence } from '../executor/sequence-executor.js';
import type { EngineStatementSpec, StatementOf } from './statement-spec.js';

type SequenceKind = 'CreateSequenceStmt' | 'AlterSequenceStmt' | 'DropSequenceStmt';

/** DDL: the open transaction commits first and the statement is its own transaction. */
const SEQUENCE_TRAITS = { runsIn: 'engine', isDdl: true, isReadOnly: false, isPreparable: true } as const;

export const SEQUENCE_STATEMENTS: { [K in SequenceKind]: EngineStatementSpec<StatementOf<K>> } = {
  CreateSequenceStmt: {
    ...SEQUENCE_TRAITS,
    com: 'Com_create_table',
    checkPrivileges: (stmt, check) => check.table('CREATE', stmt.name),
    execute: (stmt, engine, context) => executeCreateSequence(stmt, engine.catalog, context),
  },
  AlterSequenceStmt: {
    ...SEQUENCE_TRAITS,
    com: 'Com_alter_table',
    checkPrivileges: (stmt, check) => check.table('ALTER', stmt.name),
    execute: (stmt, engine, context) => executeAlterSequence(stmt, engine.catalog, engine.sequences, context),
  },
  DropSequenceStmt: {
    ...SEQUENCE_TRAITS,
    com: 'Com_drop_table',
    checkPrivileges: (stmt, check) => {
      for (const name of stmt.names) check.table('DROP', name);
    },
    execute: (stmt, engine, context) => executeDropSequence(stmt, engine.catalog, engine.sequences, context),
  },
};
