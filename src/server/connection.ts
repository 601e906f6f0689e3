// Connection: one client socket from accept to close: login, then the command loop, isolated from all others.
import { redactSecrets } from './redact-secrets.js';
import type { Socket } from 'node:net';
import { MySqlError, mysqlError, ER_UNKNOWN_COM_ERROR, ER_UNKNOWN_ERROR, ER_NET_READ_INTERRUPTED } from '../errors/index.js';
import {
  CapabilityFlags,
  AuthPluginName,
  CommandCode,
  PacketBatch,
  decodeComChangeUser,
  commandName,
  decodeComFieldList,
  decodeComInitDb,
  decodeComProcessKill,
  decodeComQuery,
  decodeComRefresh,
  writeColumnDefinition41,
  writeEofPacket,
  writeEofOkPacket,
  writeErrPacket,
  writeOkPacket,
} from '../protocol/index.js';
import type { DecodedPacket } from '../protocol/index.js';
import type { ProcessInfo } from '../session/session-host.js';
import { TlsHandshakeError, tlsSessionStatus } from '../protocol/tls/index.js';
import type { ClientSession } from '../session/client-session.js';
import { LocalInfile } from './local-infile.js';
import type { LogFields, LogLevel, Logger } from '../logging/index.js';
import { columnDefinition, resultCollationId } from './column-definition.js';
import { decodeUtf8Lossless } from '../sql/index.js';
import type { Statement } from '../sql/index.js';
import { commandCounters } from './command-counters.js';
import { AuthExchange, LoginError, authenticateAccount, login } from './login.js';
import { accountKey } from '../sql/accounts/index.js';
import type { LoginResult } from './login.js';
import { ChannelClosedError, PacketChannel } from './packet-channel.js';
import { PreparedCommands } from './prepared-commands.js';
import { sessionStatusFlags, writeStatementResult } from './query-response.js';
import type { ServerContext } from './server-context.js';
import { StatementTrace } from './statement-trace.js';
import { statisticsSummary } from './statistics-summary.js';

/** How long a connection closed for a protocol error keeps draining input so the client can read the ERR packet. */
const CLOSE_GRACE_MS = 2000;

/**
 * Serves one client. Never throws: every failure ends this connection only, with an ERR packet when the protocol
 * still allows one and a log line with the peer address.
 */
export class Connection {
  private readonly channel: PacketChannel;
  /** Made on first use: most connections never log, and a child logger costs more than the rest of the setup. */
  #logger: Logger | undefined;
  private readonly peer: string;
  private readonly peerHost: string;
  private session: ClientSession | undefined;
  /** Bytes of the channel already counted into Bytes_received / Bytes_sent. */
  private countedBytes = { received: 0, sent: 0 };
  private capabilities = 0;
  private loginResult: LoginResult | undefined;
  private isClosing = false;
  /** Shutdown asked this connection to close once its running command has answered. */
  private isDraining = false;
  private prepared: PreparedCommands | undefined;
  /** What PROCESSLIST shows: the command running (or Sleep), since when, and its statement text. */
  private activity: { readonly command: string; readonly since: number; info: string | undefined } = { command: 'Sleep', since: Date.now(), info: undefined };

  constructor(
    socket: Socket,
    private readonly context: ServerContext,
    readonly id: number,
  ) {
    socket.setNoDelay(true);
    this.peerHost = (socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
    this.peer = `${this.peerHost}:${socket.remotePort ?? 0}`;
    this.channel = new PacketChannel(socket, Number(context.globals.get('max_allowed_packet')));
  }

  /** A debug record tagged with this connection; below debug level nothing is built, not even the child logger. */
  private debug(msg: string, fields?: LogFields): void {
    if (!this.context.logger.isLevelEnabled('debug')) return;
    this.#logger ??= this.context.logger.child({ conn: this.id, peer: this.peer });
    this.#logger.debug(msg, fields);
  }

  /** Runs the connection to its end; with `refusal` (1040 before the handshake) it only sends that error. */
  async serve(refusal?: MySqlError): Promise<void> {
    const status = this.context.driver.status;
    status.increment('Connections');
    status.set('Threads_connected', status.get('Threads_connected') + 1);
    status.set('Max_used_connections', Math.max(status.get('Max_used_connections'), status.get('Threads_connected')));
    try {
      if (refusal) {
        await this.sendError(refusal, 0);
        return;
      }
      if (!(await this.runLogin())) return;
      await this.commandLoop();
    } catch (error) {
      this.logUnexpected(error);
    } finally {
      this.context.admission.release(this.id);
      status.set('Threads_connected', status.get('Threads_connected') - 1);
      this.countBytes();
      this.session?.close();
      this.channel.destroy();
    }
  }

  /** This connection as PROCESSLIST shows it; undefined before login. */
  processInfo(): ProcessInfo | undefined {
    const session = this.session;
    if (!session) return undefined;
    const tls = this.loginResult?.tlsSocket;
    const cipher = tls?.getCipher();
    return {
      id: this.id,
      user: session.identity.user,
      host: this.peer,
      db: session.currentDatabase,
      command: this.activity.command,
      time: Math.floor((Date.now() - this.activity.since) / 1000),
      state: this.activity.command === 'Sleep' ? '' : 'executing',
      info: this.activity.info,
      tls: tls && cipher ? `${tls.getProtocol() ?? ''} ${cipher.standardName}`.trim() : '',
    };
  }

  /** KILL QUERY: the statement running on this connection stops with 1317. */
  interrupt(): void {
    this.session?.interrupt();
  }

  /** Graceful shutdown: closes now when idle, else right after the command it is running has answered. */
  drain(): void {
    this.isDraining = true;
    if (this.activity.command === 'Sleep') this.kill();
  }

  /** Closes the connection from the server side (shutdown, KILL). */
  kill(): void {
    this.isClosing = true;
    // A statement waiting for a row lock or sleeping ends now, so the session closes and rolls back its transaction.
    this.session?.interrupt();
    this.channel.destroy();
  }

  private async runLogin(): Promise<boolean> {
    // connect_timeout bounds the whole login, TLS handshake included (the handshake gets what is left of it).
    const timeoutMs = Number(this.context.globals.get('connect_timeout')) * 1000 || this.context.connectTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    const timer = setTimeout(() => {
      // During the TLS handshake, upgradeToTls enforces the same deadline and reports it as a handshake timeout.
      if (this.channel.isDetached) return;
      this.context.handshakeLog.log('warn', 'login-timeout', 'login timed out', { conn: this.id, peer: this.peer, timeoutMs });
      void this.sendError(mysqlError(ER_NET_READ_INTERRUPTED), 2).finally(() => this.channel.destroy());
    }, timeoutMs);
    try {
      const result = await login(this.channel, this.context, this.id, this.peerHost, deadline);
      this.loginResult = result;
      this.capabilities = result.capabilities;
      const refused = await this.context.admission.admit(this.id, result.accountRecord);
      if (refused) throw new LoginError(refused, result.nextSequenceId);
      const response = result.response;
      const session = this.createSession(response.username, result.account);
      this.session = session;
      if (response.database && (result.capabilities & CapabilityFlags.CLIENT_CONNECT_WITH_DB) !== 0) {
        session.enterDatabase(response.database);
      }
      await this.sendOk(result.nextSequenceId);
      this.debug('client logged in', { user: response.username, tls: result.tlsSocket !== undefined });
      return true;
    } catch (error) {
      this.context.driver.status.increment('Aborted_connects');
      if (error instanceof LoginError) {
        this.logFailure('info', `login-${error.clientError.code}`, 'login failed', { reason: error.message });
        await this.sendError(error.clientError, error.sequenceId);
      } else if (error instanceof MySqlError) {
        this.logFailure('info', `login-${error.code}`, 'login failed', { reason: error.message });
        await this.sendError(error, 2);
      } else if (error instanceof ChannelClosedError) {
        this.logChannelEnd(error, 'during login');
      } else if (error instanceof TlsHandshakeError) {
        // Scanners and broken clients can fail handshakes by the thousand: bounded per kind of failure.
        this.context.handshakeLog.log('warn', `tls-${error.kind}`, 'login failed', { conn: this.id, peer: this.peer, reason: error.message });
      } else {
        this.logFailure('warn', 'login-other', 'login failed', { reason: error instanceof Error ? error.message : String(error) });
      }
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A session for `user` logged in as `account` (`user@host`), with this connection's facts. */
  private createSession(user: string, account: string): ClientSession {
    const result = this.loginResult!;
    return this.context.driver.openSession(
      {
        connectionId: this.id,
        user,
        host: this.peerHost,
        account,
        isFoundRowsMode: (result.capabilities & CapabilityFlags.CLIENT_FOUND_ROWS) !== 0,
        clientCollationId: result.response.characterSet,
      },
      (scope) => (scope === 'session' ? tlsSessionStatus(result.tlsSocket) : []),
    );
  }

  /**
   * COM_CHANGE_USER: authenticates again with the same rules as a login (TLS requirements included, on this
   * connection's transport) and starts a fresh session. On failure MySQL closes the connection, and so do we.
   */
  private async changeUser(packet: DecodedPacket): Promise<boolean> {
    const result = this.loginResult!;
    const request = decodeComChangeUser(packet.payload, this.capabilities);
    const exchange = new AuthExchange(this.channel, packet.sequenceId + 1);
    try {
      const account = await authenticateAccount(exchange, this.context, {
        user: request.user,
        authResponse: request.authResponse,
        clientPlugin: request.authPluginName ?? AuthPluginName.MYSQL_NATIVE_PASSWORD,
        scramble: result.scramble,
        tlsSocket: result.tlsSocket,
        peerHost: this.peerHost,
      });
      this.context.admission.release(this.id);
      const refused = await this.context.admission.admit(this.id, account);
      if (refused) throw new LoginError(refused, exchange.sequenceId);
      this.session?.close();
      this.session = this.createSession(request.user, accountKey(account));
      if (request.database !== '') this.session.enterDatabase(request.database);
      await this.sendOk(exchange.sequenceId);
      this.debug('client changed user', { user: request.user });
      return false;
    } catch (error) {
      if (error instanceof LoginError) {
        this.logFailure('info', `change-user-${error.clientError.code}`, 'change user failed', { reason: error.message });
        await this.sendError(error.clientError, error.sequenceId);
      } else {
        await this.sendError(this.toClientError(error), exchange.sequenceId);
      }
      return true;
    }
  }

  private async commandLoop(): Promise<void> {
    for (;;) {
      let packet: DecodedPacket;
      try {
        packet = await this.channel.read();
      } catch (error) {
        if (error instanceof ChannelClosedError) {
          if (error.end.kind === 'protocol-error') {
            this.logFailure('warn', 'malformed-packet', 'closing connection after a malformed packet', { reason: error.end.error.message });
            await this.sendError(error.end.error, (error.end.sequenceId + 1) & 0xff);
            await this.channel.closeGracefully(CLOSE_GRACE_MS);
          } else if (!this.isClosing) {
            this.logChannelEnd(error, 'between commands');
          }
          return;
        }
        throw error;
      }
      if (packet.firstSequenceId !== 0) {
        this.logFailure('warn', 'packet-out-of-order', 'closing connection: command packet out of order', { sequenceId: packet.firstSequenceId });
        return;
      }
      const isDone = await this.dispatch(packet);
      if (isDone || this.isDraining) return;
    }
  }

  /** Runs one command; returns true when the connection should close. */
  private async dispatch(packet: DecodedPacket): Promise<boolean> {
    const session = this.session!;
    const command = packet.payload[0];
    const sequenceId = packet.sequenceId + 1;
    const status = this.context.driver.status;
    this.countCommand(session, command);
    status.set('Threads_running', status.get('Threads_running') + 1);
    this.activity = { command: activityName(command), since: Date.now(), info: undefined };
    try {
      switch (command) {
        case CommandCode.COM_QUIT:
          return true;
        case CommandCode.COM_PING:
          await this.sendOk(sequenceId);
          return false;
        case CommandCode.COM_QUERY: {
          const query = decodeComQuery(packet.payload, this.capabilities, 'utf8', decodeUtf8Lossless);
          this.activity.info = redactSecrets(query.query);
          if (this.context.admission.hasStatementLimits(this.id)) throwIfSet(await this.context.admission.countStatement(this.id, query.query));
          await this.runQuery(query.query, sequenceId);
          return false;
        }
        // The commands below are SQL statements by another road: each runs as its SQL twin, with its checks.
        case CommandCode.COM_INIT_DB:
          await session.runStatement(twin('UseStmt', { db: decodeComInitDb(packet.payload).schema }));
          await this.sendOk(sequenceId);
          return false;
        case CommandCode.COM_FIELD_LIST:
          await this.fieldList(decodeComFieldList(packet.payload).table, sequenceId);
          return false;
        case CommandCode.COM_PROCESS_KILL: {
          const id = decodeComProcessKill(packet.payload).connectionId;
          await session.runStatement(twin('KillStmt', { isQuery: false, id: { kind: 'NumberLiteralExpr', numberKind: 'int', text: String(id) } }));
          await this.sendOk(sequenceId);
          return false;
        }
        case CommandCode.COM_PROCESS_INFO: {
          const batch = new PacketBatch(sequenceId);
          const result = await session.runStatement(twin('ShowStmt', { target: 'PROCESSLIST' }));
          await writeStatementResult(batch, this.channel, session, result, false, this.capabilities, this.resultCollation(session));
          await this.channel.write(batch.take());
          return false;
        }
        // COM_REFRESH (mysqldump --flush-logs, mysqladmin flush-*): FLUSH with the options its bits name.
        case CommandCode.COM_REFRESH:
          await session.runStatement(twin('FlushStmt', { isLocal: false, options: decodeComRefresh(packet.payload).options }));
          await this.sendOk(sequenceId);
          return false;
        case CommandCode.COM_STATISTICS: {
          const batch = new PacketBatch(sequenceId);
          batch.add(Buffer.from(statisticsSummary(status)));
          await this.channel.write(batch.take());
          return false;
        }
        case CommandCode.COM_CHANGE_USER:
          return await this.changeUser(packet);
        case CommandCode.COM_STMT_PREPARE:
        case CommandCode.COM_STMT_EXECUTE:
        case CommandCode.COM_STMT_FETCH:
        case CommandCode.COM_STMT_RESET:
        case CommandCode.COM_STMT_SEND_LONG_DATA:
        case CommandCode.COM_STMT_CLOSE:
          if (command === CommandCode.COM_STMT_EXECUTE && this.context.admission.hasStatementLimits(this.id)) throwIfSet(await this.context.admission.countStatement(this.id, ''));
          this.prepared ??= new PreparedCommands(this.channel, this.capabilities, (current) => this.resultCollation(current), (error) => this.toClientError(error), this.context.driver.observer);
          await this.prepared.dispatch(session, packet.payload, sequenceId);
          return false;
        case CommandCode.COM_RESET_CONNECTION:
          this.session = session.reset();
          await this.sendOk(sequenceId);
          return false;
        default:
          this.debug('unsupported command', { command: command === undefined ? 'empty' : commandName(command) });
          await this.sendError(mysqlError(ER_UNKNOWN_COM_ERROR), sequenceId);
          return false;
      }
    } catch (error) {
      const clientError = this.toClientError(error);
      this.session?.recordError(clientError);
      await this.sendError(clientError, sequenceId);
      return false;
    } finally {
      status.set('Threads_running', status.get('Threads_running') - 1);
      this.countBytes();
      this.activity = { command: 'Sleep', since: Date.now(), info: undefined };
    }
  }

  /** Questions, Queries and the command's own Com_* counter, before it runs (MySQL counts failed commands too). */
  private countCommand(session: ClientSession, command: number | undefined): void {
    const counters = commandCounters(command);
    if (counters.isQuestion) session.status.increment('Questions');
    if (counters.isQuery) session.status.increment('Queries');
    if (counters.com !== undefined) session.status.increment(counters.com);
  }

  /** Adds the bytes moved since the last count to Bytes_received / Bytes_sent (the session's, or the server's). */
  private countBytes(): void {
    const received = this.channel.bytesReceived - this.countedBytes.received;
    const sent = this.channel.bytesSent - this.countedBytes.sent;
    this.countedBytes = { received: this.channel.bytesReceived, sent: this.channel.bytesSent };
    const status = this.session?.status ?? this.context.driver.status;
    if (received > 0) status.increment('Bytes_received', received);
    if (sent > 0) status.increment('Bytes_sent', sent);
  }

  private async runQuery(text: string, sequenceId: number): Promise<void> {
    const session = this.session!;
    const batch = new PacketBatch(sequenceId);
    const collation = this.resultCollation(session);
    const trace = this.context.driver.observer && new StatementTrace(this.context.driver.observer, session, text, false);
    try {
      const localInfile = new LocalInfile(this.channel, batch, (this.capabilities & CapabilityFlags.CLIENT_LOCAL_FILES) !== 0);
      for await (const outcome of session.run(text, localInfile)) {
        const rows = await writeStatementResult(batch, this.channel, session, outcome.result, outcome.hasMore, this.capabilities, collation);
        trace?.succeeded(outcome.statement.kind, outcome.result, rows);
      }
    } catch (error) {
      const clientError = this.toClientError(error);
      trace?.failed(clientError);
      session.recordError(clientError);
      writeErrPacket(batch.begin(), clientError, this.capabilities);
      batch.end();
    }
    await this.channel.write(batch.take());
  }

  /** The collation id of text result columns for the next result (SET NAMES can change it). */
  private resultCollation(session: ClientSession): number {
    return resultCollationId(session.resultCharset, this.loginResult?.response.characterSet ?? 46);
  }

  /** COM_FIELD_LIST: the table's column definitions, checked as SHOW COLUMNS is (the session does that). */
  private async fieldList(tableName: string, sequenceId: number): Promise<void> {
    const session = this.session!;
    const columns = await session.fieldList(tableName);
    const batch = new PacketBatch(sequenceId);
    for (const column of columns) {
      writeColumnDefinition41(batch.begin(), { ...columnDefinition(column, 46), defaultValue: null });
      batch.end();
    }
    const status = sessionStatusFlags(session, false);
    if ((this.capabilities & CapabilityFlags.CLIENT_DEPRECATE_EOF) !== 0) {
      writeEofOkPacket(batch.begin(), { affectedRows: 0, lastInsertId: 0, statusFlags: status, warnings: 0 }, this.capabilities);
    } else {
      writeEofPacket(batch.begin(), { warnings: 0, statusFlags: status }, this.capabilities);
    }
    batch.end();
    await this.channel.write(batch.take());
  }

  private async sendOk(sequenceId: number): Promise<void> {
    const batch = new PacketBatch(sequenceId);
    const session = this.session;
    writeOkPacket(batch.begin(), {
      affectedRows: 0,
      lastInsertId: 0,
      statusFlags: session ? sessionStatusFlags(session, false) : 0,
      warnings: 0,
    }, this.capabilities || CapabilityFlags.CLIENT_PROTOCOL_41);
    batch.end();
    await this.channel.write(batch.take());
  }

  private async sendError(error: MySqlError, sequenceId: number): Promise<void> {
    const batch = new PacketBatch(sequenceId);
    writeErrPacket(batch.begin(), error, this.capabilities || CapabilityFlags.CLIENT_PROTOCOL_41);
    batch.end();
    await this.channel.write(batch.take());
  }

  /** A MySqlError goes to the client as is; anything else is a bug: logged with its stack and answered 1105. */
  private toClientError(error: unknown): MySqlError {
    if (error instanceof MySqlError) return error;
    this.logUnexpected(error);
    return mysqlError(ER_UNKNOWN_ERROR, error instanceof Error ? error.message : String(error));
  }

  private logUnexpected(error: unknown): void {
    if (error instanceof ChannelClosedError) return;
    this.logFailure('error', 'unexpected-error', 'unexpected error', { err: error instanceof Error ? error : new Error(String(error)) });
  }

  /**
   * Logs a failure a client can cause (bad logins, malformed packets, dropped connections, bugs it triggers) through
   * the server's rate-limited log: at most 20 a minute per kind, then one "suppressed N similar messages" line.
   */
  private logFailure(level: LogLevel, kind: string, msg: string, fields: LogFields): void {
    this.context.handshakeLog.log(level, kind, msg, { conn: this.id, peer: this.peer, ...fields });
  }

  private logChannelEnd(error: ChannelClosedError, when: string): void {
    const end = error.end;
    if (end.kind === 'closed') this.debug(`client closed the connection ${when}`);
    else this.logFailure('info', `connection-ended-${end.kind}`, `connection ended ${when}`, { reason: end.error.message });
  }
}

/** The SQL statement a COM_* command stands for (its text only shows where a statement's text would). */
function twin<K extends Statement['kind']>(kind: K, fields: Omit<Extract<Statement, { kind: K }>, 'kind' | 'text'>): Extract<Statement, { kind: K }> {
  return { kind, text: '', ...fields } as unknown as Extract<Statement, { kind: K }>;
}

/** activityName of the other commands, built once per command byte (each COM_QUIT of every connection asks). */
const otherActivityNames = new Map<number, string>();

/** PROCESSLIST's Command column for a command byte, as MySQL names them. */
function activityName(command: number | undefined): string {
  switch (command) {
    case CommandCode.COM_QUERY:
      return 'Query';
    case CommandCode.COM_STMT_PREPARE:
      return 'Prepare';
    case CommandCode.COM_STMT_EXECUTE:
    case CommandCode.COM_STMT_FETCH:
      return 'Execute';
    default: {
      if (command === undefined) return 'Sleep';
      let name = otherActivityNames.get(command);
      if (name === undefined) {
        name = (commandName(command) ?? 'Unknown').replace(/^COM_/, '').toLowerCase().replace(/^./, (c) => c.toUpperCase());
        otherActivityNames.set(command, name);
      }
      return name;
    }
  }
}

/** Throws `error` when there is one (a limit that refuses the command). */
function throwIfSet(error: MySqlError | undefined): void {
  if (error) throw error;
}
