// AuthPlugin: what every server-side authentication plugin codec provides, and the plugin names TidalDB knows.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_authentication_methods.html

/** Authentication plugin names as sent in HandshakeV10, HandshakeResponse41 and AuthSwitchRequest. */
export const AuthPluginName = {
  MYSQL_NATIVE_PASSWORD: 'mysql_native_password',
  CACHING_SHA2_PASSWORD: 'caching_sha2_password',
  SHA256_PASSWORD: 'sha256_password',
  MYSQL_CLEAR_PASSWORD: 'mysql_clear_password',
} as const;
export type AuthPluginName = (typeof AuthPluginName)[keyof typeof AuthPluginName];

/**
 * A stateless authentication plugin codec. The connection state machine owns the exchange (which packets to send
 * and when); a plugin only knows its name, the data it announces, and how to check what the client answered (each
 * plugin module exports its own verification functions, since their inputs differ).
 */
export interface AuthPlugin {
  readonly name: AuthPluginName;
  /**
   * The plugin data to send for `scramble` in HandshakeV10 (as authPluginData, the 20-byte scramble) or in an
   * AuthSwitchRequest (pluginData: MySQL sends the scramble followed by a NUL).
   */
  authSwitchData(scramble: Buffer): Buffer;
}
