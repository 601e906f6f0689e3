// login: the connection phase: HandshakeV10, optional SSLRequest + TLS upgrade, HandshakeResponse41, authentication.
import type { TLSSocket } from 'node:tls';
import { mysqlError, ER_ACCESS_DENIED_ERROR, ER_HANDSHAKE_ERROR, ER_NOT_SUPPORTED_AUTH_MODE } from '../errors/index.js';
import {
  AuthPluginName,
  CapabilityFlags,
  Collation,
  PacketBatch,
  ServerStatus,
  decodeClientHandshake,
  encodePayload,
  generateScramble,
  writeAuthSwitchRequest,
  writeHandshakeV10,
} from '../protocol/index.js';
import type { HandshakeResponse41 } from '../protocol/index.js';
import { upgradeToTls } from '../protocol/tls/index.js';
import type { PacketChannel } from './packet-channel.js';
import type { ServerContext } from './server-context.js';

/** What the server can do; CLIENT_SSL is added only when TLS material is loaded. */
const SERVER_CAPABILITIES =
  CapabilityFlags.CLIENT_LONG_PASSWORD |
  CapabilityFlags.CLIENT_FOUND_ROWS |
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
    characterSet: Collation.utf8mb4_bin,
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
    tlsSocket = await upgradeToTls(socket, tls, { leftover, counters: context.tlsCounters, handshakeTimeoutMs: deadline - Date.now() });
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
  let sequenceId = packet.sequenceId + 1;
  let authResponse = response.authResponse;
  const clientPlugin = response.authPluginName ?? HANDSHAKE_AUTH_PLUGIN;
  if (clientPlugin !== AuthPluginName.MYSQL_NATIVE_PASSWORD && clientPlugin !== AuthPluginName.CACHING_SHA2_PASSWORD) {
    // An unknown plugin's data means nothing to us: ask for mysql_native_password instead, as MySQL does.
    const payload = encodePayload((writer) => writeAuthSwitchRequest(writer, { pluginName: HANDSHAKE_AUTH_PLUGIN, pluginData: Buffer.concat([scramble, Buffer.from([0])]) }));
    const switchBatch = new PacketBatch(sequenceId);
    switchBatch.add(payload);
    await channel.write(switchBatch.take());
    const reply = await channel.read();
    authResponse = reply.payload;
    sequenceId = reply.sequenceId + 1;
  }
  const account = authenticate(response.username, peerHost, authResponse);
  if (!account) {
    const isUsingPassword = authResponse.length > 0 && !(authResponse.length === 1 && authResponse[0] === 0);
    throw new LoginError(mysqlError(ER_ACCESS_DENIED_ERROR, response.username, peerHost, isUsingPassword ? 'YES' : 'NO'), sequenceId);
  }
  return { response, capabilities, tlsSocket, account, nextSequenceId: sequenceId };
}

/**
 * The bootstrap account only: `root@%` with an empty password, as TiDB starts. An empty password means the client
 * sends an empty auth response (or a single NUL) whatever its plugin. Accounts and password plugins come with the
 * accounts issue; until then any other user, or any password, is refused with 1045.
 */
function authenticate(user: string, _host: string, authResponse: Buffer): string | undefined {
  const isEmpty = authResponse.length === 0 || (authResponse.length === 1 && authResponse[0] === 0);
  if (user === 'root' && isEmpty) return 'root@%';
  return undefined;
}
