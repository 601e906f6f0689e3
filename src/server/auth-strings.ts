// The password hashing the SQL layer stores in mysql.user, provided by the protocol's authentication plugins.
import type { AuthStringFactory } from '../sql/accounts/index.js';
import {
  AuthPluginName,
  cachingSha2AuthString,
  nativePasswordHash,
  parseNativePasswordHash,
} from '../protocol/index.js';

const CACHING_SHA2_PATTERN = /^\$A\$[0-9A-Fa-f]{3}\$[\s\S]{20}[./0-9A-Za-z]{43}$/;

/** mysql_native_password and caching_sha2_password, as CREATE USER … IDENTIFIED WITH names them. */
export const serverAuthStrings: AuthStringFactory = {
  isSupported: (plugin) => plugin === AuthPluginName.MYSQL_NATIVE_PASSWORD || plugin === AuthPluginName.CACHING_SHA2_PASSWORD,
  hash: (plugin, password) => (plugin === AuthPluginName.MYSQL_NATIVE_PASSWORD ? nativePasswordHash(password) : cachingSha2AuthString(password)),
  isValid: (plugin, authString) =>
    plugin === AuthPluginName.MYSQL_NATIVE_PASSWORD ? parseNativePasswordHash(authString) !== undefined : CACHING_SHA2_PATTERN.test(authString),
};
