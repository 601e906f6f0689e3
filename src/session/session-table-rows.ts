// sessionTableRows: the rows of the information_schema tables only the session layer knows (variables, status,
// the process list, slow queries and statement summaries), in each table's column order.
import type { Row, SessionTableName } from '../sql/index.js';
import { applicableRoleRows, enabledRoleRows } from '../sql/accounts/index.js';
import { slowQueryRows, statementsSummaryRows } from './observability-rows.js';
import type { StatementSession } from './statement-session.js';
import type { ProcessInfo } from './session-host.js';

export function sessionTableRows(table: SessionTableName, session: StatementSession): Row[] {
  const { variables, status, host } = session;
  const account = session.context.privilegeAccount;
  // The reading account: without PROCESS it sees only its own connections and statements, as in MySQL and TiDB.
  const reader = account ?? { user: session.identity.user, host: session.identity.host };
  switch (table) {
    case 'SESSION_VARIABLES':
    case 'GLOBAL_VARIABLES':
      return variables.list(table === 'GLOBAL_VARIABLES' ? 'global' : 'session', undefined).map(([name, value]): Row => [name, value]);
    case 'SESSION_STATUS':
      return status.list(undefined).map(([name, value]): Row => [name, value]);
    case 'GLOBAL_STATUS':
      return host.status.list('global', undefined).map(([name, value]): Row => [name, value]);
    case 'PROCESSLIST': {
      const seesAll = account === undefined || host.sql.privileges.hasGlobal(account, 'PROCESS');
      return (host.processes?.list() ?? []).filter((process) => seesAll || process.user === session.identity.user).map(processRow);
    }
    case 'CLUSTER_PROCESSLIST': {
      const seesAll = account === undefined || host.sql.privileges.hasGlobal(account, 'PROCESS');
      const processes = host.processes;
      const entries = processes?.clusterList?.() ?? (processes?.list() ?? []).map((process) => ({ instance: '', process }));
      return entries.filter(({ process }) => seesAll || process.user === session.identity.user).map(({ instance, process }): Row => [instance, ...processRow(process)]);
    }
    case 'SLOW_QUERY':
      return slowQueryRows(host, reader);
    case 'STATEMENTS_SUMMARY':
      return statementsSummaryRows(host, reader);
    case 'APPLICABLE_ROLES':
      return applicableRoleRows(reader, host.sql.accounts, session.context);
    case 'ENABLED_ROLES':
      return enabledRoleRows(reader, account?.activeRoles ?? [], host.sql.accounts, session.context);
  }
}

/** One connection as PROCESSLIST's columns hold it. */
function processRow(process: ProcessInfo): Row {
  return [
    BigInt(process.id), process.user, process.host, process.db ?? null, process.command, BigInt(process.time), process.state, process.info ?? null,
    process.tls,
  ];
}
