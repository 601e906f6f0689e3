// login: the connection phase: HandshakeV10, optional SSLRequest + TLS upgrade, HandshakeResponse41, authentication.
import type { TLSSocket } from 'node:tls';
import {
  mysqlError,
  ER_ACCESS_DENIED_ERROR,
  ER_ACCOUNT_HAS_BEEN_LOCKED,
  ER_HANDSHAKE_ERROR,
  ER_NOT_SUPPORTED_AUTH_MODE,
  ER_SECURE_TRANSPORT_REQUIRED,
  ER_USER_ACCESS_DENIED_FOR_USER_ACCOUNT_BLOCKED_BY_PASSWORD_LOCK,
} from '../errors/index.js';
import {
  AuthPluginName,
  CachingSha2Status,
  CapabilityFlags,
  Collation,
  PacketBatch,
  ServerStatus,
  cachingSha2Digest,
  decodeClientHandshake,
  decryptCachingSha2Password,
  encodePayload,
  generateScramble,
  isPublicKeyRequest,
  parseCleartextPassword,
  scrambleWithNul,
  verifyCachingSha2AuthString,
  verifyCachingSha2Scramble,
  verifyNativePassword,
  writeAuthMoreData,
  writeAuthSwitchRequest,
  writeHandshakeV10,
} from '../protocol/index.js';
import type { HandshakeResponse41, PacketWriter } from '../protocol/index.js';
import { accountKey } from '../sql/accounts/index.js';
import type { Account, LoginBlock } from '../sql/accounts/index.js';
import { meetsTlsRequirement } from './tls-requirement.js';
import { ClientCertificateRefusedError, upgradeToTls } from '../protocol/tls/index.js';
import { refuseCertificateAtLogin } from './refused-certificate-login.js';
import type { PacketChannel } from './packet-channel.js';
import type { ServerContext } from './server-context.js';

/** What the server can do; CLIENT_SSL is added only when TLS material is loaded. */
const SERVER_CAPABILITIES =
  CapabilityFlags.CLIENT_LONG_PASSWORD |
  CapabilityFlags.CLIENT_FOUND_ROWS |
  CapabilityFlags.CLIENT_LOCAL_FILES |
  CapabilityFlags.CLIENT_LONG_FLAG |
  CapabilityFlags.CLIENT_CONNECT_WITH_DB |
  CapabilityFlags.CLIENT_NO_SCHEMA |
  CapabilityFlags.CLIENT_ODBC |
  CapabilityFlags.CLIENT_IGNORE_SPACE |
  CapabilityFlags.CLIENT_PROTOCOL_41 |
  CapabilityFlags.CLIENT_INTERACTIVE |
  CapabilityFlags.CLIENT_IGNORE_SIGPIPE |
  CapabilityFlags.CLIENT_TRANSACTIONS |
  CapabilityFlags.CLIENT_SECURE_CONNECTION |
  CapabilityFlags.CLIENT_MULTI_STATEMENTS |
  CapabilityFlags.CLIENT_MULTI_RESULTS |
  CapabilityFlags.CLIENT_PS_MULTI_RESULTS |
  CapabilityFlags.CLIENT_PLUGIN_AUTH |
  CapabilityFlags.CLIENT_CONNECT_ATTRS |
  CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA |
  CapabilityFlags.CLIENT_SESSION_TRACK |
  CapabilityFlags.CLIENT_DEPRECATE_EOF;

/** The authentication plugin named in HandshakeV10, as TiDB's default_authentication_plugin. */
const HANDSHAKE_AUTH_PLUGIN = AuthPluginName.MYSQL_NATIVE_PASSWORD;

/** The outcome of a successful login. */
export interface LoginResult {
  readonly response: HandshakeResponse41;
  /** Capabilities both sides have. */
  readonly capabilities: number;
  /** The TLS socket, when the client upgraded. */
  readonly tlsSocket: TLSSocket | undefined;
  /** The `user@host` of the account that authenticated (CURRENT_USER()). */
  readonly account: string;
  /** The mysql.user entry the client authenticated as. */
  readonly accountRecord: Account;
  /** The connection's scramble (HandshakeV10), which COM_CHANGE_USER responses are computed with. */
  readonly scramble: Buffer;
  /** The sequence id the server's next packet (the final OK) carries. */
  readonly nextSequenceId: number;
}

/** A login that failed with an error the client must see (ERR packet), as opposed to a dropped socket. */
export class LoginError extends Error {
  constructor(
    readonly clientError: ReturnType<typeof mysqlError>,
    readonly sequenceId: number,
  ) {
    super(clientError.message);
    this.name = 'LoginError';
  }
}

/**
 * Runs the connection phase up to (not including) the final OK packet. `deadline` (epoch ms, connect_timeout) also
 * bounds the TLS handshake.
 */
export async function login(channel: PacketChannel, context: ServerContext, connectionId: number, peerHost: string, deadline = Date.now() + context.connectTimeoutMs): Promise<LoginResult> {
  const tls = context.tls();
  const scramble = generateScramble();
  const serverCapabilities = SERVER_CAPABILITIES | (tls ? CapabilityFlags.CLIENT_SSL : 0);
  const greeting = new PacketBatch(0);
  writeHandshakeV10(greeting.begin(), {
    serverVersion: context.serverVersion,
    connectionId,
    authPluginData: scramble,
    capabilities: serverCapabilities,
    characterSet: Collation.utf8mb4_0900_ai_ci,
    statusFlags: ServerStatus.SERVER_STATUS_AUTOCOMMIT,
    authPluginName: HANDSHAKE_AUTH_PLUGIN,
  });
  greeting.end();
  await channel.write(greeting.take());

  let packet = await channel.read();
  let handshake = decodeClientHandshake(packet.payload);
  let tlsSocket: TLSSocket | undefined;
  if (handshake.kind === 'ssl-request') {
    if (!tls) throw new LoginError(mysqlError(ER_HANDSHAKE_ERROR), packet.sequenceId + 1);
    const { socket, leftover } = channel.detach();
    try {
      tlsSocket = await upgradeToTls(socket, tls, { leftover, counters: context.tlsCounters, handshakeTimeoutMs: handshakeTimeoutMs(deadline), keepRefusedSocket: true });
    } catch (error) {
      if (!(error instanceof ClientCertificateRefusedError)) throw error;
      const answer = await refuseCertificateAtLogin(channel, error, context, peerHost);
      if (answer === undefined) throw error;
      throw new LoginError(answer.error, answer.sequenceId);
    }
    channel.attach(tlsSocket);
    packet = await channel.read();
    handshake = decodeClientHandshake(packet.payload);
    if (handshake.kind === 'ssl-request') throw new LoginError(mysqlError(ER_HANDSHAKE_ERROR), packet.sequenceId + 1);
  }
  const response = handshake;
  const capabilities = response.capabilities & serverCapabilities;
  if ((capabilities & CapabilityFlags.CLIENT_PROTOCOL_41) === 0) {
    throw new LoginError(mysqlError(ER_NOT_SUPPORTED_AUTH_MODE), packet.sequenceId + 1);
  }
  const exchange = new AuthExchange(channel, packet.sequenceId + 1);
  if (tlsSocket === undefined && context.globals.isSecureTransportRequired) {
    throw new LoginError(mysqlError(ER_SECURE_TRANSPORT_REQUIRED), exchange.sequenceId);
  }
  const account = await authenticateAccount(exchange, context, {
    user: response.username,
    authResponse: response.authResponse,
    clientPlugin: response.authPluginName ?? HANDSHAKE_AUTH_PLUGIN,
    scramble,
    tlsSocket,
    peerHost,
  });
  return { response, capabilities, tlsSocket, scramble, account: accountKey(account), accountRecord: account, nextSequenceId: exchange.sequenceId };
}

/**
 * What is left of the login's time for the TLS handshake, rounded up to whole seconds (connect_timeout's unit). Node
 * keeps one timer list per distinct duration and builds and tears one down whenever a duration is new: a remaining
 * time exact to the millisecond cost every TLS login such a list, a whole second almost always finds one in use.
 */
function handshakeTimeoutMs(deadline: number): number {
  return Math.max(0, Math.ceil((deadline - Date.now()) / 1000) * 1000);
}

/** What a client offers to authenticate with (HandshakeResponse41, or COM_CHANGE_USER later on). */
export interface AuthRequest {
  readonly user: string;
  readonly authResponse: Buffer;
  readonly clientPlugin: string;
  /** The scramble the client computed its response with (the connection's, from HandshakeV10). */
  readonly scramble: Buffer;
  readonly tlsSocket: TLSSocket | undefined;
  readonly peerHost: string;
}

/**
 * Authenticates `request` against the accounts: plugin switch, password check, lockout, ACCOUNT LOCK and the
 * account's TLS requirements. Returns the account or throws a LoginError for the client.
 */
export async function authenticateAccount(exchange: AuthExchange, context: ServerContext, request: AuthRequest): Promise<Account> {
  const { user, clientPlugin, scramble, tlsSocket, peerHost } = request;
  const accounts = context.driver.accounts;
  const account = accounts.match(user, peerHost);
  // The exchange runs the account's plugin; for an unknown user the client's own (when known), so that a failed
  // login looks the same whether or not the user exists.
  const plugin = account?.plugin ?? (isKnownPlugin(clientPlugin) ? clientPlugin : HANDSHAKE_AUTH_PLUGIN);
  let authResponse = request.authResponse;
  // Both plugins send an empty password as an empty response, so no switch is needed to check one.
  const isEmptyPasswordLogin = account !== undefined && account.authString === '' && isKnownPlugin(clientPlugin) && isEmptyResponse(authResponse);
  if (clientPlugin !== plugin && !isEmptyPasswordLogin) {
    await exchange.send((writer) => writeAuthSwitchRequest(writer, { pluginName: plugin, pluginData: scrambleWithNul(scramble) }));
    authResponse = await exchange.read();
  }
  const isSecure = tlsSocket !== undefined;
  const isAuthenticated =
    plugin === AuthPluginName.CACHING_SHA2_PASSWORD
      ? await authenticateCachingSha2(exchange, account, scramble, authResponse, isSecure, context)
      : account !== undefined && verifyNativePassword(account.authString, scramble, withoutNul(authResponse));
  const denied = (): LoginError =>
    new LoginError(mysqlError(ER_ACCESS_DENIED_ERROR, user, peerHost, isEmptyResponse(authResponse) ? 'NO' : 'YES'), exchange.sequenceId);
  if (!account) throw denied();
  const failedLogins = accounts.failedLogins;
  // A temporarily locked account is refused even with the right password, so guessing cannot go on.
  const block = failedLogins.blockOf(account);
  if (block !== undefined) throw blocked(account, block, exchange.sequenceId);
  if (!isAuthenticated) {
    const started = failedLogins.recordFailure(account);
    await failedLogins.settled();
    throw started === undefined ? denied() : blocked(account, started, exchange.sequenceId);
  }
  failedLogins.reset(account);
  await failedLogins.settled();
  if (account.isLocked) throw new LoginError(mysqlError(ER_ACCOUNT_HAS_BEEN_LOCKED, account.user, account.host), exchange.sequenceId);
  // REQUIRE SSL/X509/…: MySQL answers a connection that does not meet them as any other refused login.
  if (!meetsTlsRequirement(account.tls, tlsSocket)) throw denied();
  return account;
}

function blocked(account: Account, block: LoginBlock, sequenceId: number): LoginError {
  const error = mysqlError(ER_USER_ACCESS_DENIED_FOR_USER_ACCOUNT_BLOCKED_BY_PASSWORD_LOCK, account.user, account.host, block.lockDays, block.remainingDays, block.failures);
  return new LoginError(error, sequenceId);
}

/** The packets of the authentication phase after HandshakeResponse41 (or COM_CHANGE_USER), with their sequence ids. */
export class AuthExchange {
  constructor(
    private readonly channel: PacketChannel,
    /** The sequence id of the server's next packet. */
    public sequenceId: number,
  ) {}

  async send(write: (writer: PacketWriter) => void): Promise<void> {
    const batch = new PacketBatch(this.sequenceId);
    batch.add(encodePayload(write));
    await this.channel.write(batch.take());
    this.sequenceId = (this.sequenceId + 1) & 0xff;
  }

  async read(): Promise<Buffer> {
    const reply = await this.channel.read();
    this.sequenceId = (reply.sequenceId + 1) & 0xff;
    return reply.payload;
  }
}

function isKnownPlugin(name: string): boolean {
  return name === AuthPluginName.MYSQL_NATIVE_PASSWORD || name === AuthPluginName.CACHING_SHA2_PASSWORD;
}

/** Clients send an empty password as no bytes, or as a single NUL. */
function isEmptyResponse(response: Buffer): boolean {
  return response.length === 0 || (response.length === 1 && response[0] === 0);
}

function withoutNul(response: Buffer): Buffer {
  return isEmptyResponse(response) ? Buffer.alloc(0) : response;
}

/**
 * caching_sha2_password: the fast path when the cache holds the account's digest; otherwise full authentication,
 * where the password travels in clear only inside TLS and, on a plain connection, RSA-encrypted with the server's
 * public key (sent to clients that ask). Without a key pair, a plain connection cannot authenticate fully.
 */
async function authenticateCachingSha2(
  exchange: AuthExchange,
  account: Account | undefined,
  scramble: Buffer,
  response: Buffer,
  isSecure: boolean,
  context: ServerContext,
): Promise<boolean> {
  if (isEmptyResponse(response)) return account !== undefined && account.authString === '';
  if (account !== undefined && account.authString === '') return false;
  const cached = account === undefined ? undefined : context.sha2Cache.get(account);
  if (cached !== undefined) {
    if (!verifyCachingSha2Scramble(cached, scramble, response)) return false;
    await exchange.send((writer) => writeAuthMoreData(writer, Buffer.of(CachingSha2Status.FAST_AUTH_SUCCESS)));
    return true;
  }
  await exchange.send((writer) => writeAuthMoreData(writer, Buffer.of(CachingSha2Status.PERFORM_FULL_AUTHENTICATION)));
  let reply = await exchange.read();
  let password: string | undefined;
  if (isSecure) {
    password = parseCleartextPassword(reply);
  } else {
    const keys = context.rsaKeys();
    if (keys === undefined) return false;
    if (isPublicKeyRequest(reply)) {
      await exchange.send((writer) => writeAuthMoreData(writer, Buffer.from(keys.publicKeyPem)));
      reply = await exchange.read();
    }
    password = decryptCachingSha2Password(reply, keys.privateKey, scramble);
  }
  if (password === undefined || account === undefined || !verifyCachingSha2AuthString(account.authString, password)) return false;
  await context.sha2Cache.set(account, cachingSha2Digest(password));
  return true;
}
