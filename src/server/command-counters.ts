// commandCounters: which status counters a COM_* command counts into before it runs, as MySQL counts them.
//
// Commands with an SQL twin (COM_INIT_DB as USE, COM_FIELD_LIST as SHOW COLUMNS, COM_PROCESS_KILL as KILL,
// COM_PROCESS_INFO as SHOW PROCESSLIST, COM_REFRESH as FLUSH) count their twin's Com_* through the statement table
// instead; COM_STMT_PREPARE/EXECUTE/CLOSE are counted by the session, which also serves PREPARE/EXECUTE/DEALLOCATE.
// See https://dev.mysql.com/doc/refman/8.0/en/server-status-variables.html#statvar_Questions.
import { CommandCode } from '../protocol/index.js';
import type { ComCounter } from '../sql/index.js';

/** What one command counts into. */
export interface CommandCounters {
  readonly com?: ComCounter;
  /** Questions: every client command but COM_PING, COM_STATISTICS, COM_STMT_PREPARE/CLOSE/RESET. */
  readonly isQuestion: boolean;
  /** Queries: every client command but COM_PING and COM_STATISTICS. */
  readonly isQuery: boolean;
}

const QUESTION: CommandCounters = { isQuestion: true, isQuery: true };
const QUERY_ONLY: CommandCounters = { isQuestion: false, isQuery: true };

const BY_COMMAND: ReadonlyMap<number, CommandCounters> = new Map<number, CommandCounters>([
  [CommandCode.COM_PING, { com: 'Com_admin_commands', isQuestion: false, isQuery: false }],
  [CommandCode.COM_STATISTICS, { com: 'Com_show_status', isQuestion: false, isQuery: false }],
  [CommandCode.COM_CHANGE_USER, { com: 'Com_admin_commands', isQuestion: true, isQuery: true }],
  [CommandCode.COM_RESET_CONNECTION, { com: 'Com_admin_commands', isQuestion: true, isQuery: true }],
  [CommandCode.COM_STMT_PREPARE, QUERY_ONLY],
  [CommandCode.COM_STMT_CLOSE, QUERY_ONLY],
  [CommandCode.COM_STMT_RESET, { com: 'Com_stmt_reset', isQuestion: false, isQuery: true }],
  [CommandCode.COM_STMT_FETCH, { com: 'Com_stmt_fetch', isQuestion: true, isQuery: true }],
  [CommandCode.COM_STMT_SEND_LONG_DATA, { com: 'Com_stmt_send_long_data', isQuestion: true, isQuery: true }],
]);

/** The counters of the command whose first byte is `command`. */
export function commandCounters(command: number | undefined): CommandCounters {
  return (command === undefined ? undefined : BY_COMMAND.get(command)) ?? QUESTION;
}
